#!/usr/bin/env bash
# Creates the demo workspace (when missing) from the sample ontologies in resources/demo: the
# User ontology v1 with its data, a snapshot, then v2 and a second snapshot; and the migration
# plan of the users' data from v1 to v2 beside it (user-v1-to-v2.yaml), approved by alice in the
# workspace (her own approval: it does not count for her) and, with ssh-keygen at hand, by bob with
# his SSH key (demo-bob, listed in allowed_signers beside the workspace):
# user-v1-to-v2.yaml.bob.approval, which the studio's --approval counts. Prints the workspace's path.
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
  if command -v ssh-keygen >/dev/null; then # a second reviewer, on "another machine"
    dir="$(dirname "$ws")"
    ssh-keygen -q -t ed25519 -N '' -C "bob (demo reviewer)" -f "$dir/demo-bob"
    echo "bob $(cut -d' ' -f1,2 "$dir/demo-bob.pub")" > "$dir/allowed_signers"
    $evograph ws config "$ws" policies.approvals.allowed_signers allowed_signers >/dev/null
    $evograph migrate approve "$plan" --as bob --sign-with "$dir/demo-bob" >/dev/null
  fi
fi
echo "$ws"
