#!/usr/bin/env bash
# The whole test suite, as CI runs it. Sets up what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
source tools/env.sh

step() { printf '\n== %s (%s)\n' "$*" "$(date +%T)"; }

step "format"
cargo fmt --check

step "the core builds without Bevy"
if cargo tree --locked --no-default-features -e normal --prefix none | grep -E '^bevy'; then
  echo "error: the core (--no-default-features) depends on Bevy" >&2
  exit 1
fi

# Clippy's lints run inside the test builds: clippy-driver compiles our own crate (the
# workspace) as rustc would, with every lint, and warnings are errors. This is what
# `cargo clippy --all-targets -- -D warnings` does, without its separate check-mode pass over
# every dependency (Bevy included), which cost about 8 of the cold run's minutes.
# Dependencies are built by plain rustc, so `cargo run` reuses them.
RUSTC_WORKSPACE_WRAPPER="$(rustc --print sysroot)/bin/clippy-driver"
export RUSTC_WORKSPACE_WRAPPER
# How cargo-clippy hands its arguments to the driver (`-D warnings`).
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"

# KUAYUE_TIMINGS=1 (tools/bench-cold-test.sh): Cargo's report of what each crate cost to build.
timings=()
[ "${KUAYUE_TIMINGS:-0}" = 1 ] && timings=(--timings)

# The core's own tests run in the next step too (the app build has every core test); here
# it is built and linted once without Bevy, so a Bevy type creeping into it fails at once.
step "the core builds and passes its lints without Bevy"
cargo build --locked --no-default-features --lib --bins "${timings[@]}"

step "lints, app build and all tests (Bevy)"
cargo test --locked "${timings[@]}"

step "the shipped scenarios check clean"
cargo run --locked --quiet -- check --lang en-US scenarios/

step "the Linux package, unpacked and used as on a centre's PC (from the dev build: Bevy is not built again)"
bash tools/package.sh --deb --profile dev
bash tools/check-package.sh

if [ "${KUAYUE_CI_WINDOWS:-0}" = 1 ]; then
  # A Windows build is Bevy built once more (cross-compiled): only when asked for.
  step "the Windows installer and portable zip (KUAYUE_CI_WINDOWS=1)"
  bash tools/package.sh --windows --profile dev
  bash tools/check-package.sh
fi
if [ "${KUAYUE_CI_VR:-0}" = 1 ]; then
  # VR is Bevy's renderer built once more (the `vr` feature) and a Debian 13 chroot with
  # Monado (about 1 GB, cached): only when asked for.
  step "seated VR on Monado's simulated headset (KUAYUE_CI_VR=1)"
  bash tools/vr-smoke.sh
fi
step "done"
