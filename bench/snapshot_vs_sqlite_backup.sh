#!/usr/bin/env bash
# Snapshot benchmark (issue 5): a workspace holding the generated 1M-triple graph. In the same
# run, against `sqlite3 WS ".backup COPY"` of the same file (best of N each):
#   - snapshot create when nothing changed        (bar: <= 5 % of the backup)
#   - snapshot create after importing the --evolve version (bar: <= 1.0x)
#   - snapshot restore of the first snapshot      (bar: <= 1.5x)
# Each evograph CLI figure is the whole process, start-up included; bench_snapshot then gives the
# same operations in-process on an open workspace.
#   bench/snapshot_vs_sqlite_backup.sh [TRIPLES] [RUNS]      (defaults: 1000000 5)
set -euo pipefail
cd "$(dirname "$0")/.."
triples="${1:-1000000}"; runs="${2:-5}"
source bench/timing.sh
generated_pair "$triples"

ws="$out/bench.evograph"; copy="$out/bench-copy.evograph"
rm -f "$ws" "$ws"-* "$ws.lock"
"$evograph" ws init "$ws" >/dev/null
start=$(date +%s.%N); "$evograph" ws import "$ws" --graph gen "$v1" >/dev/null; import1_s=$(echo "$(date +%s.%N) - $start" | bc -l)
first=$("$evograph" snapshot create --workspace "$ws" --name v1)

backup() { rm -f "$copy"; sqlite3 "$ws" ".backup '$copy'"; }
snapshot() { "$evograph" snapshot create --workspace "$ws" >/dev/null; }

backup1_s=$(best backup)
size1=$(stat -c %s "$ws")
unchanged_s=$(best snapshot)

start=$(date +%s.%N); "$evograph" ws import "$ws" --graph gen "$v2" >/dev/null; import2_s=$(echo "$(date +%s.%N) - $start" | bc -l)
second=$("$evograph" snapshot create --workspace "$ws" --name v2)
backup2_s=$(best backup)
size2=$(stat -c %s "$ws")
changed_s=$(best snapshot)

# Alternate between the two states so that every restore really switches the graph.
target=$first
restore() { "$evograph" snapshot restore "$target" --yes --workspace "$ws" >/dev/null
            if [ "$target" = "$first" ]; then target=$second; else target=$first; fi; }
restore_s=$(best restore)
backup3_s=$(best backup)
startup_s=$(best "$evograph" --version)
# The same operations in-process on an open workspace (no process start-up): unchanged create, restore.
read -r inproc_create_s inproc_restore_s < <(build/default/bench/bench_snapshot "$ws" "$first" "$second" "$runs")
"$evograph" snapshot verify "$first" --full --workspace "$ws" >/dev/null
start=$(date +%s.%N); "$evograph" snapshot verify "$second" --full --workspace "$ws" >/dev/null; verify_s=$(echo "$(date +%s.%N) - $start" | bc -l)

ratio() { echo "scale=3; $1 / $2" | bc -l; }
printf 'graph:                          %s (%s triples), then %s\n' "$v1" "$triples" "$v2"
printf 'workspace:                      %s bytes after v1, %s bytes after v2\n' "$size1" "$size2"
printf 'ws import v1 / v2:              %.3f s / %.3f s\n' "$import1_s" "$import2_s"
printf 'sqlite3 .backup:                %s s (v1), %s s (v2), %s s (after restores)\n' "$backup1_s" "$backup2_s" "$backup3_s"
printf 'snapshot create, unchanged:     %s s  ratio %s (bar <= 0.05)\n' "$unchanged_s" "$(ratio "$unchanged_s" "$backup1_s")"
printf 'snapshot create, after evolve:  %s s  ratio %s (bar <= 1.0)\n' "$changed_s" "$(ratio "$changed_s" "$backup2_s")"
printf 'snapshot restore:               %s s  ratio %s (bar <= 1.5)\n' "$restore_s" "$(ratio "$restore_s" "$backup3_s")"
printf 'in-process create, unchanged:   %s s  ratio %s\n' "$inproc_create_s" "$(ratio "$inproc_create_s" "$backup3_s")"
printf 'in-process restore:             %s s  ratio %s\n' "$inproc_restore_s" "$(ratio "$inproc_restore_s" "$backup3_s")"
printf 'evograph process start-up:      %s s  (evograph --version)\n' "$startup_s"
printf 'snapshot verify --full (v2):    %.3f s\n' "$verify_s"
