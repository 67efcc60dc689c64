#!/usr/bin/env bash
# Sync benchmark: a 100,000-statement backlog sent to the test record store on 127.0.0.1
# (Learning Locker's xAPI service from tools/lrs, memory mode), and step writes meanwhile.
# Usage: tools/bench-sync.sh   (STATEMENTS=10000 tools/bench-sync.sh for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
bash tools/setup.sh >/dev/null
cargo build --locked --release --no-default-features --example bench_sync
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The record store gets the second core to itself (a city's LRS runs on another machine);
# kuayue's sender and the step writes share the first, as in the app.
(cd tools/lrs && exec env EXPRESS_PORT=$port AUTH_REPO=test EVENTS_REPO=test MODELS_REPO=memory STORAGE_REPO=local \
  taskset -c 1 node node_modules/xapi-statements/dist/index.js >/dev/null 2>&1) &
lrs=$!
trap 'kill $lrs 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/xAPI/about" >/dev/null && break
  sleep 0.2
done
taskset -c 0 "${CARGO_TARGET_DIR}/release/examples/bench_sync" "http://127.0.0.1:$port/xAPI/"
