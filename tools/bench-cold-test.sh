#!/usr/bin/env bash
# Times README's test command (tools/test.sh, what CI runs) from a fresh clone in an empty
# build folder: the cold figure a new developer or a CI machine without a cache meets.
# The shared cache (~/.cache/kuayue-target) is not touched. System packages already
# installed stay installed (apt is not timed from nothing); cargo-deb is installed during
# the run when COLD_CARGO_DEB=1 (it is moved aside meanwhile). With COLD_KEEP_TARGET=1 the
# build folder of a run that passed replaces the shared cache afterwards (the dependencies'
# builds do not depend on where the clone was), which saves building Bevy again after a
# profile change; a run that failed keeps it too, to go on from there. The whole log is kept in /tmp/kuayue-cold-run.log.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$(mktemp -d)"
moved=""
restore() {
  [ -n "$moved" ] && mv "$moved" "$HOME/.cargo/bin/cargo-deb"
  [ -f "$dir/run.log" ] && cp "$dir/run.log" /tmp/kuayue-cold-run.log
  rm -rf "$dir"
}
trap restore EXIT
if [ "${COLD_CARGO_DEB:-0}" = 1 ] && [ -x "$HOME/.cargo/bin/cargo-deb" ]; then
  moved="$dir/cargo-deb.kept"
  mv "$HOME/.cargo/bin/cargo-deb" "$moved"
fi
git clone --quiet . "$dir/src"
cd "$dir/src"
echo "cores: $(nproc), commit $(git rev-parse --short HEAD), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
keep_target() {
  if [ "${COLD_KEEP_TARGET:-0}" = 1 ]; then
    cache="${CARGO_TARGET_DIR:-$HOME/.cache/kuayue-target}"
    rm -rf "$cache" && mkdir -p "$(dirname "$cache")" && mv "$dir/target" "$cache"
    # Our own crate's builds were made from the clone (its folder is compiled into them, and
    # cargo would take files older than those builds as unchanged): it is built afresh.
    rm -rf "$cache"/debug/.fingerprint/kuayue-* "$cache"/debug/.fingerprint/core-*
    echo "the build folder now serves as $cache"
  fi
}
# Cargo's timing reports (which crate cost what) are kept in /tmp/kuayue-cold-timings.
save_timings() { rm -rf /tmp/kuayue-cold-timings && cp -r "$dir/target/cargo-timings" /tmp/kuayue-cold-timings 2>/dev/null || true; }
CARGO_TARGET_DIR="$dir/target" KUAYUE_TIMINGS=1 bash .ci/run >"$dir/run.log" 2>&1 || {
  save_timings
  tail -40 "$dir/run.log"
  echo "the test command failed after $(( $(date +%s) - start )) s"
  keep_target
  exit 1
}
end=$(date +%s)
save_timings
grep '^== ' "$dir/run.log" || true
echo "cold test command (bash .ci/run = tools/test.sh) from a fresh clone: $(( (end - start) / 60 )) min $(( (end - start) % 60 )) s"
keep_target
