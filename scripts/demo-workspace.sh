#!/usr/bin/env bash
# Creates the demo workspace (when missing) from the sample ontologies in resources/demo: the
# User ontology v1 with its data, a snapshot, then v2 and a second snapshot; and the migration
# plan of the users' data from v1 to v2 beside it (user-v1-to-v2.yaml), approved by alice.
# Prints the workspace's path.
#   scripts/demo-workspace.sh [PATH]   (default: build/demo/demo.evograph; needs a build)
set -euo pipefail
cd "$(dirname "$0")/.."
ws="${1:-build/demo/demo.evograph}"
evograph=build/default/app/evograph
if [ ! -f "$ws" ]; then
  mkdir -p "$(dirname "$ws")"
  $evograph ws init "$ws" >/dev/null
  $evograph ws import "$ws" resources/demo/user-v1.ttl --graph ontology --version v1 >/dev/null
  $evograph ws import "$ws" resources/demo/users-data.ttl --graph users --version initial >/dev/null
  $evograph snapshot create --workspace "$ws" --name "v1 released" --tag release >/dev/null
  $evograph ws import "$ws" resources/demo/user-v2.ttl --graph ontology --version v2 >/dev/null
  $evograph snapshot create --workspace "$ws" --name "v2 draft" >/dev/null
  plan="$(dirname "$ws")/user-v1-to-v2.yaml"
  $evograph migrate plan resources/demo/user-v1.ttl resources/demo/user-v2.ttl \
    --data resources/demo/users-data.ttl --graph users -o "$plan" >/dev/null
  $evograph migrate approve "$plan" --as alice --comment "moves checked; the empty e-mail is a placeholder" \
    --workspace "$ws" >/dev/null
fi
echo "$ws"
