# Sourced by the benchmark scripts (from the checkout's root).
# generated_pair TRIPLES [CHANGE_SCALE]: sets v1 and v2 to the generated graph and its --evolve
# version (every change rate times CHANGE_SCALE when given) in
# bench/out (generating them once), and evograph to the CLI (building it when missing).
generated_pair() {
    out=bench/out; mkdir -p "$out"
    v1="$out/gen-$1.ttl"; v2="$out/gen-$1-v2.ttl"
    local gen=../shared/tools/gen_ontology.py scale=()
    if [ -n "${2:-}" ]; then v2="$out/gen-$1-v2-x$2.ttl"; scale=(--change-scale "$2"); fi
    [ -f "$v1" ] || python3 "$gen" --triples "$1" --seed 1 --out "$v1" >/dev/null
    [ -f "$v2" ] || python3 "$gen" --evolve --from "$v1" "${scale[@]}" --out "$v2" >/dev/null
    evograph=build/default/app/evograph
    [ -x "$evograph" ] || scripts/build.sh >/dev/null
}

# best CMD...: the best wall seconds of $runs runs of a command
# or function (its stdout discarded), printed with three decimals.
best() {
    local best=""
    for _ in $(seq "$runs"); do
        local start end t
        start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    printf '%.3f' "$best"
}
