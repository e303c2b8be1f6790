#!/usr/bin/env bash
# Builds evograph (installing what a fresh Debian 12 lacks) and runs every test. Exits non-zero
# on any failure. The W3C and corpus tests read ../shared/corpus when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
scripts/build.sh
status=0
ctest --preset default -j "$(nproc)" | tee build/default/ctest-output.txt || status=$?
# The W3C pass counts per suite (CTest keeps the output of passing tests in its log), then
# CTest's own summary again, so that it stays the closing line.
echo
grep -hE '^(rdf-[a-z-]+|rdfc10 [A-Za-z0-9]+): [0-9]+/[0-9]+ passed' build/default/Testing/Temporary/LastTest.log || true
grep -E 'tests passed' build/default/ctest-output.txt || true
exit "$status"
