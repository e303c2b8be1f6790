#!/usr/bin/env bash
# Analysis benchmark (issue 4): `evograph analyze OLD NEW --format json` against `evograph diff
# OLD NEW --format json` on the same generated pair (v1 + --evolve), in the same run. Both read
# both files; analyze then also indexes, detects renames, re-diffs with renames applied, groups
# and rates. Prints each wall time (best of N), the ratio analyze/diff (bar: <= 2), peak memory,
# and the changes found against the generator's change list.
#   bench/analyze_vs_diff.sh [TRIPLES] [RUNS]      (defaults: 1000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
triples="${1:-1000000}"; runs="${2:-3}"
source bench/timing.sh
generated_pair "$triples"

diff_run() { "$evograph" diff "$v1" "$v2" --format json -o "$out/diff.json" || [ $? -eq 1 ]; }
analyze_run() { "$evograph" analyze "$v1" "$v2" --format json --fail-on never -o "$out/analysis.json"; }


diff_s=$(best diff_run)
analyze_s=$(best analyze_run)
peak_kb=$( { /usr/bin/time -f '%M' "$evograph" analyze "$v1" "$v2" --fail-on never -o /dev/null; } 2>&1 | tail -1)
echo "pair:             $v1 -> $v2"
echo "evograph diff:    ${diff_s} s"
echo "evograph analyze: ${analyze_s} s  (peak $((peak_kb / 1024)) MiB)"
echo "ratio analyze/diff: $(echo "scale=2; $analyze_s / $diff_s" | bc -l)  (bar: <= 2)"
python3 - "${v2%.ttl}.changes.json" "$out/analysis.json" <<'PY'
import json, sys
truth = json.load(open(sys.argv[1]))["changes"]
ours = json.load(open(sys.argv[2]))["changes"]
print(f"changes: {len(ours)} found, {len(truth)} in the generator's list")
PY
