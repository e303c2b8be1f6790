#!/usr/bin/env bash
# evograph align on every OAEI task of ../shared/corpus/oaei-dev (or DATA_DIR), scored by
# ../shared/tools/oaei_score.py beside its string-equality baseline: per task and micro P/R/F1,
# with each task's time and peak memory. Writes bench/out/oaei/<task>.tsv and prints the table.
#   bench/oaei_align.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/corpus/oaei-dev}"
score=../shared/tools/oaei_score.py
[ -d "$data" ] && [ -f "$score" ] || { echo "skipped: no OAEI tasks at $data or no $score"; exit 0; }
[ -x build/default/app/evograph ] || scripts/build.sh > /dev/null
out=bench/out/oaei; base=bench/out/oaei-baseline
rm -rf "$out" "$base"; mkdir -p "$out" "$base"
for task in $(ls "$data"); do
    [ -f "$data/$task/reference.xml" ] || continue
    /usr/bin/time -f "%e s, %M KiB" -o "$out/$task.time" \
        build/default/app/evograph align "$data/$task/source.xml" "$data/$task/target.xml" -o "$out/$task.tsv" 2> /dev/null
    printf '%-42s %s\n' "$task" "$(cat "$out/$task.time")"
done
echo "== evograph align"
python3 "$score" score "$data" "$out" --per-pair
echo "== string equality (oaei_score.py baseline)"
python3 "$score" baseline "$data" "$base" | tail -1
