#!/usr/bin/env bash
# Frame rate, start-up time and peak memory of the hospital scene during autoplay,
# side by side with a baseline (an empty Bevy 3D scene: one lit cube and a camera),
# both at 1280x720 under Xvfb + Mesa's software Vulkan, built from the same profile.
# Usage: tools/bench-frames.sh        (SECS=30 by default; RUNS=1)
#        PROFILE=release tools/bench-frames.sh   (what centres get: tools/package.sh builds it)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
SECS="${SECS:-30}"
PROFILE="${PROFILE:-dev}"
features=()
[ "${SKIP_BUILD:-0}" = 1 ] || cargo build --locked --quiet --profile "$PROFILE" "${features[@]}" --bin kuayue --example bench_baseline
BIN="$CARGO_TARGET_DIR/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")"
echo "profile: $PROFILE"

measure() { # name, command...
  local name=$1; shift
  local out; out=$(mktemp)
  local start; start=$(date +%s%3N)
  KUAYUE_BENCH_SECS="$SECS" KUAYUE_DATA_DIR="$(mktemp -d)" \
    xvfb-run -a -s "-screen 0 1280x720x24" /usr/bin/time -f "peak_kb=%M" "$@" >"$out" 2>&1 || true
  local line; line=$(grep -a '^bench:' "$out" | tail -1)
  if [ -z "$line" ]; then echo "$name: no measurement; log follows" >&2; tail -20 "$out" >&2; exit 1; fi
  local first; first=$(sed -E 's/.*first_frame_unix_ms=([0-9]+).*/\1/' <<<"$line")
  local peak; peak=$(grep -a -o 'peak_kb=[0-9]*' "$out" | tail -1 | cut -d= -f2)
  local median low; median=$(sed -E 's/.*median_fps=([0-9.]+).*/\1/' <<<"$line"); low=$(sed -E 's/.*low1_fps=([0-9.]+).*/\1/' <<<"$line")
  echo "$name $median $low $((first - start)) $((peak / 1024))"
  rm -f "$out"
}

base=$(measure baseline "$BIN/examples/bench_baseline")
app=$(measure hospital "$BIN/kuayue" play hospital_appointment --autoplay --lang zh-CN)
python3 - "$base" "$app" "$SECS" <<'PY'
import sys
b = sys.argv[1].split(); a = sys.argv[2].split(); secs = sys.argv[3]
names = ["median fps", "1% low fps", "start-up to first frame (ms)", "peak memory (MiB)"]
print(f"over {secs} s at 1280x720, Xvfb + lavapipe")
print(f"{'':32}{'baseline':>10}{'hospital':>10}{'ratio':>8}  target")
targets = ["≥ 0.8", "", "≤ 1.3", "≤ 1.3"]
for i, n in enumerate(names):
    bv, av = float(b[i+1]), float(a[i+1])
    print(f"{n:32}{bv:>10.1f}{av:>10.1f}{av/bv:>8.2f}  {targets[i]}")
PY
