#!/usr/bin/env bash
# Builds what a centre installs, into dist/:
#   dist/kuayue_<version>_amd64.deb                   Debian, Ubuntu, 统信 UOS, 麒麟 Kylin
#   dist/kuayue-<version>-windows-x64-setup.exe       Windows 10/11 installer (NSIS)
#   dist/kuayue-<version>-windows-x64-portable.zip    the same folder, to unpack anywhere
#
#   tools/package.sh                  all three, release build
#   tools/package.sh --deb            only the .deb  (also --windows: the installer and the zip)
#   tools/package.sh --profile dev    from the dev build the tests use (CI: no second Bevy build)
#   tools/package.sh --no-build       package what was built last (no cargo build)
#
# Installs what is missing first: cargo-deb, Debian's mingw-w64 and NSIS, p7zip, and the
# Rust standard library for x86_64-pc-windows-gnu (rustup). Prints each file's size and
# the split of the installed folder (programs / voice / other) at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh

deb=0 windows=0 profile=release build=1
while (($#)); do
  case "$1" in
    --deb) deb=1 ;;
    --windows) windows=1 ;;
    --profile) profile="$2"; shift ;;
    --no-build) build=0 ;;
    *) echo "package.sh: unknown option $1 (see the top of the script)" >&2; exit 2 ;;
  esac
  shift
done
((deb || windows)) || { deb=1; windows=1; }
dir_of() { [ "$1" = dev ] && echo debug || echo "$1"; }
out="$(dir_of "$profile")"
# The default features are the app's: the dev build is the very build the tests made.
features=()
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
mkdir -p dist

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
need_apt() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
  if ((${#missing[@]})); then
    echo "package.sh: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

step() { printf '\n== %s\n' "$*"; }
size() { du -sb "$1" | cut -f1; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }

if ((deb)); then
  step "Linux: kuayue ($profile) and the .deb"
  bash tools/setup.sh
  need_apt dpkg-dev
  command -v cargo-deb >/dev/null || cargo install --locked cargo-deb --version 3.8.0
  ((build)) && cargo build --locked --profile "$profile" "${features[@]}" --bin kuayue
  # cargo-deb strips the program and reads "target/release/" in Cargo.toml as this profile's folder.
  cargo deb --no-build --locked --profile "$profile" --output "dist/kuayue_${version}_amd64.deb"
  ls -l "dist/kuayue_${version}_amd64.deb"
fi

if ((windows)); then
  step "Windows: kuayue.exe ($profile), the installer and the portable zip"
  need_apt gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis p7zip-full
  rustup target list --installed | grep -qx x86_64-pc-windows-gnu || rustup target add x86_64-pc-windows-gnu
  target=x86_64-pc-windows-gnu
  ((build)) && cargo build --locked --profile "$profile" "${features[@]}" --target "$target" --bins
  built="$CARGO_TARGET_DIR/$target/$out"
  stage="dist/kuayue-windows"
  rm -rf "$stage"
  mkdir -p "$stage/assets"
  for exe in kuayue kuayue-cli; do
    x86_64-w64-mingw32-strip -o "$stage/$exe.exe" "$built/$exe.exe"
  done
  cp -r scenarios locales "$stage/"
  cp -r assets/voice "$stage/assets/"
  cp packaging/kuayue.ico "$stage/"
  # Windows' Notepad reads these; CRLF line ends.
  sed 's/$/\r/' packaging/LICENSE.txt > "$stage/LICENSE.txt"
  sed 's/$/\r/' assets/fonts/OFL.txt > "$stage/OFL.txt"
  setup="dist/kuayue-${version}-windows-x64-setup.exe"
  makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSTAGE="$(pwd)/$stage" -DOUT="$(pwd)/$setup" packaging/windows/kuayue.nsi
  zip="dist/kuayue-${version}-windows-x64-portable.zip"
  rm -f "$zip"
  (cd dist && mv kuayue-windows "kuayue-$version" && 7z a -tzip -mx=9 -bso0 -bsp0 "$(basename "$zip")" "kuayue-$version" && mv "kuayue-$version" kuayue-windows)
  ls -l "$setup" "$zip"
  step "sizes (bytes)"
  exe=$(( $(size "$stage/kuayue.exe") + $(size "$stage/kuayue-cli.exe") ))
  voice=$(size "$stage/assets/voice")
  all=$(size "$stage")
  echo "installed folder: $all ($(mb "$all")): programs $exe ($(mb "$exe")), voice clips $voice ($(mb "$voice")), other $((all - exe - voice)) ($(mb $((all - exe - voice))))"
  echo "kuayue.exe $(size "$stage/kuayue.exe"), kuayue-cli.exe $(size "$stage/kuayue-cli.exe")"
  echo "installer $(size "$setup") ($(mb "$(size "$setup")")), portable zip $(size "$zip") ($(mb "$(size "$zip")"))"
fi
