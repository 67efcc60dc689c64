#!/usr/bin/env bash
# Measures how long `kuayue check scenarios/` takes (wall clock, whole process),
# over RUNS runs (default 30), with the core-only build (no Bevy) at the dev profile.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
cargo build --locked --quiet --no-default-features
bin="$CARGO_TARGET_DIR/debug/kuayue"
python3 - "$bin" "${RUNS:-30}" <<'PY'
import statistics, subprocess, sys, time
binary, runs = sys.argv[1], int(sys.argv[2])
times = []
for _ in range(runs):
    start = time.perf_counter()
    done = subprocess.run([binary, "check", "--lang", "en-US", "scenarios/"], capture_output=True, text=True)
    times.append((time.perf_counter() - start) * 1000)
    assert done.returncode == 0, done.stdout
summary = done.stdout.strip().splitlines()[-2]
print(f"kuayue check scenarios/ ({summary}): median {statistics.median(times):.1f} ms, "
      f"min {min(times):.1f} ms, max {max(times):.1f} ms over {runs} runs")
PY
