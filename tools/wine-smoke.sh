#!/usr/bin/env bash
# Tries the Windows build as a fresh Windows 10 PC would meet it, under Wine 10 in a
# Debian 13 (trixie) chroot (Debian 12's Wine 8 cannot run programs from Rust >= 1.78:
# they need bcryptprimitives.dll's ProcessPrng).
#
#   tools/wine-smoke.sh [dist/kuayue-<version>-windows-x64-setup.exe]
#
# 1. makes the chroot once (debootstrap, about 1.5 GB, cached in ~/.cache/kuayue-trixie-wine;
#    KUAYUE_WINE_ROOT overrides), with 64- and 32-bit Wine (the NSIS installer is 32-bit);
# 2. runs the installer silently (/S), as a centre's IT person would with a double click;
# 3. from the installed folder runs `kuayue-cli.exe --version`, `check` of the shipped
#    scenarios, `new` (a centre's own scenario in Documents\kuayue), `check` again (both
#    folders), `export --format csv|xlsx|xapi` (creating the records store in AppData),
#    then the uninstaller, and says what each printed and returned.
# Needs root (chroot, mounts). Not part of CI's default run: it downloads ~400 MB once.
set -euo pipefail
cd "$(dirname "$0")/.."
root="${KUAYUE_WINE_ROOT:-$HOME/.cache/kuayue-trixie-wine}"
mirror="${KUAYUE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
setup="${1:-$(ls -t dist/kuayue-*-windows-x64-setup.exe 2>/dev/null | head -1 || true)}"

if [ "$(id -u)" -ne 0 ]; then
  echo "wine-smoke: needs root (debootstrap and chroot); run it with sudo" >&2
  exit 2
fi

if [ ! -f "$root/.kuayue-ready" ]; then
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  echo "wine-smoke: making the Debian 13 chroot with Wine 10 in $root (once)"
  start=$(date +%s)
  debootstrap --variant=minbase --include=ca-certificates trixie "$root" "$mirror" >/dev/null
  chroot "$root" dpkg --add-architecture i386
  chroot "$root" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -qq --no-install-recommends \
    wine wine64 wine32:i386 xvfb xauth >/dev/null
  touch "$root/.kuayue-ready"
  echo "wine-smoke: chroot ready in $(( $(date +%s) - start )) s, $(du -sh "$root" | cut -f1)"
fi
if [ -z "$setup" ] || [ ! -f "$setup" ]; then
  echo "wine-smoke: no installer given and none in dist/ (make one with tools/package.sh --windows)" >&2
  exit 2
fi

mounted=()
cleanup() {
  for m in "${mounted[@]}"; do umount -l "$m" 2>/dev/null || true; done
}
trap cleanup EXIT
for m in proc sys dev; do
  mountpoint -q "$root/$m" || { mount --rbind "/$m" "$root/$m"; mounted+=("$root/$m"); }
done

echo "wine-smoke: $(chroot "$root" wine --version 2>/dev/null), $(grep PRETTY "$root/etc/os-release" | cut -d'"' -f2)"

work="$root/work"
rm -rf "$work"
mkdir -p "$work"
cp "$setup" "$work/setup.exe"

# Everything below runs inside the chroot, as a fresh Windows user: a new Wine prefix.
cat > "$work/run.sh" <<'EOF'
set -u
export WINEPREFIX=/work/prefix WINEDEBUG=-all HOME=/work LANG=C.UTF-8 XDG_RUNTIME_DIR=/tmp/xdg
mkdir -p -m 700 /tmp/xdg
wineboot --init >/dev/null 2>&1
# Program Files as the installer (per-machine, 64-bit) puts it.
pf="$WINEPREFIX/drive_c/Program Files/kuayue"
say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; echo "(exit code $?)"; }
run wine /work/setup.exe /S
wineserver -w
say "installed files"; (cd "$pf" && find . -maxdepth 2 | sort | head -40; echo "… $(find . -type f | wc -l) files, $(du -sh . | cut -f1)")
find "$WINEPREFIX/drive_c" -name '*.lnk' | sed "s|^$WINEPREFIX/drive_c/|shortcut: |"
say "uninstall entry (Programs and Features)"
wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\kuayue' /reg:64 2>/dev/null | grep -E 'DisplayName|DisplayVersion|UninstallString' | tr -d '\r' 
cd /work
run wine "$pf/kuayue-cli.exe" --version
run wine "$pf/kuayue-cli.exe" check --lang en-US
run wine "$pf/kuayue-cli.exe" new --lang en-US pay_water_bill
run wine "$pf/kuayue-cli.exe" check --lang en-US
for f in csv xlsx xapi; do run wine "$pf/kuayue-cli.exe" export --lang en-US --format $f --out "C:\\users\\Public\\records.$f"; done
say "records and exports"; find "$WINEPREFIX/drive_c/users" \( -name 'kuayue.db' -o -name 'records.*' -o -name 'pay_water_bill*' \) | sed "s|$WINEPREFIX/drive_c/||" | sort
run wine "$pf/uninstall.exe" /S
wineserver -w
sleep 2
say "after uninstalling"; ls "$pf" 2>&1 | head -5
EOF
chroot "$root" bash /work/run.sh 2>&1 | grep -v -e '^wine: ' -e 'fixme:' -e '^[0-9a-f]*:err:'
