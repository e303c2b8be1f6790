#!/usr/bin/env bash
# Builds evograph (installing what a fresh Debian 12 lacks) and starts the studio on the demo
# ontologies. Extra arguments are passed to evograph-studio instead of the demo files.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
scripts/build.sh
if [ $# -eq 0 ]; then
  set -- resources/demo/user-v1.ttl resources/demo/user-v2.ttl
fi
exec build/default/app/evograph-studio "$@"
