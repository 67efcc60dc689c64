#!/usr/bin/env bash
# How many voice clips kuayue ships, their size, and how long remaking all of
# them takes (in a scratch copy, so the committed clips are not touched).
#   tools/bench-voice.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --voice
source tools/env.sh
cargo build --locked --quiet --release --no-default-features
kuayue="$CARGO_TARGET_DIR/release/kuayue"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r scenarios locales "$scratch"/
mkdir -p "$scratch/assets" && cp -r assets/voice "$scratch/assets/"
echo "cores: $(nproc)"
for dir in assets/voice/*/; do
  n=$(find "$dir" -name '*.ogg' | wc -l)
  kib=$(du -sk --apparent-size "$dir" | cut -f1)
  secs=$(for f in "$dir"*.ogg; do soxi -D "$f"; done | awk '{s+=$1} END {printf "%.0f", s}')
  echo "$(basename "$dir"): $n clips, $kib KiB, $secs s of speech"
done
start=$(date +%s.%N)
(cd "$scratch" && "$kuayue" --lang en-US voice --force)
end=$(date +%s.%N)
echo "full regeneration (--force, both languages): $(echo "$end - $start" | bc) s"
start=$(date +%s.%N)
(cd "$scratch" && "$kuayue" --lang en-US voice)
end=$(date +%s.%N)
echo "nothing changed (second run): $(echo "$end - $start" | bc) s"
