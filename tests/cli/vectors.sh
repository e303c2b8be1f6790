#!/usr/bin/env bash
# evograph vectors build|search|info as scripts call them: every index kind from .npy and .fvecs,
# the search JSON contract, exact answers from the flat index, and bad files named with exit 2.
set -uo pipefail
evograph="$1"; resources="$2"
source "$(dirname "$0")/harness.sh"

# 600 unit vectors of dimension 16 and the first 5 of them as queries (standard library only).
python3 - "$work" <<'PY'
import math, random, struct, sys
work = sys.argv[1]
random.seed(3)
rows = []
for _ in range(600):
    v = [random.gauss(0, 1) for _ in range(16)]
    n = math.sqrt(sum(x * x for x in v))
    rows.append([x / n for x in v])
header = "{'descr': '<f4', 'fortran_order': False, 'shape': (600, 16), }"
header += " " * (63 - (10 + len(header)) % 64) + "\n"
with open(f"{work}/data.npy", "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode())
    for v in rows:
        f.write(struct.pack("<16f", *v))
with open(f"{work}/queries.fvecs", "wb") as f:
    for v in rows[:5]:
        f.write(struct.pack("<i16f", 16, *v))
with open(f"{work}/nan.fvecs", "wb") as f:
    for i in range(4):
        f.write(struct.pack("<i16f", 16, *([float("nan")] * 16 if i == 3 else rows[i])))
PY

for kind in flat hnsw pq hnsw-pq; do
    "$evograph" vectors build "$work/data.npy" --index "$kind" --metric ip --pq-m 4 --threads 2 -o "$work/$kind.idx" > "$work/build.txt"
    check "build --index $kind exits 0" test $? -eq 0
    "$evograph" vectors info "$work/$kind.idx" --format json > "$work/info.json"
    check "  info names kind, count, dimension, metric, parameters and bytes per vector" json "assert d['kind'] == '$kind' and d['count'] == 600 and d['dimension'] == 16 and d['metric'] == 'ip' and 'parameters' in d and d['bytes_per_vector'] > 0, d" < "$work/info.json"
    "$evograph" vectors search "$work/$kind.idx" --queries "$work/queries.fvecs" -k 10 --format json -o "$work/search.json"
    check "  search writes the JSON contract; each query finds itself first" json "assert set(d) == {'k', 'queries', 'search_seconds', 'latency_ms', 'ids', 'distances'} and d['k'] == 10 and d['queries'] == 5 and set(d['latency_ms']) == {'p50', 'p99'} and len(d['ids']) == 5 and all(len(r) == 10 for r in d['ids']) and [r[0] for r in d['ids']] == [0, 1, 2, 3, 4], d" < "$work/search.json"
done
"$evograph" vectors info "$work/pq.idx" --format json | json "assert d['bytes_per_vector'] == 4 and d['parameters']['pq_m'] == 4, d"
check "PQ keeps 4 bytes a vector with --pq-m 4" test $? -eq 0
"$evograph" vectors build "$work/data.npy" --index hnsw --storage int8 --metric cos -o "$work/int8.idx" > /dev/null
"$evograph" vectors search "$work/int8.idx" --queries "$work/queries.fvecs" -k 3 --ef 40 --rerank 20 --one-by-one --format json \
    | json "assert [r[0] for r in d['ids']] == [0, 1, 2, 3, 4] and d['latency_ms']['p99'] >= d['latency_ms']['p50'] > 0, d"
check "int8 HNSW with cosine, one by one: latency percentiles and exact re-ranked answers" test $? -eq 0
"$evograph" vectors search "$work/flat.idx" --queries "$work/queries.fvecs" -k 2 > "$work/text.txt"
check "text output lists each query's neighbours" bash -c "grep -q '^0: 0 (1' '$work/text.txt' && [ \$(grep -c '^[0-9]*:' '$work/text.txt') -eq 5 ]"

# Bad input: exit 2 and the file named.
"$evograph" vectors build "$work/nan.fvecs" --index flat -o "$work/x.idx" 2> "$work/err.txt"
check "a NaN in the data is refused (exit 2), naming file and vector" bash -c "[ $? -eq 2 ] && grep -q 'nan.fvecs: error: vector 3 holds NaN at dimension 0' '$work/err.txt'"
head -c 200 "$work/data.npy" > "$work/cut.npy"
"$evograph" vectors build "$work/cut.npy" --index flat -o "$work/x.idx" 2> "$work/err.txt"
check "a truncated .npy is refused (exit 2)" bash -c "[ $? -eq 2 ] && grep -q 'cut.npy: error:' '$work/err.txt'"
head -c 1000 "$work/hnsw.idx" > "$work/cut.idx"
"$evograph" vectors search "$work/cut.idx" --queries "$work/queries.fvecs" 2> "$work/err.txt"
check "a truncated index is refused (exit 2)" bash -c "[ $? -eq 2 ] && grep -q 'cut.idx: error: not a valid evograph vector index' '$work/err.txt'"
"$evograph" vectors build "$work/data.npy" --index pq --pq-m 5 -o "$work/x.idx" 2> "$work/err.txt"
check "a PQ m that does not divide the dimension is refused (exit 2)" bash -c "[ $? -eq 2 ] && grep -q 'to divide the dimension' '$work/err.txt'"
"$evograph" vectors search "$work/flat.idx" --queries "$work/nowhere.fvecs" 2> "$work/err.txt"
check "a missing queries file is named (exit 2)" bash -c "[ $? -eq 2 ] && grep -q 'nowhere.fvecs: error: cannot read' '$work/err.txt'"

# Kept in a workspace beside the graph version it was built from.
ws="$work/ws.evograph"
"$evograph" ws init "$ws" > /dev/null && "$evograph" ws import "$ws" "$resources/demo/user-v1.ttl" --graph ontology > /dev/null
"$evograph" vectors build "$work/data.npy" --index flat -o "$work/kept.idx" --workspace "$ws" --graph ontology > /dev/null
check "build --workspace keeps the index beside the graph's version" bash -c "'$evograph' audit list --workspace '$ws' --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert any(r[\"operation\"] == \"artifact.store\" and r[\"target\"] == \"ontology@1/vectors.flat\" for r in d), d'"
finish
