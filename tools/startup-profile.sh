#!/usr/bin/env bash
# Where the start-up goes, thread by thread: runs one program under `perf record` (wall clock
# timestamps) on a private Xvfb and prints, from the program's start, when it reached each
# moment of its log (winit ready, graphics adapter, course checked, window, walkthrough, first
# frame presented) and then, for every 10 ms from the walkthrough to the first frame, the CPU
# time each thread spent and in which library (kuayue's own code, lavapipe, LLVM, the kernel).
# A thread missing from a row was asleep. Each sample is 0.25 ms of CPU.
# Usage: tools/startup-profile.sh                       (the hospital, release build)
#        TASK=social_card_bank tools/startup-profile.sh
#        BASELINE=1 tools/startup-profile.sh            (the empty scene, from its window on)
# Needs perf (linux-perf) and a built release (tools/bench-frames.sh PROFILE=release builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
BIN="$CARGO_TARGET_DIR/${PROFILE:-release}"
TASK="${TASK:-hospital_appointment}"
work=$(mktemp -d)
start_xvfb 1280x720
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
if [ "${BASELINE:-0}" = 1 ]; then cmd=("$BIN/examples/bench_baseline"); else
  cmd=("$BIN/kuayue" play "$TASK" --autoplay --lang zh-CN); fi
start=$(date +%s%3N)
DISPLAY="$display" RUST_LOG=info KUAYUE_BENCH_SECS=0.3 KUAYUE_DATA_DIR="$work/data" \
  perf record -q -k CLOCK_REALTIME -F 4000 -o "$work/perf.data" -- "${cmd[@]}" >"$work/log" 2>&1
perf script -i "$work/perf.data" -F comm,tid,time,ip,dso 2>/dev/null >"$work/samples"
python3 - "$start" "$work/log" "$work/samples" <<'PY'
import sys, re, datetime, collections
start, log, samples = int(sys.argv[1]), sys.argv[2], sys.argv[3]
moments = [("winit ready", "XSETTINGS"), ("adapter", "AdapterInfo"), ("course checked", "scenarios ready"),
           ("window", "Creating new window"), ("walkthrough", "screen: Walkthrough")]
at = {}
for line in open(log, errors="replace"):
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)
    m = re.match(r"(\d{4}-\d\d-\d\dT[\d:.]+)Z", line)
    if m:
        t = datetime.datetime.fromisoformat(m.group(1)[:26]).replace(tzinfo=datetime.timezone.utc).timestamp() * 1000
        for name, text in moments:
            if text in line and name not in at:
                at[name] = t - start
    elif line.startswith("bench:"):
        at["first frame"] = int(re.search(r"first_frame_unix_ms=(\d+)", line).group(1)) - start
print("from the program's start (perf adds ~100 ms before it runs):")
for name, t in sorted(at.items(), key=lambda kv: kv[1]):
    print(f"  {t:6.0f} ms  {name}")
lo = at.get("walkthrough", at.get("window", 0))
hi = at.get("first frame", lo + 300) + 10
rows = collections.defaultdict(collections.Counter)
for line in open(samples):
    m = re.match(r"\s*(.+?)\s+(\d+)\s+(\d+\.\d+):\s+\S+\s+\((.*)\)", line)
    if not m:
        continue
    comm, tid, t, dso = m.groups()
    t = float(t) * 1000 - start
    if lo <= t < hi:
        rows[int(t // 10) * 10][f"{comm[:12].strip()}#{tid[-3:]}:{dso.split('/')[-1][:14]}"] += 1
print("CPU per thread#id:library in each 10 ms (ms):")
for t in sorted(rows):
    print(f"  {t:5}  " + "  ".join(f"{k}={v / 4:.1f}" for k, v in rows[t].most_common(5)))
PY
