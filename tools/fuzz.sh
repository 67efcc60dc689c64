#!/usr/bin/env bash
# Coverage-guided fuzzing of the file readers with AFL++ (cargo-afl, stable Rust).
# Not part of CI. Targets (fuzz/src/bin/): scenario, ftl, manifest, store.
#
# Usage:
#   tools/fuzz.sh [LIMIT] [TARGET...]   fuzz each target in turn (all four by default)
#       LIMIT: seconds per target (default 300), or executions per target with an x: 2000000x
#   tools/fuzz.sh seeds [TARGET...]     remake fuzz/corpus/<target>/ from the fixtures (minimised)
#   tools/fuzz.sh stats DIR             the table for an earlier run's output folder
#   tools/fuzz.sh peak DIR              the most memory one input of that run takes (replays them all)
#   tools/fuzz.sh keep DIR [TARGET...]  what KEEP=1 does, for an earlier run's output folder
# Environment:
#   KEEP=1     afterwards, minimise each target's corpus plus the run's small finds back into fuzz/corpus/
#   FUZZ_OUT   where runs write (default ~/.cache/kuayue-fuzz/<time>/<target>/)
#   TIMEOUT_MS per input (default 1000: anything slower is reported as a hang)
#   MEM_MB     memory limit of the target process (default 1024)
#
# Needs cargo-afl: `cargo install cargo-afl --version 0.18.2 --locked` (it builds AFL++ too; if
# `cargo afl fuzz` says AFL++ is missing, `cargo afl config --build`).
# Everything runs under `nice -n 19`, one target at a time (one core).
set -euo pipefail
cd "$(dirname "$0")/.."
# Its own build folder: the harness is built with AFL's instrumentation, unlike everything else.
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$HOME/.cache/kuayue-fuzz-target}"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1
# The reported figures come from afl-fuzz's own counters, not from its banner.
export AFL_QUIET=1
ALL=(scenario ftl manifest store)
TIMEOUT_MS=${TIMEOUT_MS:-1000}
MEM_MB=${MEM_MB:-1024}

build() {
    (cd fuzz && nice -n 19 cargo afl build --release --locked --bins) >&2
}
bin() { echo "$CARGO_TARGET_DIR/release/$1"; }
mode() { if [ "$1" = store ]; then echo binary; else echo text; fi; }

# The fixtures each target starts from, before minimising.
raw_seeds() {
    local target=$1 dir=$2
    mkdir -p "$dir"
    case $target in
        scenario) cp tests/fixtures/broken/*.ron tests/fixtures/good/*.ron scenarios/*.ron "$dir"/ ;;
        ftl)
            for f in locales/*/*.ftl tests/fixtures/locales/*/*.ftl; do
                cp "$f" "$dir/$(echo "$f" | tr / _)"
            done
            ;;
        manifest)
            # The shipped manifests, cut to their first five clips (the rest only repeats them).
            for f in assets/voice/*/manifest.json; do
                python3 -c 'import json, sys
m = json.load(open(sys.argv[1]))
m["clips"] = dict(list(m["clips"].items())[:5])
print(json.dumps(m, ensure_ascii=False, indent=2))' "$f" >"$dir/$(basename "$(dirname "$f")").json"
            done
            printf '{}' >"$dir/empty.json"
            printf '{"generator":"espeak-ng","clips":{"a.b":{"text":"0011223344556677","clip":"8899aabbccddeeff","by":"recorded"}}}' \
                >"$dir/one.json"
            ;;
        store)
            "$(bin store_seeds)" "$dir"
            : >"$dir/empty.db"
            head -c 100 "$dir/new.db" >"$dir/header_only.db"
            ;;
    esac
}

# AFL++'s tools as cargo-afl built them for this rustc.
afl_bin() {
    local hash
    hash=$(rustc -vV | awk '/^commit-hash/ { print substr($2, 1, 7) }')
    ls -d "$HOME"/.local/share/afl.rs/rustc-"$(rustc -vV | awk '/^release/ { print $2 }')"-"$hash"/afl.rs-*/afl/bin | tail -1
}

# The shell afl-cmin: the Python one (`cargo afl cmin`) finds no coverage in persistent-mode targets here.
cmin() {
    local target=$1 in=$2 out=$3
    rm -rf "$out"
    PATH="$(afl_bin):$PATH" nice -n 19 afl-cmin.bash -i "$in" -o "$out" -t "$TIMEOUT_MS" -m "$MEM_MB" -- "$(bin "$target")" \
        >/dev/null 2>&1 || { echo "afl-cmin failed for $target" >&2; return 1; }
}

seeds() {
    build
    local tmp targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=("${ALL[@]}")
    tmp=$(mktemp -d)
    for target in "${targets[@]}"; do
        raw_seeds "$target" "$tmp/$target"
        cmin "$target" "$tmp/$target" "fuzz/corpus/$target"
        echo "fuzz/corpus/$target: $(ls "fuzz/corpus/$target" | wc -l) files, $(du -sh "fuzz/corpus/$target" | cut -f1)"
    done
    rm -rf "$tmp"
}

# Minimises the corpus plus what a run found back into fuzz/corpus/<target>/. Only finds
# of at most KEEP_MAX bytes (default 1024) are taken, so the committed corpus stays small.
keep() {
    local target=$1 out=$2 tmp
    tmp=$(mktemp -d)
    cp "fuzz/corpus/$target"/* "$tmp"/
    find "$out"/default/queue -maxdepth 1 -name 'id:*' -size -"$((${KEEP_MAX:-1024} + 1))"c \
        -exec cp {} "$tmp"/ \;
    # Names without the colons afl gives them.
    for f in "$tmp"/id:*; do [ -e "$f" ] && mv "$f" "$tmp/found-$(basename "$f" | cut -d, -f1 | tr -d :)"; done
    cmin "$target" "$tmp" "fuzz/corpus/$target"
    rm -rf "$tmp"
    echo "fuzz/corpus/$target: $(ls "fuzz/corpus/$target" | wc -l) files, $(du -sh --apparent-size "fuzz/corpus/$target" | cut -f1)" >&2
}

# One line per target from afl-fuzz's fuzzer_stats, and the total.
stats() {
    local out=$1
    printf '%-9s %12s %9s %8s %8s %6s %9s %7s\n' target executions 'execs/s' 'wall s' crashes hangs coverage corpus
    local total=0 secs=0
    for s in "$out"/*/default/fuzzer_stats; do
        [ -f "$s" ] || continue
        local target
        target=$(basename "$(dirname "$(dirname "$s")")")
        get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$s"; }
        local execs wall
        execs=$(get execs_done)
        wall=$(get run_time)
        printf '%-9s %12s %9s %8s %8s %6s %9s %7s\n' "$target" "$execs" \
            "$(awk -v e="$execs" -v t="$wall" 'BEGIN { printf "%.0f", (t > 0 ? e / t : 0) }')" "$wall" \
            "$(get saved_crashes)" "$(get saved_hangs)" "$(get bitmap_cvg)" "$(get corpus_count)"
        total=$((total + execs))
        secs=$((secs + wall))
    done
    printf '%-9s %12s %9s %8s\n' total "$total" "$(awk -v e="$total" -v t="$secs" 'BEGIN { printf "%.0f", (t > 0 ? e / t : 0) }')" "$secs"
    local found
    found=$(find "$out"/*/default/crashes "$out"/*/default/hangs -type f ! -name README.txt 2>/dev/null || true)
    if [ -n "$found" ]; then
        echo "FOUND (replay with: $CARGO_TARGET_DIR/release/<target> < FILE):"
        echo "$found"
    fi
}

# The most memory (max RSS, MB) any one input of a run's queue, crashes and hangs takes,
# each replayed on its own through the target (setup included: catalog, font, messages).
peak() {
    local out=$1 target
    for target in "${ALL[@]}"; do
        [ -d "$out/$target/default/queue" ] || continue
        local max=0 file kb
        for file in "$out/$target"/default/{queue,crashes,hangs}/id:*; do
            [ -f "$file" ] || continue
            kb=$(nice -n 19 /usr/bin/time -f %M timeout 10 "$(bin "$target")" <"$file" 2>&1 >/dev/null | tail -1)
            [[ $kb =~ ^[0-9]+$ ]] && [ "$kb" -gt "$max" ] && max=$kb
        done
        echo "$target: peak RSS $((max / 1024)) MB over $(ls "$out/$target"/default/queue | wc -l) queue inputs"
    done
}

# Where the store harness writes its databases (tmpfs when there is one): afl-fuzz and
# afl-cmin kill the harness before it can tidy up, so this script removes the folder when it ends.
if [ -d /dev/shm ]; then scratch_base=/dev/shm; else scratch_base=${TMPDIR:-/tmp}; fi
export KUAYUE_FUZZ_SCRATCH="$scratch_base/kuayue-fuzz-$$"
mkdir -p "$KUAYUE_FUZZ_SCRATCH"
trap 'rm -rf "$KUAYUE_FUZZ_SCRATCH"' EXIT

case ${1:-} in
    seeds) shift; seeds "$@"; exit ;;
    stats) stats "$2"; exit ;;
    peak) peak "$2"; exit ;;
    keep)
        build
        dir=$2
        shift 2
        targets=("$@")
        [ ${#targets[@]} -gt 0 ] || targets=("${ALL[@]}")
        for t in "${targets[@]}"; do [ -d "$dir/$t" ] && keep "$t" "$dir/$t"; done
        exit
        ;;
esac

LIMIT=${1:-300}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL[@]}")
case $LIMIT in
    *x) STOP=(-E "${LIMIT%x}") ;;
    *) STOP=(-V "$LIMIT") ;;
esac
OUT=${FUZZ_OUT:-$HOME/.cache/kuayue-fuzz/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
build
for target in "${TARGETS[@]}"; do
    [ -d "fuzz/corpus/$target" ] || { echo "no fuzz/corpus/$target: run tools/fuzz.sh seeds" >&2; exit 1; }
    echo "== $target (${STOP[*]}) → $OUT/$target" >&2
    nice -n 19 cargo afl fuzz -i "fuzz/corpus/$target" -o "$OUT/$target" -t "$TIMEOUT_MS" -m "$MEM_MB" \
        -a "$(mode "$target")" "${STOP[@]}" -- "$(bin "$target")" >"$OUT/$target.log" 2>&1 || {
        echo "afl-fuzz failed for $target: see $OUT/$target.log" >&2
        tail -20 "$OUT/$target.log" >&2
        exit 1
    }
    if [ "${KEEP:-}" = 1 ]; then keep "$target" "$OUT/$target"; fi
done
echo "Run: tools/fuzz.sh $LIMIT ${TARGETS[*]}   (output $OUT)"
stats "$OUT"
