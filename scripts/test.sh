#!/usr/bin/env bash
# Builds evograph (installing what a fresh Debian 12 lacks) and runs every test. Exits non-zero
# on any failure. The W3C and corpus tests read ../shared/corpus when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
scripts/build.sh
ctest --preset default -j "$(nproc)"
