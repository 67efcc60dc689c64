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
# name : task : step
SHOTS="hospital-lobby:hospital_appointment:find_kiosk
hospital-kiosk-screen:hospital_appointment:kiosk_checkin
hospital-card-reader:hospital_appointment:insert_card
report-kiosk-screen:report_print:kiosk_print
living-room-phone:medical_insurance_payment:open_app
service-hall-phone:zheliban_basics:open_app
bank-hall:social_card_bank:find_machine
bank-ticket-machine-screen:social_card_bank:choose_service
bank-pin-pad-screen:social_card_bank:set_pin
street-taxi:taxi_call:check_plate
bus-stop:bus_ride_code:check_sign
bus-card-reader:bus_ride_code:scan_reader
market-stall:market_pay_code:go_to_stall
market-qr-stand:market_pay_code:find_code"
for size in $SIZES; do
  for lang in $LANGS; do
    mkdir -p "$OUT/$size/$lang"
    while IFS=: read -r name task step; do
      [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]] && continue
      shots=$(mktemp -d)
      KUAYUE_DATA_DIR="$(mktemp -d)" xvfb-run -a -s "-screen 0 ${size}x24" "$BIN" play "$task" --step "$step" \
        --autoplay --lang "$lang" --window "$size" --screenshots "$shots" >/dev/null 2>&1 &
      pid=$!
      for _ in $(seq 1 180); do
        ls "$shots"/01-*.png >/dev/null 2>&1 && break
        sleep 0.5
      done
      sleep 1 # the picture is written in full
      pkill -P "$pid" >/dev/null 2>&1 || true; kill "$pid" >/dev/null 2>&1 || true; wait "$pid" 2>/dev/null || true
      if ls "$shots"/01-*.png >/dev/null 2>&1; then
        cp "$shots"/01-*.png "$OUT/$size/$lang/$name.png"
        echo "$size $lang $name: ok"
      else
        echo "$size $lang $name: NO PICTURE" >&2
      fi
      rm -rf "$shots"
    done <<<"$SHOTS"
  done
done
