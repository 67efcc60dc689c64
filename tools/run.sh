#!/usr/bin/env bash
# Sets up what is missing, builds, and opens kuayue. Extra arguments go to kuayue,
# e.g. `tools/run.sh --lang en-US` or `tools/run.sh check`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
source tools/env.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ $# -eq 0 ]; then
  echo "kuayue: no display found; opening on a virtual screen (xvfb-run)." >&2
  exec xvfb-run -a -s "-screen 0 1280x720x24" cargo run --locked --quiet --
fi
exec cargo run --locked --quiet -- "$@"
