#!/usr/bin/env bash
# Tries the packages in dist/ as a centre meets them (tools/package.sh makes them).
#
# The .deb is unpacked (dpkg-deb -x) into a throw-away root and run from "/" with HOME a
# fresh folder, as from the desktop menu of a new user account: its menu entry, icon and
# dependencies; `kuayue check` of the shipped scenarios; `kuayue new` writes the centre's
# own scenario into ~/kuayue; the app (Xvfb) offers it next to the shipped ones; it plays
# through by itself, recorded as a learner's practice; the records export to CSV.
# The Windows installer and zip, when there: Windows programs (PE32+, GUI and console),
# the installer's contents (7z lists NSIS installers) and the zip's.
# Exits non-zero at the first thing that is wrong, saying what.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
deb="dist/kuayue_${version}_amd64.deb"
fail() { echo "check-package: FAILED: $*" >&2; exit 1; }
ok() { echo "  ok: $*"; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if [ -f "$deb" ]; then
  echo "== $deb ($(du -h "$deb" | cut -f1))"
  root="$tmp/root"
  dpkg-deb -x "$deb" "$root"
  fields="$(dpkg-deb -f "$deb" Package Version Depends Section)"
  echo "$fields" | sed 's/^/  /'
  for dep in libvulkan1 mesa-vulkan-drivers libasound2 libx11-6 libxkbcommon-x11-0; do
    grep -q "$dep" <<<"$fields" || fail "Depends lacks $dep"
  done
  ok "dependencies declared"
  desktop="$root/usr/share/applications/kuayue.desktop"
  grep -qx 'Name\[zh_CN\]=跨越' "$desktop" || fail "no Name[zh_CN]=跨越 in the menu entry"
  grep -qx 'Exec=kuayue' "$desktop" || fail "the menu entry does not start kuayue"
  [ -f "$root/usr/share/icons/hicolor/256x256/apps/kuayue.png" ] || fail "no icon"
  ok "menu entry 跨越 with its icon"
  for d in scenarios locales/zh-CN locales/en-US assets/voice/zh-CN assets/voice/en-US; do
    [ -n "$(ls -A "$root/usr/share/kuayue/$d")" ] || fail "/usr/share/kuayue/$d is empty"
  done
  ok "content in /usr/share/kuayue ($(find "$root/usr/share/kuayue" -type f | wc -l) files)"

  # A new user's account: nothing in HOME; started from "/" as a menu does.
  home="$tmp/home"
  mkdir -p "$home"
  kuayue="$root/usr/bin/kuayue"
  run() { (cd / && env -u KUAYUE_PROJECT -u KUAYUE_DATA_DIR -u KUAYUE_OWN_DIR -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME="$home" KUAYUE_NO_DIALOG=1 "$@"); }
  run "$kuayue" --version
  run "$kuayue" check --lang en-US >"$tmp/check1.txt" || { cat "$tmp/check1.txt"; fail "the shipped scenarios do not check clean"; }
  tail -1 "$tmp/check1.txt"
  shipped=$(ls "$root/usr/share/kuayue/scenarios" | wc -l)
  run "$kuayue" new --lang en-US pay_water_bill | tee "$tmp/new.txt"
  grep -q "kuayue check $home/kuayue/scenarios/pay_water_bill.ron" "$tmp/new.txt" || fail "kuayue new does not say where it wrote"
  [ -f "$home/kuayue/scenarios/pay_water_bill.ron" ] || fail "kuayue new did not write into ~/kuayue/scenarios (no Documents folder set up here)"
  [ -f "$home/kuayue/locales/zh-CN/pay_water_bill.ftl" ] || fail "kuayue new did not write the Chinese words into ~/kuayue/locales"
  ok "kuayue new wrote the centre's own scenario into ~/kuayue"
  run "$kuayue" check --lang en-US >"$tmp/check2.txt" || { cat "$tmp/check2.txt"; fail "with the own scenario the check fails"; }
  grep -q "checked $((shipped + 1)) scenario files: 0 errors" "$tmp/check2.txt" || { cat "$tmp/check2.txt"; fail "the check did not see the shipped and the own scenarios"; }
  ok "$(tail -1 "$tmp/check2.txt")"

  # The app: the choose screen offers both (the test report lists what the library holds).
  # (A release build has no scripted exit: the app is closed once it has said what it offers.)
  report="$tmp/report.jsonl"
  run env KUAYUE_TEST_REPORT="$report" xvfb-run -a -s "-screen 0 1280x720x24" "$kuayue" --lang en-US 2>"$tmp/app.log" &
  app=$!
  for _ in $(seq 120); do
    grep -q '"library"' "$report" 2>/dev/null && grep -q '"screen"' "$report" 2>/dev/null && break
    kill -0 "$app" 2>/dev/null || break
    sleep 1
  done
  pkill -f "$root/usr/bin/kuayue" || true
  wait "$app" 2>/dev/null || true
  grep -q '"library"' "$report" 2>/dev/null || { tail -20 "$tmp/app.log"; fail "the app did not open"; }
  ready=$(python3 -c 'import json,sys; e=[json.loads(l) for l in open(sys.argv[1]) if "\"library\"" in l]; print(len(e[-1]["ready"]))' "$report")
  [ "$ready" -eq $((shipped + 1)) ] || fail "the app offers $ready scenarios, not $((shipped + 1))"
  ok "the app offers $ready scenarios: $shipped shipped and the centre's own"

  # Practice, recorded, then exported.
  run xvfb-run -a -s "-screen 0 1280x720x24" "$kuayue" --lang en-US play pay_water_bill \
    --autoplay --exit-when-done --record-as 王阿姨 2>"$tmp/play.log" || { tail -20 "$tmp/play.log"; fail "the own scenario did not play through"; }
  ok "the own scenario played through, recorded as 王阿姨"
  run "$kuayue" export --lang en-US --format csv --out "$home/records.csv"
  grep -q "王阿姨" "$home/records.csv" || fail "the export lacks the practice"
  grep -q "pay_water_bill" "$home/records.csv" || fail "the export lacks the scenario"
  ok "records exported ($(($(wc -l <"$home/records.csv") - 1)) practice); kept in $(cd "$home" && find . -name kuayue.db)"
else
  echo "== no $deb (tools/package.sh --deb makes it)"
fi

setup="dist/kuayue-${version}-windows-x64-setup.exe"
zip="dist/kuayue-${version}-windows-x64-portable.zip"
if [ -f "$setup" ]; then
  echo "== $setup ($(du -h "$setup" | cut -f1))"
  file -b "$setup" | grep -q "PE32 executable (GUI)" || fail "the installer is not a Windows program: $(file -b "$setup")"
  ok "$(file -b "$setup")"
  7z l "$setup" >"$tmp/setup.txt" || fail "7z cannot list the installer"
  for f in kuayue.exe kuayue-cli.exe kuayue.ico LICENSE.txt scenarios/hospital_appointment.ron locales/zh-CN/app.ftl assets/voice/zh-CN/app-choose.ogg; do
    grep -q "$f" "$tmp/setup.txt" || fail "the installer lacks $f"
  done
  grep -q 'uninstall.exe\|\$PLUGINSDIR' "$tmp/setup.txt" || true
  ok "installer holds the programs and $(grep -c '\.ogg' "$tmp/setup.txt") voice clips"
  [ -f "$zip" ] || fail "no portable zip"
  7z x -o"$tmp/win" "$zip" >/dev/null
  app="$tmp/win/kuayue-$version"
  file -b "$app/kuayue.exe" | grep -q "PE32+ executable (GUI) x86-64" || fail "kuayue.exe: $(file -b "$app/kuayue.exe")"
  file -b "$app/kuayue-cli.exe" | grep -q "PE32+ executable (console) x86-64" || fail "kuayue-cli.exe: $(file -b "$app/kuayue-cli.exe")"
  ok "kuayue.exe: $(file -b "$app/kuayue.exe")"
  ok "kuayue-cli.exe: $(file -b "$app/kuayue-cli.exe")"
  # Only Windows' own libraries: nothing from mingw needs to ship.
  x86_64-w64-mingw32-objdump -p "$app/kuayue.exe" | sed -n 's/^\tDLL Name: //p' | sort -u >"$tmp/dlls.txt"
  if grep -qiE 'libgcc|libstdc|libwinpthread' "$tmp/dlls.txt"; then fail "kuayue.exe needs mingw libraries: $(tr '\n' ' ' <"$tmp/dlls.txt")"; fi
  ok "imports only Windows libraries: $(tr '\n' ' ' <"$tmp/dlls.txt")"
else
  echo "== no $setup (tools/package.sh --windows makes it)"
fi
echo "check-package: all good"
