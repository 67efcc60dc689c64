#!/usr/bin/env bash
# Times a clean build of everything the test command builds (app, Bevy, tests) in
# a fresh, throw-away target folder, so the shared cache is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
# Build a clean clone of the committed tree, so edits made meanwhile cannot interfere.
git clone --quiet . "$dir/src"
cd "$dir/src"
echo "cores: $(nproc), commit $(git rev-parse --short HEAD)"
start=$(date +%s)
CARGO_TARGET_DIR="$dir/target" cargo build --locked --all-targets --quiet
mid=$(date +%s)
CARGO_TARGET_DIR="$dir/target" cargo build --locked --no-default-features --quiet
end=$(date +%s)
echo "clean build, app and tests (cargo build --all-targets): $(( (mid - start) / 60 )) min $(( (mid - start) % 60 )) s"
echo "then the core alone (--no-default-features, sharing that folder): $(( end - mid )) s"
