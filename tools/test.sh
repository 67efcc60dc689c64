#!/usr/bin/env bash
# The whole test suite, as CI runs it. Sets up what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
source tools/env.sh

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --check

step "the core builds without Bevy"
if cargo tree --locked --no-default-features -e normal --prefix none | grep -E '^bevy'; then
  echo "error: the core (--no-default-features) depends on Bevy" >&2
  exit 1
fi

step "lints of the core"
cargo clippy --locked --no-default-features --all-targets -- -D warnings

step "core tests (no Bevy)"
cargo test --locked --no-default-features

step "lints of the app"
cargo clippy --locked --all-targets -- -D warnings

step "app build and all tests (Bevy)"
cargo test --locked

step "the shipped scenarios check clean"
cargo run --locked --quiet -- check --lang en-US scenarios/
