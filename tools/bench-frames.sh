#!/usr/bin/env bash
# Frame rate, start-up time and peak memory of every place of the course during autoplay
# (one task per environment), side by side with a baseline (an empty Bevy 3D scene: one
# lit cube and a camera), all at 1280x720 (or SIZE) under Xvfb + Mesa's software Vulkan, built from
# the same profile.
# Every program runs ROUNDS times (3 by default), taking turns (baseline, every place, then
# again), on one Xvfb started here, and each figure is the median of its rounds: the machine's
# own swings (±0.08 in one-off fps ratios, and xvfb-run's start-up of a new X server each run,
# which made start-up times swing between 430 and 1240 ms) fall out of the ratios. Start-up is
# from the program's start to its first frame presented.
# Usage: tools/bench-frames.sh        (SECS=30 by default)
#        ENVS="HospitalLobby Market" ROUNDS=5 tools/bench-frames.sh   (only these places)
#        PROFILE=release tools/bench-frames.sh   (what centres get: tools/package.sh builds it)
#        SIZE=1920x1080 tools/bench-frames.sh     (another window size, for the app and the baseline)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
SECS="${SECS:-30}"
ROUNDS="${ROUNDS:-3}"
SIZE="${SIZE:-1280x720}"
PROFILE="${PROFILE:-dev}"
features=()
[ "${SKIP_BUILD:-0}" = 1 ] || cargo build --locked --quiet --profile "$PROFILE" "${features[@]}" --bin kuayue --example bench_baseline
BIN="$CARGO_TARGET_DIR/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")"
echo "profile: $PROFILE"

measure() { # name, command...
  local name=$1; shift
  local out; out=$(mktemp)
  local start; start=$(date +%s%3N)
  DISPLAY="$display" KUAYUE_BENCH_SECS="$SECS" KUAYUE_BENCH_WINDOW="$SIZE" KUAYUE_DATA_DIR="$(mktemp -d)" \
    /usr/bin/time -f "peak_kb=%M" "$@" >"$out" 2>&1 || true
  local line; line=$(grep -a '^bench:' "$out" | tail -1)
  if [ -z "$line" ]; then echo "$name: no measurement; log follows" >&2; tail -20 "$out" >&2; exit 1; fi
  local first; first=$(sed -E 's/.*first_frame_unix_ms=([0-9]+).*/\1/' <<<"$line")
  local peak; peak=$(grep -a -o 'peak_kb=[0-9]*' "$out" | tail -1 | cut -d= -f2)
  local median low; median=$(sed -E 's/.*median_fps=([0-9.]+).*/\1/' <<<"$line"); low=$(sed -E 's/.*low1_fps=([0-9.]+).*/\1/' <<<"$line")
  # In the first round, what egui keeps for each context (see src/app/meter.rs).
  if [ "$round" = 1 ] && [[ $line == *" egui_"* ]]; then echo "  $name keeps: egui_${line#* egui_}" >&2; fi
  echo "$name $median $low $((first - start)) $((peak / 1024))"
  rm -f "$out"
}

# One task per place: the first of the course that is set there.
declare -A task=(
  [HospitalLobby]=hospital_appointment [LivingRoom]=medical_insurance_payment
  [ServiceHall]=zheliban_basics [BankHall]=social_card_bank [Street]=taxi_call
  [BusStop]=bus_ride_code [Market]=market_pay_code
)
ENVS="${ENVS:-HospitalLobby LivingRoom ServiceHall BankHall Street BusStop Market}"

# One X server for every run.
start_xvfb "$SIZE"
trap 'kill $xvfb 2>/dev/null' EXIT

runs=()
for round in $(seq 1 "$ROUNDS"); do
  runs+=("$(measure baseline "$BIN/examples/bench_baseline")")
  for env in $ENVS; do
    runs+=("$(measure "$env" "$BIN/kuayue" play "${task[$env]}" --autoplay --lang zh-CN --window "$SIZE")")
  done
  echo "round $round of $ROUNDS done" >&2
done
python3 - "$SECS" "$ROUNDS" "$SIZE" "${runs[@]}" <<'PY'
import sys, statistics
secs, rounds, size = sys.argv[1], sys.argv[2], sys.argv[3]
seen = {}
for r in sys.argv[4:]:
    name, *figures = r.split()
    seen.setdefault(name, []).append([float(x) for x in figures])
print("every run (name, median fps, 1% low fps, start-up ms, peak MiB):")
for name, runs in seen.items():
    print(f"  {name:<15}" + "  ".join(f"{f[0]:.1f}/{f[1]:.1f}/{f[2]:.0f}/{f[3]:.0f}" for f in runs))
med = {name: [statistics.median(f[i] for f in runs) for i in range(4)] for name, runs in seen.items()}
b = ["baseline"] + [str(x) for x in med.pop("baseline")]
rows = [[name] + [str(x) for x in figures] for name, figures in med.items()]
print(f"over {secs} s at {size}, Xvfb + lavapipe, median of {rounds} rounds; ratio = place / baseline")
print(f"baseline (one lit cube): median {float(b[1]):.1f} fps, 1% low {float(b[2]):.1f} fps, "
      f"start-up {float(b[3]):.0f} ms, peak {float(b[4]):.0f} MiB")
print(f"{'place':<15}{'median fps':>11}{'ratio':>7}{'1% low':>8}{'start-up ms':>12}{'ratio':>7}{'peak MiB':>9}{'ratio':>7}")
ok = True
for a in rows:
    fps, low, start, mem = (float(x) for x in a[1:5])
    rf, rs, rm = fps / float(b[1]), start / float(b[3]), mem / float(b[4])
    ok &= rf >= 0.9 and rs <= 1.1 and rm <= 1.1
    print(f"{a[0]:<15}{fps:>11.1f}{rf:>7.2f}{low:>8.1f}{start:>12.0f}{rs:>7.2f}{mem:>9.0f}{rm:>7.2f}")
print("targets: fps ratio >= 0.9, start-up ratio <= 1.1, memory ratio <= 1.1:", "met" if ok else "NOT met")
PY
