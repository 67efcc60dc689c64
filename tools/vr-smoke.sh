#!/usr/bin/env bash
# kuayue in VR on a simulated headset: Monado's OpenXR runtime with its null compositor and
# simulated head-mounted display, no headset and no GPU needed.
#
#   tools/vr-smoke.sh [SCENARIO]          (default: zheliban_basics)
#
# Monado is not in Debian 12, so it runs in a Debian 13 (trixie) chroot, made once with
# debootstrap (about 2 minutes and 1 GB; kept in ~/.cache/kuayue-vr-chroot, or
# KUAYUE_VR_CHROOT) together with the libraries the program opens (Vulkan and lavapipe, the
# OpenXR loader, X11, ALSA) and Xvfb. The program is built here with the `vr` feature (or
# taken from KUAYUE_VR_BIN with SKIP_BUILD=1), copied into the chroot with the project's
# scenarios, words and voice, and played there:
#   kuayue --vr play SCENARIO --autoplay --exit-when-done
# First, on this machine without any OpenXR runtime, the same play must say so and complete in
# the window. Then it passes when Monado logs the app's session, the program logs frames sent
# to the headset, and the walkthrough completed (autoplay's "done"); it prints the lines it
# judged by, and keeps the window's pictures (one a step) in /tmp/kuayue-vr-shots. Then, with
# Monado's qwerty driver (a headset and two controllers under Xvfb), a trigger pulled with
# xdotool must press the screen the controller points at (KUAYUE_VR_CONTROLLERS=0 skips it).
# Needs root (debootstrap, chroot, mounts). CI runs it when KUAYUE_CI_VR=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh

scenario="${1:-zheliban_basics}"
root="${KUAYUE_VR_CHROOT:-$HOME/.cache/kuayue-vr-chroot}"
mirror="${KUAYUE_VR_MIRROR:-http://deb.debian.org/debian}"
packages=(
  monado-service libopenxr1-monado libopenxr-loader1 libopenxr-dev  # the runtime and the loader (its .so link)
  mesa-vulkan-drivers libvulkan1                                    # lavapipe
  xvfb xauth                                                        # a virtual screen for the window
  libasound2t64 libx11-6 libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0 libudev1
)

step() { printf '\n== %s (%s)\n' "$*" "$(date +%T)"; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  step "build with the vr feature"
  cargo build --locked --features vr
fi
bin="${KUAYUE_VR_BIN:-$CARGO_TARGET_DIR/debug/kuayue}"

step "without a runtime (this machine has none): kuayue --vr says so and plays on in the window"
fallback_log=/tmp/kuayue-vr-fallback.log
fallback_data=$(mktemp -d)
XR_RUNTIME_JSON=/nonexistent/openxr_runtime.json RUST_LOG=info,wgpu=error \
  timeout 600 xvfb-run -a -s "-screen 0 1280x720x24" "$bin" --vr --lang en-US --data-dir "$fallback_data" \
  play "$scenario" --autoplay --exit-when-done >"$fallback_log" 2>&1 || { tail -30 "$fallback_log"; exit 1; }
grep -E "Failed to initialize openxr|VR: no OpenXR|autoplay: done" "$fallback_log" | sed 's/\x1b\[[0-9;]*m//g' | head -5
grep -q "VR: no OpenXR runtime or headset" "$fallback_log" && grep -q "autoplay: done" "$fallback_log" ||
  { echo "FAIL: without a runtime the walkthrough did not go on in the window ($fallback_log)"; exit 1; }

if [ ! -f "$root/.kuayue-ready" ]; then
  step "the Debian 13 chroot with Monado ($root)"
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq debootstrap >/dev/null
  $sudo rm -rf "$root"
  mkdir -p "$(dirname "$root")"
  list=$(IFS=,; echo "${packages[*]}")
  $sudo debootstrap --variant=minbase --include="$list" trixie "$root" "$mirror" >/tmp/kuayue-vr-debootstrap.log 2>&1 ||
    { tail -20 /tmp/kuayue-vr-debootstrap.log; exit 1; }
  $sudo touch "$root/.kuayue-ready"
fi

step "the program and the project, into the chroot"
$sudo rm -rf "$root/opt/kuayue" "$root/tmp/kuayue-vr"
$sudo mkdir -p "$root/opt/kuayue" "$root/tmp/kuayue-vr"
$sudo cp "$bin" "$root/opt/kuayue/kuayue"
$sudo cp -r scenarios locales assets "$root/opt/kuayue/"

mounted=()
cleanup() {
  $sudo chroot "$root" pkill -f monado-service 2>/dev/null || true
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do $sudo umount -l "${mounted[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
for m in proc sys dev dev/shm; do
  $sudo mkdir -p "$root/$m"
  $sudo mount --bind "/$m" "$root/$m"
  mounted+=("$root/$m")
done

step "Monado (null compositor, simulated headset) and kuayue --vr play $scenario"
cat >"$root/tmp/kuayue-vr/run.sh" <<'EOF'
#!/bin/bash
set -u
export XDG_RUNTIME_DIR=/tmp/kuayue-vr/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export VK_ICD_FILENAMES=/usr/share/vulkan/icd.d/lvp_icd.json
export XR_RUNTIME_JSON=/usr/share/openxr/1/openxr_monado.json
XRT_LOG=debug XRT_COMPOSITOR_NULL=1 SIMULATED_ENABLE=1 XRT_NO_STDIN=1 monado-service >/tmp/kuayue-vr/monado.log 2>&1 &
monado=$!
for _ in $(seq 1 60); do
  grep -q "service has started" /tmp/kuayue-vr/monado.log 2>/dev/null && break
  sleep 1
done
cd /opt/kuayue
RUST_LOG=info,wgpu=error,naga=error timeout 900 xvfb-run -a -s "-screen 0 1280x720x24" \
  ./kuayue --vr --project /opt/kuayue --lang zh-CN --data-dir /tmp/kuayue-vr/data \
  play "$1" --autoplay --exit-when-done --screenshots /tmp/kuayue-vr/shots ${KUAYUE_VR_PLAY_ARGS:-} >/tmp/kuayue-vr/kuayue.log 2>&1
echo $? >/tmp/kuayue-vr/kuayue.rc
kill -9 $monado 2>/dev/null  # it does not always stop on TERM
wait $monado 2>/dev/null
exit 0
EOF
$sudo chmod +x "$root/tmp/kuayue-vr/run.sh"
start=$(date +%s)
$sudo chroot "$root" /tmp/kuayue-vr/run.sh "$scenario"
took=$(($(date +%s) - start))

out="$root/tmp/kuayue-vr"
rc=$(cat "$out/kuayue.rc")
# The window's pictures, one a step: what the trainer sees of the learner's view.
shots="${KUAYUE_VR_SHOTS:-/tmp/kuayue-vr-shots}"
rm -rf "$shots" && cp -r "$out/shots" "$shots" 2>/dev/null && echo "the window's pictures (one a step): $shots"
echo "--- Monado (the lines about the session and frames):"
grep -E "Using builder|service has started|Client [0-9]+ connected|Started native session|Stopping native session|Client disconnected" "$out/monado.log" | head -12 || true
echo "  ($(grep -c "Frame late" "$out/monado.log" || true) lines of 'Frame late by …': lavapipe draws slower than the simulated 60 Hz)"
echo "--- kuayue (OpenXR, VR and autoplay lines):"
grep -E "Loaded OpenXR|Using system|XR state|XrCamera|VR:|autoplay: done" "$out/kuayue.log" | grep -v "seat moved" |
  sed 's/\x1b\[[0-9;]*m//g' | head -20 || true
echo "  ($(grep -c "seat moved behind a fade" "$out/kuayue.log" || true) moves of the seat, each behind a fade)"
echo "--- kuayue exit status $rc after $took s"

ok=1
grep -q "Started native session" "$out/monado.log" || { echo "FAIL: Monado logged no session"; ok=0; }
frames=$(grep -oE "VR: [0-9]+ frames sent to the headset in all" "$out/kuayue.log" | grep -oE "[0-9]+" | tail -1)
[ "${frames:-0}" -gt 0 ] || { echo "FAIL: no frames were sent to the headset"; ok=0; }
grep -q "autoplay: done" "$out/kuayue.log" || { echo "FAIL: the walkthrough did not complete"; ok=0; }
[ "$rc" = 0 ] || { echo "FAIL: kuayue exited with $rc"; tail -30 "$out/kuayue.log"; ok=0; }
if [ "$ok" = 1 ]; then
  echo "PASS: $scenario completed in VR on Monado's simulated headset, ${frames} frames sent, in ${took} s"
else
  echo "logs: $out/monado.log $out/kuayue.log"
  exit 1
fi
[ "${KUAYUE_VR_CONTROLLERS:-1}" = 1 ] || exit 0
# Controllers: Monado's qwerty driver gives a headset and two controllers, worked from the
# keyboard and mouse of its debug window (left button = the focused controller's trigger).
# The learner's step (no autoplay) waits; the right controller, held where the driver puts it
# (20 cm right, 30 cm down, 50 cm ahead of the eyes, pointing ahead), is pulled and held for
# two seconds with xdotool. It passes when the program points with the controller, the pull
# presses the screen the ray meets, the let-go lets go, and the walkthrough hears the tap.
step "controllers (Monado's qwerty driver) and kuayue --vr play hospital_appointment --step kiosk_checkin"
display=":$((90 + RANDOM % 9))"
cat >"$root/tmp/kuayue-vr/hands.sh" <<'EOF'
#!/bin/bash
set -u
export XDG_RUNTIME_DIR=/tmp/kuayue-vr/run-hands DISPLAY="$1"
rm -rf "$XDG_RUNTIME_DIR" && mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export VK_ICD_FILENAMES=/usr/share/vulkan/icd.d/lvp_icd.json
export XR_RUNTIME_JSON=/usr/share/openxr/1/openxr_monado.json
Xvfb "$DISPLAY" -screen 0 1280x720x24 >/tmp/kuayue-vr/xvfb.log 2>&1 &
xvfb=$!
sleep 2
XRT_LOG=debug QWERTY_ENABLE=1 XRT_DEBUG_GUI=1 XRT_COMPOSITOR_NULL=1 XRT_NO_STDIN=1 monado-service >/tmp/kuayue-vr/monado-hands.log 2>&1 &
monado=$!
for _ in $(seq 1 60); do
  grep -q "service has started" /tmp/kuayue-vr/monado-hands.log 2>/dev/null && break
  sleep 1
done
cd /opt/kuayue
RUST_LOG=info,wgpu=error,naga=error timeout -s KILL "${2:-240}" ./kuayue --vr --project /opt/kuayue --lang zh-CN \
  --data-dir /tmp/kuayue-vr/data-hands play hospital_appointment --step kiosk_checkin >/tmp/kuayue-vr/kuayue-hands.log 2>&1 &
kuayue=$!
echo $kuayue >/tmp/kuayue-vr/kuayue-hands.pid
wait $kuayue
kill -9 $monado 2>/dev/null
kill $xvfb 2>/dev/null
exit 0
EOF
$sudo chmod +x "$root/tmp/kuayue-vr/hands.sh"
log="$out/kuayue-hands.log"
$sudo chroot "$root" /tmp/kuayue-vr/hands.sh "$display" 300 &
hands=$!
waited=0
until grep -q "VR: pointing with a controller" "$log" 2>/dev/null || [ $waited -ge 200 ]; do sleep 2; waited=$((waited + 2)); done
sleep 3
monado_window=$(DISPLAY=$display xdotool search --name "Monado" 2>/dev/null | head -1 || true)
if [ -n "$monado_window" ]; then
  # Over Monado's window, the left button held two seconds: the trigger pulled and held.
  DISPLAY=$display xdotool windowraise "$monado_window" mousemove 640 400
  sleep 1
  DISPLAY=$display xdotool mousedown 1
  sleep 2
  DISPLAY=$display xdotool mouseup 1
fi
waited=0
until grep -q "learner: " "$log" 2>/dev/null || [ $waited -ge 30 ]; do sleep 2; waited=$((waited + 2)); done
# The program waits for the learner's next step: it is stopped here.
[ -f "$out/kuayue-hands.pid" ] && $sudo kill "$(cat "$out/kuayue-hands.pid")" 2>/dev/null || true
wait $hands 2>/dev/null || true
echo "--- Monado (qwerty):"
grep -E "Using builder|head: |left: |right: |Started native session" "$out/monado-hands.log" | head -6 || true
echo "--- kuayue (the controller, the pull and what the walkthrough heard):"
grep -E "Using system|VR: pointing|VR: the trigger|learner: |hint level" "$log" | sed 's/\x1b\[[0-9;]*m//g' | head -12 || true
ok=1
grep -q "VR: pointing with a controller" "$log" || { echo "FAIL: the program never pointed with a controller"; ok=0; }
grep -q "VR: the trigger presses the screen" "$log" || { echo "FAIL: the pull pressed nothing"; ok=0; }
grep -q "VR: the trigger lets go" "$log" || { echo "FAIL: the let-go let nothing go"; ok=0; }
grep -q "learner: " "$log" || { echo "FAIL: the walkthrough heard no tap"; ok=0; }
if [ "$ok" = 1 ]; then
  echo "PASS: a trigger pulled and held on Monado's qwerty controller pressed the screen it pointed at, let go there, and the walkthrough heard the tap"
else
  echo "logs: $out/monado-hands.log $log"
  exit 1
fi
