#!/usr/bin/env bash
# Progress store benchmark: 100,000 attempts, durable step writes, exports.
# Usage: tools/bench-store.sh   (ATTEMPTS=10000 tools/bench-store.sh for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
cargo run --locked --release --no-default-features --example bench_store
