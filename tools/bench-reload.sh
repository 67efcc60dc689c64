#!/usr/bin/env bash
# Hot reload: how long after a save the running walkthrough shows the change
# (20 edits of a message file and 20 of a scenario file, in a headless app).
#   tools/bench-reload.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
cargo run --locked --quiet --example bench_reload
