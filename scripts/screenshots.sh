#!/usr/bin/env bash
# Runs the studio in a real X server (Xvfb) on real files and saves each view into
# docs/screenshots/. Needs a build (scripts/build.sh) and installs Xvfb when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh gui
scripts/build.sh
out=docs/screenshots
mkdir -p "$out"
corpus=../shared/corpus
settings=$(mktemp -d) # a fresh user: no saved window state or theme
trap 'rm -rf "$settings"' EXIT
demo=$(scripts/demo-workspace.sh)
shoot() { # shoot NAME ARG...
  local name="$1"; shift
  XDG_CONFIG_HOME="$settings" xvfb-run -a -s "-screen 0 1280x800x24" \
    build/default/app/evograph-studio --theme light --screenshot "$out/$name.png" "$@" 2>/dev/null
  echo "saved $out/$name.png"
}
demo_files=(resources/demo/user-v1.ttl resources/demo/user-v2.ttl --data resources/demo/users-data.ttl)
shoot studio-diff-demo --workspace "$demo" "${demo_files[@]}"
shoot studio-hierarchy-demo --mode hierarchy --workspace "$demo" "${demo_files[@]}"
shoot studio-diff-dark --theme dark --workspace "$demo" "${demo_files[@]}"
# A config with a local provider, so that the term search offers it beside the built-in embedder.
mkdir -p "$settings/evograph"
printf '[ai.providers.local]\nkind = "openai"\nurl = "http://127.0.0.1:8080/v1"\nmodel = "nomic-embed-text"\ndimensions = 768\n' \
  > "$settings/evograph/evograph.toml"
shoot studio-term-search --search "electronic mail address" --workspace "$demo" "${demo_files[@]}"
shoot studio-snapshots --view snapshots --workspace "$demo"
# The restore dialog's dry run (back to v1), and the prune dialog on a workspace with 14 snapshots.
first=$(build/default/app/evograph snapshot list --workspace "$demo" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
shoot studio-snapshot-restore --view snapshots --workspace "$demo" --snapshot "$first" --dialog restore
many=$(mktemp -d)/many.evograph
build/default/app/evograph ws init "$many" > /dev/null
for i in $(seq 1 14); do
  build/default/app/evograph ws import "$many" "resources/demo/user-v$((i % 2 + 1)).ttl" --graph ontology > /dev/null
  build/default/app/evograph snapshot create --workspace "$many" --name "nightly $i" > /dev/null
done
shoot studio-snapshot-prune --view snapshots --workspace "$many" --dialog prune
rm -rf "$(dirname "$many")"
# Bob's SSH-signed approval counts (alice's own does not): Apply is enabled.
shoot studio-migrations --workspace "$demo" --plan "$(dirname "$demo")/user-v1-to-v2.yaml" \
  --approval "$(dirname "$demo")/user-v1-to-v2.yaml.bob.approval"
# The Agents view, serving the agents of a workspace on which `evograph serve` imported a new
# version with a breaking change from a watched folder (the alert fired, a plan was drafted).
agents=$(mktemp -d); trap 'rm -rf "$settings" "$agents"' EXIT
mkdir -p "$agents/incoming"
ev=build/default/app/evograph
$ev ws init "$agents/pilot.evograph" > /dev/null
$ev ws import "$agents/pilot.evograph" resources/demo/user-v1.ttl --graph ontology > /dev/null
$ev ws import "$agents/pilot.evograph" resources/demo/users-data.ttl --graph data > /dev/null
cat > "$agents/evograph.toml" <<'TOML'
[agents]
enabled_agents = ["graph_monitor", "validator", "migration_planner", "security_agent", "snapshot_scheduler"]
[agents.graph_monitor]
watch = [{ path = "incoming/", graph = "ontology" }]
[backup]
enabled = true
[[alerts]]
name = "breaking-change"
expr = "breaking_changes > 0"
severity = "critical"
annotations = { summary = "a new ontology version breaks compatibility" }
TOML
$ev serve --workspace "$agents/pilot.evograph" --config "$agents/evograph.toml" --tick-ms 100 > "$agents/serve.out" &
serve=$!
sleep 2
cp resources/demo/user-v2.ttl "$agents/incoming/.v2" && mv "$agents/incoming/.v2" "$agents/incoming/user-v2.ttl"
for _ in $(seq 100); do grep -q "plan drafted" "$agents/serve.out" && break; sleep 0.1; done
kill -TERM $serve; wait $serve
shoot studio-agents --view agents --serve-agents --screenshot-delay 3000 --workspace "$agents/pilot.evograph" \
  --config "$agents/evograph.toml"
if [ -d "$corpus/obo-ro" ]; then
  ro=("$corpus/obo-ro/v2025-03-05/ro.owl" "$corpus/obo-ro/v2025-06-24/ro.owl")
  shoot studio-diff-ro "${ro[@]}"
  shoot studio-hierarchy-ro --mode hierarchy "${ro[@]}"
  shoot studio-metrics --view metrics --screenshot-delay 4000 "${ro[@]}"
fi
if [ -d "$corpus/schemaorg" ]; then
  s=$corpus/schemaorg
  shoot studio-diff-schemaorg "$s/v29.2/schemaorg-all-https.ttl" "$s/v29.3/schemaorg-all-https.ttl"
  shoot studio-diff-schemaorg-hierarchy --group hierarchy "$s/v29.0/schemaorg-all-https.ttl" "$s/v29.3/schemaorg-all-https.ttl"
  shoot studio-hierarchy-schemaorg --mode hierarchy "$s/v27.02/schemaorg-all-https.ttl" "$s/v28.0/schemaorg-all-https.ttl"
fi
