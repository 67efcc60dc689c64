#!/usr/bin/env bash
# Pictures of every place of the course and of every machine's own screen, as the learner
# sees them (autoplay stops at the step and takes its picture), in both languages at
# 1280x720 and 1920x1080, under Xvfb + Mesa's software Vulkan.
# Usage: tools/places-pictures.sh [OUT]      (default: target/places; SIZES, LANGS, ONLY to narrow)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
OUT="${1:-target/places}"
SIZES="${SIZES:-1280x720 1920x1080}"
LANGS="${LANGS:-zh-CN en-US}"
BIN="$CARGO_TARGET_DIR/debug/kuayue"
[ "${SKIP_BUILD:-0}" = 1 ] || cargo build --locked --quiet --bin kuayue
# task : first step : pictures to take : a name for each step's picture
SHOTS="hospital_appointment:find_kiosk:3:hospital-lobby hospital-kiosk-screen hospital-card-reader
report_print:kiosk_print:1:report-kiosk-screen
medical_insurance_payment:open_app:1:living-room-phone-in-hand
zheliban_basics:open_app:1:service-hall-phone-in-hand
social_card_bank:find_machine:2:bank-hall bank-ticket-machine-screen
social_card_bank:set_pin:1:bank-pin-pad-screen
taxi_call:check_plate:1:street-taxi
bus_ride_code:board_bus:2:bus-stop bus-card-reader
market_pay_code:go_to_stall:2:market-stall market-qr-stand"
# ONLY="task …": just those tasks' pictures.
if [ -n "${ONLY:-}" ]; then
  SHOTS=$(grep -E "^($(tr ' ' '|' <<<"$ONLY")):" <<<"$SHOTS" || true)
fi
for size in $SIZES; do
  for lang in $LANGS; do
    mkdir -p "$OUT/$size/$lang"
    while IFS=: read -r task step count names; do
      shots=$(mktemp -d)
      KUAYUE_DATA_DIR="$(mktemp -d)" xvfb-run -a -s "-screen 0 ${size}x24" "$BIN" play "$task" --step "$step" \
        --autoplay --lang "$lang" --window "$size" --screenshots "$shots" >/dev/null 2>&1 &
      pid=$!
      for _ in $(seq 1 360); do
        [ "$(ls "$shots"/*.png 2>/dev/null | wc -l)" -ge "$count" ] && break
        sleep 0.5
      done
      sleep 1 # the last picture is written in full
      pkill -P "$pid" >/dev/null 2>&1 || true; kill "$pid" >/dev/null 2>&1 || true; wait "$pid" 2>/dev/null || true
      n=0
      for name in $names; do
        n=$((n + 1))
        shot=$(ls "$shots"/$(printf %02d $n)-*.png 2>/dev/null | head -1)
        if [ -n "$shot" ]; then cp "$shot" "$OUT/$size/$lang/$name.png"; echo "$size $lang $name: ok"
        else echo "$size $lang $name: NO PICTURE" >&2; fi
      done
      rm -rf "$shots"
    done <<<"$SHOTS"
  done
done
