#!/usr/bin/env bash
# evograph agents list | run as scripts call them: the seven agents with their class and whether
# the config enables them (those not built yet say so), one validator run through the policy gate
# recorded and audited, its checkpoint making a second run a no-op, and the refusals.
set -uo pipefail
evograph="$1"; resources="$2"; seed="$3"
source "$(dirname "$0")/harness.sh"
export XDG_CONFIG_HOME="$work/config"

ws="$work/ws.evograph"
"$evograph" ws init "$ws" > /dev/null
"$evograph" ws import "$ws" "$resources/demo/user-v1.ttl" --graph ontology > /dev/null
"$evograph" ws import "$ws" "$resources/demo/user-v2.ttl" --graph ontology > /dev/null

"$evograph" agents list --workspace "$ws" --config "$seed/config/pilot.toml" --format json > "$work/list.json" 2>/dev/null
check "agents list: the seven agents, their class and status under pilot.toml" \
    json 'a = {x["name"]: x for x in d}; assert len(a) == 7; assert a["validator"]["status"] == "enabled" and a["validator"]["class"] == "read_only"; assert a["recovery_agent"]["class"] == "destructive"; assert a["graph_monitor"]["status"] == "enabled" and a["recovery_agent"]["status"] == "not enabled"' < "$work/list.json"

"$evograph" agents run validator --once --workspace "$ws" > "$work/run.out" 2>&1
check "agents run validator --once: validates both versions" bash -c "[ $? -eq 0 ] && grep -q 'validator: validated 2 new version(s)' '$work/run.out'"
"$evograph" agents run validator --once --workspace "$ws" > "$work/again.out" 2>&1
check "  run again: its checkpoint says nothing is new" grep -q 'validator: nothing new' "$work/again.out"
"$evograph" agents list --workspace "$ws" --format json > "$work/list2.json" 2>/dev/null
check "  agents list shows its last action and checkpoint" \
    json 'v = [x for x in d if x["name"] == "validator"][0]; assert "graph.validate ontology@2 (ran)" in v["last_action"] and v["checkpoint"] == "{\"ontology\":2}", v' < "$work/list2.json"
"$evograph" audit list --workspace "$ws" --format json > "$work/audit.json" 2>/dev/null
check "  each validation is in the audit log, naming the agent" \
    json 'r = [x for x in d if x["operation"] == "agent.action"]; assert len(r) == 2 and all(x["target"].startswith("agent:validator") for x in r), r' < "$work/audit.json"

"$evograph" agents run janitor --once --workspace "$ws" > /dev/null 2> "$work/unknown.err"
check "an agent evograph does not have: exit 2, saying so" bash -c "[ $? -eq 2 ] && grep -q 'no agent \"janitor\"' '$work/unknown.err'"
printf '[agents]\ndisabled_agents = ["validator"]\n' > "$work/hold.toml"
"$evograph" agents run validator --workspace "$ws" --config "$work/hold.toml" > /dev/null 2> "$work/held.err"
check "an agent the config holds back: exit 2" bash -c "[ $? -eq 2 ] && grep -q 'disabled_agents' '$work/held.err'"

# --- serve: the enabled agents on their schedules until SIGTERM -----------------------------------
"$evograph" ws import "$ws" "$resources/demo/user-v1.ttl" --graph ontology > /dev/null # a third version
printf '[agents]\nenabled_agents = ["validator", "snapshot_scheduler", "recovery_agent"]\n[monitoring]\nhealth_check_interval_seconds = 1\n[backup]\nenabled = true\ninterval_hours = 1\n' > "$work/serve.toml"
"$evograph" serve --workspace "$ws" --config "$work/serve.toml" --tick-ms 50 > "$work/serve.out" 2>&1 &
serve=$!
for _ in $(seq 100); do grep -q "validator: validated 1 new version" "$work/serve.out" && grep -q "snapshot_scheduler: snapshot taken" "$work/serve.out" && break; sleep 0.1; done
kill -TERM $serve
wait $serve
check "serve: runs the enabled agents (the validator picks up the new version, a snapshot is taken) and stops on SIGTERM with exit 0" \
    bash -c "[ $? -eq 0 ] && grep -q 'validator: validated 1 new version' '$work/serve.out' && grep -q 'snapshot_scheduler: snapshot taken' '$work/serve.out' && grep -q 'stopped$' '$work/serve.out'"

# --- health ----------------------------------------------------------------------------------------
printf '[agents]\nenabled_agents = ["validator", "security_agent"]\n' > "$work/health.toml"
"$evograph" agents run security_agent --workspace "$ws" --config "$work/health.toml" > /dev/null 2>&1
"$evograph" health --workspace "$ws" --config "$work/health.toml" --format json > "$work/health.json" 2>/dev/null
check "health: healthy (exit 0) with each enabled agent's last action" \
    bash -c "[ $? -eq 0 ] && python3 -c 'import json,sys; d=json.load(open(\"$work/health.json\")); assert d[\"status\"] == \"healthy\" and len(d[\"agents\"]) == 2, d'"
chmod o+r "$ws"
"$evograph" agents run security_agent --workspace "$ws" --config "$work/health.toml" > /dev/null 2>&1
"$evograph" health --workspace "$ws" --config "$work/health.toml" > "$work/health.txt" 2>/dev/null
check "  degraded (exit 1) once the security agent finds the file readable by others, saying so" \
    bash -c "[ $? -eq 1 ] && grep -q '^degraded' '$work/health.txt' && grep -q 'security_agent: 1 finding(s).*not 600' '$work/health.txt'"
finish
