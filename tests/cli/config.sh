#!/usr/bin/env bash
# evograph config check|show and the config file at the policy gate, with the seed's own
# pilot.toml and production.toml as printed (tests/cli/seed/config/): unknown agents and keys are
# warnings at FILE:LINE:COL, production.toml's s3:// backup is an error at its line, and the
# file's [policies] override the workspace's settings for migrate apply, both ways.
set -uo pipefail
evograph="$1"; resources="$2"; seed="$3"
source "$(dirname "$0")/harness.sh"
export XDG_CONFIG_HOME="$work/config"

"$evograph" config check "$seed/config/pilot.toml" > "$work/pilot.out" 2> "$work/pilot.err"
check "config check pilot.toml: exit 0, ok with warnings" bash -c "[ $? -eq 0 ] && grep -q 'pilot.toml: ok (with warnings)' '$work/pilot.out'"
check "  an agent evograph does not have is a warning at its element, naming those it has" \
    grep -q 'pilot.toml:10:3: warning: agents.enabled_agents: evograph has no agent "template_executor" (ignored; its agents: graph_monitor, validator' "$work/pilot.err"
check "  so is one in disabled_agents" grep -q 'pilot.toml:17:3: warning: agents.disabled_agents: evograph has no agent "consensus_manager"' "$work/pilot.err"

"$evograph" config check "$seed/config/production.toml" > /dev/null 2> "$work/production.err"
check "config check production.toml: exit 2 at the s3:// destination, saying what to write instead" \
    bash -c "[ $? -eq 2 ] && grep -q 'production.toml:31:15: error: backup.destination: \"s3://backups/ggen-autonomous/\": evograph keeps backups in a local folder' '$work/production.err' && grep -q 'destination = \"/var/backups/evograph\"' '$work/production.err'"
sed 's|^destination = .*|destination = "'"$work"'/backups"|' "$seed/config/production.toml" > "$work/production.toml"
"$evograph" config check "$work/production.toml" > /dev/null 2> "$work/production-fixed.err"
check "  with a local folder it loads; count, topology and byzantine tolerance are unknown keys (warnings)" \
    bash -c "[ $? -eq 0 ] && grep -q 'production.toml:13:1: warning: unknown key agents.count' '$work/production-fixed.err' && grep -q 'unknown key agents.topology' '$work/production-fixed.err' && grep -q 'unknown key agents.enable_byzantine_tolerance' '$work/production-fixed.err'"
printf '[policies]\nenforcement_mode = "lenient"\n' > "$work/bad.toml"
"$evograph" config check "$work/bad.toml" > /dev/null 2> "$work/bad.err"
check "a wrong value: exit 2 at FILE:LINE:COL" bash -c "[ $? -eq 2 ] && grep -q 'bad.toml:2:20: error: policies.enforcement_mode' '$work/bad.err'"

# --- the policy gate ----------------------------------------------------------------------------
ws="$work/ws.evograph"
"$evograph" ws init "$ws" > /dev/null
"$evograph" ws import "$ws" "$resources/demo/users-data.ttl" --graph users > /dev/null
"$evograph" migrate plan "$resources/demo/user-v1.ttl" "$resources/demo/user-v2.ttl" --data "$resources/demo/users-data.ttl" -o "$work/plan.yaml" > /dev/null 2>&1
"$evograph" config show --config "$seed/config/pilot.toml" --workspace "$ws" --format json > "$work/show.json" 2>/dev/null
check "config show: effective values and where each came from" \
    json 's = {x["key"]: x for x in d["settings"]}; m = s["policies.enforcement_mode"]; assert m["value"] == "permissive" and m["source"].endswith("pilot.toml:2:20"), m; assert s["policies.operational.allow_self_approval"]["source"] == "default"; assert s["agents.enabled_agents"]["value"] == "[graph_monitor, validator]", s["agents.enabled_agents"]' < "$work/show.json"
"$evograph" migrate apply "$work/plan.yaml" --workspace "$ws" --yes > /dev/null 2>&1
check "without the config, the workspace's default (strict) refuses the unapproved plan (exit 3)" test $? -eq 3
"$evograph" migrate apply "$work/plan.yaml" --workspace "$ws" --yes --config "$seed/config/pilot.toml" --format json > "$work/apply.json" 2>/dev/null
check "pilot.toml (permissive) overrides it: the plan runs, journalled NOT APPROVED" \
    bash -c "[ $? -eq 0 ] && grep -q 'NOT APPROVED' '$work/apply.json'"
"$evograph" ws config "$ws" policies.enforcement_mode permissive > /dev/null
"$evograph" config show --workspace "$ws" > "$work/show.txt" 2>/dev/null
check "config show without a file: the workspace's setting, so labelled" grep -Eq '^policies.enforcement_mode +permissive +workspace$' "$work/show.txt"
printf '[policies]\nenforcement_mode = "strict"\n' > "$work/strict.toml"
echo 'DELETE WHERE { ?s <http://example.com/ontology#hasEmail> ?o }' > "$work/drop-email.sparql"
"$evograph" migrate apply "$work/drop-email.sparql" --workspace "$ws" --yes --config "$work/strict.toml" > /dev/null 2> "$work/strict.err"
check "a strict config file overrides a permissive workspace: refused (exit 3)" test $? -eq 3
finish
