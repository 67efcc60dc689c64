# Sourced by the scripts: one build folder outside the checkout, shared by runs,
# tests and CI, so Bevy (about 15 minutes on 2 cores) is built once.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/kuayue-target}"
