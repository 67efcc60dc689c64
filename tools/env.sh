# Sourced by the scripts: one build folder outside the checkout, shared by runs,
# tests and CI, so Bevy (about 15 minutes on 2 cores) is built once.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/kuayue-target}"

# A private X server of the given size (e.g. 1280x720) on a free display: sets $display and
# $xvfb (its pid, for the caller's trap). For the benchmarks that time one program at a time.
start_xvfb() {
  for n in $(seq 90 140); do [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }; done
  Xvfb "$display" -screen 0 "$1x24" >/dev/null 2>&1 &
  xvfb=$!
  sleep 2
}
