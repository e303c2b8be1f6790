#!/usr/bin/env bash
# Parse benchmark (issue 2): evograph's parse of a generated ontology into the in-memory dataset
# against `serdi -i turtle -o ntriples FILE > /dev/null`, in the same run. Prints each wall time
# (best of N), the ratio evograph/serdi (bar: <= 1.0) and evograph's peak memory per triple.
#   bench/parse_vs_serdi.sh [TRIPLES] [RUNS]      (defaults: 1000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
triples="${1:-1000000}"; runs="${2:-3}"
out=bench/out; mkdir -p "$out"
file="$out/gen-$triples.ttl"
[ -f "$file" ] || python3 ../shared/tools/gen_ontology.py --triples "$triples" --seed 1 --out "$file" >/dev/null
bench=build/default/bench/bench_parse
[ -x "$bench" ] || scripts/build.sh >/dev/null

source bench/timing.sh

serdi_s=$(best serdi -i turtle -o ntriples "$file")
evo_s=$(best "$bench" "$file")
peak_kb=$( { /usr/bin/time -f '%M' "$bench" "$file" >/dev/null; } 2>&1 | tail -1)
n=$("$bench" "$file" | python3 -c 'import json,sys; print(json.load(sys.stdin)["triples"])')
echo "file:            $file ($n triples)"
echo "serdi:           ${serdi_s} s"
echo "evograph parse:  ${evo_s} s"
echo "ratio:           $(echo "scale=3; $evo_s / $serdi_s" | bc -l) (bar <= 1.0)"
echo "peak memory:     $((peak_kb * 1024)) bytes = $(echo "scale=1; $peak_kb * 1024 / $n" | bc -l) bytes/triple"
