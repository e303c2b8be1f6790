#!/usr/bin/env bash
# libFuzzer over every parser evograph runs on outside input (tests/fuzz/fuzz_*.cpp).
#   scripts/fuzz.sh --list             the targets
#   scripts/fuzz.sh TARGET SECONDS     builds build/fuzz (clang; address, undefined and fuzzer
#                                      sanitizers on the whole engine) and fuzzes TARGET for SECONDS
#                                      from a seed corpus taken from the tests, the resources and the
#                                      W3C suites in ../shared/corpus. Exit 1 on a finding: its input
#                                      is copied to tests/fuzz/regressions/TARGET/, which CTest replays.
# The corpus grows in build/fuzz/corpus/TARGET across runs; the last line of libFuzzer's output
# (executions, coverage, corpus size) is printed at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# The targets: the words of set(EVOGRAPH_FUZZ_TARGETS ...), which may span lines.
targets=$(sed -n '/^set(EVOGRAPH_FUZZ_TARGETS/,/)/p' tests/fuzz/CMakeLists.txt | tr '()' '  ' | tr -s ' \n' '\n' \
    | grep -vx 'set\|EVOGRAPH_FUZZ_TARGETS' | grep .)
if [ "${1:-}" = "--list" ]; then tr ' ' '\n' <<<"$targets"; exit 0; fi
target=${1:?usage: scripts/fuzz.sh --list | TARGET SECONDS}; seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
grep -qw "$target" <<<"$targets" || { echo "fuzz.sh: unknown target '$target' (scripts/fuzz.sh --list)" >&2; exit 2; }
command -v clang++ >/dev/null || { echo "fuzz.sh: needs clang (apt install clang libclang-rt-14-dev)" >&2; exit 2; }

build=build/fuzz
if [ ! -f "$build/build.ninja" ]; then
    flags="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -g -O1"
    CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DEVOGRAPH_FUZZ=ON \
        -DEVOGRAPH_BUILD_UI=OFF -DEVOGRAPH_BUILD_BENCH=OFF -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
cmake --build "$build" --target "fuzz_$target" >/dev/null

# Seeds: files of the kind the target reads, from the repository and the shared corpus.
corpus="$build/corpus/$target"; mkdir -p "$corpus"
seed() { # FILES... copied in, small ones only (libFuzzer mutates better from small inputs)
    for f in "$@"; do [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 65536 ] && cp "$f" "$corpus/$(sha1sum "$f" | cut -c1-16)" || true; done
}
w3c=../shared/corpus/w3c-rdf-tests/rdf/rdf11
evograph=build/default/app/evograph # the normal build's CLI makes seeds of the binary formats
case $target in
rdf_text) # the first byte picks the syntax: 0 Turtle, 1 TriG, 2 N-Triples, 3 N-Quads
    i=0
    for suite in rdf-turtle rdf-trig rdf-n-triples rdf-n-quads; do
        for f in $(ls "$w3c/$suite" 2>/dev/null | head -400); do
            { printf "\\x0$i"; cat "$w3c/$suite/$f"; } > "$corpus/$suite-$f" 2>/dev/null || true
        done
        i=$((i + 1))
    done ;;
rdf_xml) seed $(ls "$w3c"/rdf-xml/*/*.rdf 2>/dev/null | head -400) resources/*.rdf ;;
rdf_patch)
    if [ -x "$evograph" ]; then
        "$evograph" diff resources/demo/user-v1.ttl resources/demo/user-v2.ttl --format patch -o "$corpus/user.rdfp" || true
    fi ;;
plan_yaml) seed $(grep -rl "evograph_plan" resources tests/cli docs --include='*.yaml' 2>/dev/null) ;;
sparql_update) seed tests/oxigraph/cases/*.ru $(find resources tests -name '*.sparql' 2>/dev/null) ;;
config_toml) seed tests/cli/seed/config/*.toml $(find resources -name '*.toml' 2>/dev/null) ;;
suite_yaml) seed $(find resources tests -name '*.test.yaml' 2>/dev/null) ;;
vector_index) # one small index of each kind, built by the CLI from 300 random 8-dimensional vectors
    if [ -x "$evograph" ]; then
        python3 -c 'import random,struct,sys
random.seed(7)
sys.stdout.buffer.write(b"".join(struct.pack("<i8f", 8, *[random.uniform(-1, 1) for _ in range(8)]) for _ in range(300)))' \
            >"$build/seed-vectors.fvecs"
        for kind in flat hnsw pq hnsw-pq; do
            "$evograph" vectors build "$build/seed-vectors.fvecs" --index $kind --pq-m 2 --threads 1 \
                -o "$corpus/seed-$kind.evidx" >/dev/null || true
        done
    fi ;;
snapshot_file) # an exported snapshot of the demo workspace: 0x00 + the file as it is; 0x01 + the file
    # without its closing line (the target writes the hashes in)
    if [ -x "$evograph" ]; then
        ws="$build/seed.evograph"; rm -f "$ws"*
        "$evograph" ws init "$ws" >/dev/null
        "$evograph" ws import "$ws" resources/demo/user-v1.ttl --graph user >/dev/null
        id=$("$evograph" snapshot create --workspace "$ws" --name seed | tail -1)
        "$evograph" snapshot export --workspace "$ws" "$id" -o "$build/seed.evosnap" >/dev/null
        { printf '\x00'; cat "$build/seed.evosnap"; } >"$corpus/seed-raw"
        { printf '\x01'; head -n -1 "$build/seed.evosnap"; } >"$corpus/seed-open"
    fi ;;
provider_json) # answers of each shape; the first byte: bit 0 Ollama, bits 1-3 the texts asked for
    printf '\x04{"data":[{"index":0,"embedding":[0.1,-0.2,3e-1]},{"index":1,"embedding":[1,2,3]}]}' >"$corpus/openai"
    printf '\x05{"embeddings":[[0.5,0.25],[1e-3,-2]]}' >"$corpus/ollama"
    printf '\x02{"error":{"message":"rate limited","type":"requests"}}' >"$corpus/error" ;;
esac

findings="tests/fuzz/regressions/$target"; mkdir -p "$findings"
rm -f "$build"/artifact-"$target"-* # an earlier run's finding is already kept (and fixed)
log="$build/fuzz-$target.log"
set +e
# Leaks inside Debian's libraries that evograph cannot free are listed, with why, in lsan.supp.
LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0" "$build/tests/fuzz/fuzz_$target" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$build/artifact-$target-" -print_final_stats=1 >"$log" 2>&1
status=$?
set -e
grep -E "^#[0-9]+ +(DONE|INITED)|^stat::number_of_executed_units|^stat::peak_rss_mb|cov:" "$log" | tail -3
if [ $status -ne 0 ]; then
    for a in "$build"/artifact-"$target"-*; do [ -f "$a" ] && cp "$a" "$findings/" && echo "finding kept: $findings/$(basename "$a")"; done
    grep -m1 -A12 "ERROR\|==ERROR\|runtime error\|deadly signal" "$log" >&2 || true
    echo "fuzz.sh: $target found a problem (log: $log)" >&2
    exit 1
fi
echo "fuzz.sh: $target ran ${seconds}s with no finding"
