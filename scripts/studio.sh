#!/usr/bin/env bash
# Builds evograph (installing what a fresh Debian 12 lacks) and starts the studio on the demo: the
# demo workspace (build/demo/demo.evograph: the User ontology v1 and v2 with its data and two
# snapshots, made once from resources/demo) and the comparison of v1 with v2, impact included.
# Extra arguments are passed to evograph-studio instead of the demo files.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
scripts/build.sh
if [ $# -eq 0 ]; then
  set -- --workspace "$(scripts/demo-workspace.sh)" \
    resources/demo/user-v1.ttl resources/demo/user-v2.ttl --data resources/demo/users-data.ttl
fi
exec build/default/app/evograph-studio "$@"
