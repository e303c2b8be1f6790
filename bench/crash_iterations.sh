#!/usr/bin/env bash
# The kill test at length (issue 20): the CLI imports, snapshots, restores and applies a migration
# while SIGKILL lands at random moments, ITERATIONS times (default 1,000; CTest runs 120). After
# every kill: SQLite integrity, the audit chain, every snapshot, and the state exactly before or
# after the operation. Prints the test's summary and the wall time.
#   bench/crash_iterations.sh [ITERATIONS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-1000}"; seed="${2:-20261123}"
[ -x build/default/tests/workspace_crash_test ] || scripts/build.sh >/dev/null
start=$(date +%s.%N)
EVOGRAPH_CRASH_ITERATIONS="$iterations" build/default/tests/workspace_crash_test build/default/app/evograph 120 "$seed"
printf 'wall time: %.1f s for %s iterations\n' "$(echo "$(date +%s.%N) - $start" | bc -l)" "$iterations"
