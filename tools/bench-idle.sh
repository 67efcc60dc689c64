#!/usr/bin/env bash
# CPU share of kuayue (and of the X server drawing it) while nobody touches it:
# the start screen, the choose screen, a walkthrough step waiting for the learner,
# and, for comparison, autoplay (frames as fast as they come). Each over SECS
# seconds (20 by default) after SETTLE seconds (10), at 1280x720 under Xvfb with
# Mesa's software Vulkan. 100 % = one core busy.
# Usage: tools/bench-idle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
SECS="${SECS:-20}"
SETTLE="${SETTLE:-10}"
cargo build --locked --quiet --bin kuayue
BIN="$CARGO_TARGET_DIR/debug/kuayue"
HZ=$(getconf CLK_TCK)

ticks() { # pid: user+system clock ticks of the process (all its threads)
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# name, how (start|choose|wait|autoplay), kuayue arguments...
measure() {
  local name=$1 how=$2; shift 2
  local display=":$((40 + RANDOM % 40))"
  Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp 2>/dev/null &
  local xvfb=$!
  sleep 1
  local data; data=$(mktemp -d)
  DISPLAY="$display" KUAYUE_DATA_DIR="$data" "$BIN" "$@" >/dev/null 2>&1 &
  local app=$!
  sleep "$SETTLE"
  if [ "$how" = choose ]; then
    local window; window=$(DISPLAY="$display" xdotool search --name kuayue | head -1)
    DISPLAY="$display" xdotool windowfocus --sync "$window" key --window "$window" Down
    sleep 0.5
    DISPLAY="$display" xdotool key --window "$window" Return
    sleep "$SETTLE"
  fi
  local a0 x0 a1 x1
  a0=$(ticks $app); x0=$(ticks $xvfb)
  sleep "$SECS"
  a1=$(ticks $app); x1=$(ticks $xvfb)
  kill $app 2>/dev/null || true; wait $app 2>/dev/null || true
  kill $xvfb 2>/dev/null || true; wait $xvfb 2>/dev/null || true
  rm -rf "$data"
  python3 -c "
name, a, x, hz, secs = '$name', $a1 - $a0, $x1 - $x0, $HZ, $SECS
print(f'{name:34}{100*a/hz/secs:>8.1f} %{100*x/hz/secs:>10.1f} %')"
}

echo "CPU share over ${SECS} s (after ${SETTLE} s to settle), 1280x720, Xvfb + lavapipe; 100 % = one core"
printf '%-34s%10s%12s\n' "" "kuayue" "Xvfb"
measure "start screen (who is practising)" start --lang zh-CN
measure "choose screen" choose --lang zh-CN
measure "walkthrough step waiting (挂号 1)" wait play hospital_appointment --lang zh-CN
measure "autoplay (for comparison)" autoplay play hospital_appointment --autoplay --lang zh-CN
