#!/usr/bin/env bash
# Diff benchmark (issue 3): `evograph diff OLD NEW` on a generated pair (v1 + --evolve) against the
# usual pipeline, in the same run: serdi -o ntriples of both files, LC_ALL=C sort -u, comm -3.
# Prints each wall time (best of N), the ratio evograph/pipeline (bar: <= 0.5), peak memory,
# and how far each result is from the generator's ground truth.
#   bench/diff_vs_sort_comm.sh [TRIPLES] [RUNS]      (defaults: 1000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
triples="${1:-1000000}"; runs="${2:-3}"
source bench/timing.sh
generated_pair "$triples"

pipeline() {
    serdi -i turtle -o ntriples "$v1" | LC_ALL=C sort -u > "$out/old.sorted.nt"
    serdi -i turtle -o ntriples "$v2" | LC_ALL=C sort -u > "$out/new.sorted.nt"
    LC_ALL=C comm -3 "$out/old.sorted.nt" "$out/new.sorted.nt" > "$out/comm.txt"
}
ours() { "$evograph" diff "$v1" "$v2" -o "$out/evograph.diff" || [ $? -eq 1 ]; }


pipe_s=$(best pipeline)
evo_s=$(best ours)
peak_kb=$( { /usr/bin/time -f '%M' "$evograph" diff "$v1" "$v2" -o /dev/null || true; } 2>&1 | tail -1)
truth=$(( $(wc -l < "${v2%.ttl}.truth-added.nt") + $(wc -l < "${v2%.ttl}.truth-removed.nt") ))
echo "pair:                $v1 -> $v2"
echo "serdi|sort -u|comm:  ${pipe_s} s, $(wc -l < "$out/comm.txt") lines"
echo "evograph diff:       ${evo_s} s, $(grep -vc '^#' "$out/evograph.diff") lines"
echo "ground truth:        $truth changed triples"
echo "ratio:               $(echo "scale=3; $evo_s / $pipe_s" | bc -l) (bar <= 0.5)"
echo "evograph peak RSS:   $((peak_kb / 1024)) MiB"
