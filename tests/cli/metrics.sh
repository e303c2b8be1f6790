#!/usr/bin/env bash
# evograph metrics baseline | compare | report on the history metrics_collector keeps: serve runs
# with the collector while a version is imported and validated; the baseline has the latency
# figures; compare passes within the tolerance and exits 1 beyond it (a higher throughput figure
# is better, not a regression); the report is an HTML page with a chart per series.
set -uo pipefail
evograph="$1"; resources="$2"
source "$(dirname "$0")/harness.sh"
export XDG_CONFIG_HOME="$work/config"

ws="$work/ws.evograph"
mkdir -p "$work/incoming"
"$evograph" ws init "$ws" > /dev/null
"$evograph" ws import "$ws" "$resources/demo/user-v1.ttl" --graph ontology > /dev/null
printf '[agents]\nenabled_agents = ["metrics_collector", "graph_monitor", "validator"]\n[agents.graph_monitor]\nwatch = [{ path = "incoming/", graph = "ontology" }]\n' > "$work/c.toml"
"$evograph" metrics baseline --workspace "$ws" -o "$work/none.json" > /dev/null 2> "$work/none.err"
check "baseline without kept metrics: exit 2, saying how to keep them" \
    bash -c "[ $? -eq 2 ] && grep -q 'enable the metrics_collector agent' '$work/none.err'"

"$evograph" serve --workspace "$ws" --config "$work/c.toml" --tick-ms 100 > "$work/serve.out" 2>&1 &
serve=$!
sleep 1.5
cp "$resources/demo/user-v2.ttl" "$work/incoming/.v2" && mv "$work/incoming/.v2" "$work/incoming/v2.ttl"
for _ in $(seq 100); do grep -q "validated ontology@2" "$work/serve.out" && break; sleep 0.1; done
sleep 2
kill -TERM $serve; wait $serve

"$evograph" metrics baseline --workspace "$ws" -o "$work/baseline.json" > /dev/null
check "baseline: the latency figures of the agents' work, in ms" \
    json 'assert d["parse.latency.p95"] > 0 and d["task.agent.validator.p50"] > 0 and all(k.split(".")[-1] in ("p50", "p95", "p99") for k in d), d' < "$work/baseline.json"

python3 -c "import json; d = json.load(open('$work/baseline.json')); json.dump({k: v * 1.05 for k, v in d.items()}, open('$work/same.json', 'w'))"
"$evograph" metrics compare --baseline "$work/baseline.json" --current "$work/same.json" > "$work/same.out"
check "compare: 5 % slower is within the default 10 % tolerance (exit 0)" bash -c "[ $? -eq 0 ] && grep -q '0 regression(s)' '$work/same.out'"
printf '{"diff.latency.p95": 100, "cache.hit_rate": 0.9, "label": "v1"}' > "$work/a.json"
printf '{"diff.latency.p95": 125, "cache.hit_rate": 0.999}' > "$work/b.json"
"$evograph" metrics compare --baseline "$work/a.json" --current "$work/b.json" --format json > "$work/cmp.json"
check "compare: 25 % slower is a regression (exit 1); a higher hit rate is an improvement" \
    bash -c "[ $? -eq 1 ] && python3 -c 'import json; d = json.load(open(\"$work/cmp.json\")); m = {x[\"metric\"]: x for x in d[\"metrics\"]}; assert d[\"regressions\"] == 1 and m[\"diff.latency.p95\"][\"status\"] == \"regression\" and m[\"cache.hit_rate\"][\"status\"] == \"improved\", d'"
"$evograph" metrics compare --baseline "$work/a.json" --current "$work/b.json" --tolerance 0.3 > /dev/null
check "  and passes with --tolerance 0.3" [ $? -eq 0 ]
printf '{"diff.latency.p95": ' > "$work/bad.json"
"$evograph" metrics compare --baseline "$work/a.json" --current "$work/bad.json" > /dev/null 2> "$work/bad.err"
check "a current file that is not JSON: exit 2 naming it" bash -c "[ $? -eq 2 ] && grep -q 'bad.json: error: not JSON' '$work/bad.err'"

"$evograph" metrics report --workspace "$ws" --period 1h -o "$work/report.html" > /dev/null
check "report: an HTML page with a chart per kept series" \
    bash -c "grep -q '<h2>parse.latency.p95</h2>' '$work/report.html' && [ \$(grep -c '<svg' '$work/report.html') -ge 10 ]"
finish
