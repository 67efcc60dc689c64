#!/usr/bin/env bash
# Plays every shipped scenario by itself in a real window (Xvfb, 1280×720, software
# rendering), once without mistakes (Chinese) and once with a wrong tap before each right one
# (English), and prints a line per run: whether it reached the end, the steps played, the
# seconds it took. Screenshots of every step go to $OUT (default /tmp/kuayue-autoplay-all).
#
#   tools/autoplay-all.sh                 # every scenario, both ways
#   tools/autoplay-all.sh taxi_call       # only these
#
# The test command plays four scenarios this way (tests/core/autoplay.rs); this plays the whole
# course (about a minute a run on 2 cores), for the notes of a content change.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
bin="${KUAYUE_BIN:-$CARGO_TARGET_DIR/debug/kuayue}"
[ -x "$bin" ] || cargo build --locked --bin kuayue
out="${OUT:-/tmp/kuayue-autoplay-all}"
rm -rf "$out" && mkdir -p "$out"
ids=("$@")
if [ ${#ids[@]} -eq 0 ]; then
  for f in scenarios/*.ron; do ids+=("$(basename "$f" .ron)"); done
fi
failed=0
printf '%-28s %-8s %-6s %6s %6s\n' scenario mistakes lang steps secs
for id in "${ids[@]}"; do
  for run in "0 zh-CN" "1 en-US"; do
    read -r mistakes lang <<<"$run"
    dir="$out/$id-$mistakes-$lang"
    mkdir -p "$dir"
    start=$(date +%s)
    if timeout 900 xvfb-run -a -s "-screen 0 1280x720x24" "$bin" play "$id" --autoplay --exit-when-done \
      --mistakes "$mistakes" --lang "$lang" --screenshots "$dir" >"$dir.log" 2>&1 \
      && grep -q "walkthrough completed" "$dir.log"; then
      result=$(grep -c "step entered" "$dir.log" || true)
    else
      result="FAILED"
      failed=1
    fi
    printf '%-28s %-8s %-6s %6s %6s\n' "$id" "$mistakes" "$lang" "$result" "$(( $(date +%s) - start ))"
  done
done
exit $failed
