#!/usr/bin/env bash
# The agents end to end, as the issue tells it: `serve` watches a folder (inotify) and a URL (a
# real HTTP server on loopback, ETag and 304); a new ontology version with a breaking change is
# dropped in; within seconds it is imported, validated, the alert fires (its webhook receives
# the Slack-compatible JSON), a migration plan draft appears for review, and no data graph
# changed. Then the controls (agents stop/start from another process, agents status, alerts
# list), and kill -9 of serve mid-work: a restart resumes from the checkpoints, nothing is done
# twice and the workspace verifies.
set -uo pipefail
evograph="$1"; resources="$2"
source "$(dirname "$0")/harness.sh"
export XDG_CONFIG_HOME="$work/config"

ws="$work/ws.evograph"
"$evograph" ws init "$ws" > /dev/null
"$evograph" ws import "$ws" "$resources/demo/user-v1.ttl" --graph ontology > /dev/null
"$evograph" ws import "$ws" "$resources/demo/users-data.ttl" --graph data > /dev/null
data_before=$("$evograph" ws log "$ws" --graph data --format json)

mkdir -p "$work/incoming"
cp "$resources/demo/user-v1.ttl" "$work/served.ttl"
python3 "$(dirname "$0")/rdf_origin.py" "$work/served.ttl" "$work/origin.log" "$work/hooks.log" "$work/port" &
origin=$!
trap 'kill $origin 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

cat > "$work/serve.toml" <<TOML
[policies]
enforcement_mode = "strict"

[agents]
enabled_agents = ["graph_monitor", "validator", "migration_planner"]

[agents.graph_monitor]
watch = [
  { path = "incoming/", graph = "ontology" },
  { url = "http://127.0.0.1:$port/ontology.ttl", graph = "remote", interval_seconds = 1 },
]

[monitoring]
health_check_interval_seconds = 3600

[[alerts]]
name = "breaking-change"
expr = "breaking_changes > 0"
severity = "critical"
annotations = { summary = "a new ontology version breaks compatibility" }
actions = ["notify", "webhook:http://127.0.0.1:$port/hook"]
TOML
"$evograph" config check "$work/serve.toml" > /dev/null 2>&1
check "the test's config is valid" [ $? -eq 0 ]

wait_for() { # PATTERN FILE [tenths]
    for _ in $(seq "${3:-150}"); do grep -q -- "$1" "$2" && return 0; sleep 0.1; done
    return 1
}

"$evograph" serve --workspace "$ws" --config "$work/serve.toml" --tick-ms 100 > "$work/serve.out" 2>&1 &
serve=$!
wait_for "serving" "$work/serve.out"
wait_for "version imported remote@1" "$work/serve.out"
check "graph_monitor imports the watched URL as a new graph" grep -q "version imported remote@1" "$work/serve.out"

cp "$resources/demo/user-v2.ttl" "$work/incoming/.user-v2.tmp" && mv "$work/incoming/.user-v2.tmp" "$work/incoming/user-v2.ttl"
wait_for "plan drafted" "$work/serve.out"
check "a version dropped into the folder is imported" grep -q "graph_monitor: version imported ontology@2" "$work/serve.out"
check "  validated at once, with its breaking change" grep -q "validator: validated ontology@2 (breaking_changes 1" "$work/serve.out"
check "  the alert fires" grep -q "alert breaking-change firing (critical, breaking_changes > 0: 1): a new ontology version breaks" "$work/serve.out"
check "  a migration plan draft appears in the plans folder" bash -c "ls '$ws.plans/ontology-2.yaml' && grep -q 'supervises' '$ws.plans/ontology-2.yaml'"
wait_for "firing" "$work/hooks.log" 50
check "  the webhook receives Slack-compatible JSON" \
    json 'assert d["text"].startswith("[firing] breaking-change") and d["alert"]["severity"] == "critical"' < <(head -1 "$work/hooks.log")
check "  no data graph changed" bash -c "[ '$("$evograph" ws log "$ws" --graph data --format json)' = '$data_before' ]"

sleep 2.5 # the URL's interval passes twice: asked again, answered 304, nothing imported
check "the URL is asked again with its ETag and answered 304; nothing re-imported" \
    bash -c "grep -q 304 '$work/origin.log' && ! grep -q 'remote@2' '$work/serve.out'"

"$evograph" alerts list --workspace "$ws" --config "$work/serve.toml" --state firing --format json > "$work/alerts.json"
check "alerts list --state firing: the rule with name, state, severity, since, value, annotations" \
    json 'assert len(d) == 1; a = d[0]; assert (a["name"], a["state"], a["severity"], a["value"]) == ("breaking-change", "firing", "critical", 1.0) and a["since"].endswith("Z") and a["annotations"]["summary"].startswith("a new"), a' < "$work/alerts.json"

"$evograph" health --workspace "$ws" --config "$work/serve.toml" --format json > "$work/health.json"
check "health: degraded (exit 1) while the critical alert fires, naming it" \
    bash -c "[ $? -eq 1 ] && python3 -c 'import json; d = json.load(open(\"$work/health.json\")); assert d[\"status\"] == \"degraded\" and any(\"alert breaking-change (critical) firing\" in r for r in d[\"reasons\"]) and d[\"alerts_firing\"][0][\"name\"] == \"breaking-change\", d'"

"$evograph" agents stop validator --workspace "$ws" > /dev/null
wait_for "validator: stopped" "$work/serve.out" 50
sleep 2.5 # the status is written every 2 s
"$evograph" agents status --workspace "$ws" --config "$work/serve.toml" --format json > "$work/status.json"
check "agents stop from another process: serve stops it; agents status says so" \
    json 's = {x["name"]: x for x in d}; assert s["validator"]["state"] == "stopped" and s["graph_monitor"]["runs"] >= 2 and s["graph_monitor"]["enabled"] and not s["security_agent"]["enabled"], s' < "$work/status.json"
"$evograph" agents disable validator --workspace "$ws" --config "$work/serve.toml" > /dev/null 2> "$work/refused.err"
check "agents disable of an agent the config file enables: refused (exit 1), naming the line" \
    bash -c "[ $? -eq 1 ] && grep -q 'serve.toml:.*change it there' '$work/refused.err'"
"$evograph" agents start validator --workspace "$ws" --config "$work/serve.toml" > /dev/null
wait_for "validator: started" "$work/serve.out" 50
check "  agents start: running again" grep -q "validator: started" "$work/serve.out"

# --- snapshot restore while serve runs: the writing agents stop first and start again after ------
snapshot=$("$evograph" snapshot create --workspace "$ws")
"$evograph" snapshot restore "$snapshot" --yes --workspace "$ws" > /dev/null 2> "$work/restore.err"
check "snapshot restore with serve running: the writing agents stop first (exit 0)" \
    bash -c "[ $? -eq 0 ] && grep -q 'stopped 2 writing agent(s) of evograph serve' '$work/restore.err' && grep -q 'graph_monitor: paused for snapshot restore' '$work/serve.out'"
wait_for "graph_monitor: resumed" "$work/serve.out" 50
check "  and start again after" bash -c "grep -q 'graph_monitor: resumed' '$work/serve.out' && grep -q 'migration_planner: resumed' '$work/serve.out'"

kill -TERM $serve; wait $serve
check "serve stops on SIGTERM with exit 0" bash -c "[ $? -eq 0 ] && grep -q 'stopped$' '$work/serve.out'"
"$evograph" agents status --workspace "$ws" --config "$work/serve.toml" --format json > "$work/status2.json"
check "  and agents status then says the agents are not served" \
    json 'assert all(x["state"] == "not served" for x in d if x["enabled"]), d' < "$work/status2.json"

# --- kill -9 mid-work, then a restart ----------------------------------------------------------------
"$evograph" serve --workspace "$ws" --config "$work/serve.toml" --tick-ms 100 > "$work/serve2.out" 2>&1 &
serve=$!
wait_for "serving" "$work/serve2.out"
cp "$resources/demo/user-v1.ttl" "$work/incoming/.v3.tmp" && mv "$work/incoming/.v3.tmp" "$work/incoming/user-v3.ttl"
wait_for "version imported ontology@3" "$work/serve2.out" 100
kill -9 $serve; wait $serve 2>/dev/null
"$evograph" serve --workspace "$ws" --config "$work/serve.toml" --tick-ms 100 > "$work/serve3.out" 2>&1 &
serve=$!
wait_for "serving" "$work/serve3.out"
sleep 3
kill -TERM $serve; wait $serve
"$evograph" audit verify --workspace "$ws" > /dev/null 2>&1
check "after kill -9 the audit chain verifies and SQLite finds the file intact" bash -c "[ $? -eq 0 ] && python3 -c \"import sqlite3; assert sqlite3.connect('$ws').execute('pragma integrity_check').fetchone()[0] == 'ok'\""
"$evograph" agents list --workspace "$ws" --format json > "$work/after.json"
check "  the restart resumed from the checkpoints: ontology@3 validated, remote not re-imported" \
    json 'a = {x["name"]: x for x in d}; assert "\"ontology\":3" in a["validator"]["checkpoint"], a["validator"]' < "$work/after.json"
"$evograph" audit list --workspace "$ws" --format json > "$work/audit.json"
check "  and nothing was done twice: one validation per version, one import per version" \
    json 'import collections; t = collections.Counter(x["target"] for x in d if x["operation"] == "agent.action"); v = [k for k in t if k.startswith("agent:validator ")]; assert all(t[k] == 1 for k in v) and "agent:validator ontology@3" in v, t' < "$work/audit.json"
"$evograph" ws log "$ws" --graph ontology --format json > "$work/log.json"
check "  the ontology has its three versions, no more" json 'assert len(d) == 3, d' < "$work/log.json"
"$evograph" alerts list --workspace "$ws" --config "$work/serve.toml" --state firing --format json > "$work/alerts2.json"
check "  the alert firing before the restarts is still firing after them" json 'assert [a["name"] for a in d] == ["breaking-change"], d' < "$work/alerts2.json"
check "  and was notified once, not again at each restart" test "$(grep -c '\[firing\] breaking-change' "$work/hooks.log")" -eq 1
finish
