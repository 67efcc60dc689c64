#!/usr/bin/env bash
# Installs the system packages kuayue needs on Debian/Ubuntu (idempotent).
#   tools/setup.sh          build and test needs (compiler helpers, ALSA headers, mold,
#                           and Xvfb + Mesa's software Vulkan for the window smoke test)
#   tools/setup.sh --voice  also what `kuayue voice` makes clips with: espeak-ng, sox
#                           (with Ogg Vorbis) and the Python package pypinyin
# Rust itself comes from rustup (Rust 1.95).
set -euo pipefail

packages=(
  pkg-config libasound2-dev mold              # building Bevy (audio via ALSA), fast linking
  xvfb xauth xdotool                          # a virtual screen and a real pointer for tests
  libvulkan1 mesa-vulkan-drivers              # software Vulkan (lavapipe) when there is no GPU
  libx11-6 libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0  # what winit loads on X11
  dbus-daemon at-spi2-core python3-pyatspi    # a screen reader's view of the window (AT-SPI)
  python3-xlib                                # which pointer the X server shows (big pointer)
)

if [ "${1:-}" = "--voice" ]; then
  packages+=(espeak-ng sox libsox-fmt-all python3-pip)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "kuayue setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The learning record store the sync tests send to (Learning Locker's xAPI service, GPL:
# a test server only, never shipped). Node.js from the system, packages pinned by the lock file.
if ! command -v npm >/dev/null; then
  echo "kuayue setup: installing Node.js for the test record store"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if [ ! -f "$(dirname "$0")/lrs/node_modules/xapi-statements/dist/index.js" ]; then
  echo "kuayue setup: installing the test record store (tools/lrs, npm ci)"
  (cd "$(dirname "$0")/lrs" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

if ! command -v cargo >/dev/null; then
  echo "kuayue setup: Rust is missing. Install it with rustup (https://rustup.rs), toolchain 1.95." >&2
  exit 1
fi

if [ "${1:-}" = "--voice" ] && ! python3 -c "import pypinyin" 2>/dev/null; then
  echo "kuayue setup: installing pypinyin (Python) for Chinese voice clips"
  python3 -m pip install --quiet --user pypinyin 2>/dev/null || python3 -m pip install --quiet --break-system-packages --user pypinyin
fi
