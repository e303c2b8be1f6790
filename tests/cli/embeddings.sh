#!/usr/bin/env bash
# evograph search | cache | providers | analyze --provider as scripts call them, against a real
# local provider (tests/embed/fake_provider.py): the search JSON contract, the workspace as input,
# config errors at FILE:LINE:COL with exit 2, the response cache, and a canary API key that must
# appear in no output and no file evograph writes.
set -uo pipefail
evograph="$1"; resources="$2"; provider_py="$3"
source "$(dirname "$0")/harness.sh"
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
canary="sk-canary-$(date +%s%N | sha256sum | cut -c1-24)"
export EVOGRAPH_CLI_CANARY="$canary"

python3 "$provider_py" --port 0 > "$work/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -1 "$work/port")

v1="$resources/demo/user-v1.ttl"; v2="$resources/demo/user-v2.ttl"
"$evograph" search "electronic mail" "$v1" --format json > "$work/search.json" 2> "$work/search.err"
check "search exits 0" [ $? -eq 0 ]
check "search JSON: query and results with iri, label, kind, version, score; the e-mail property first" \
    json 'r = d["results"]; assert d["query"] == "electronic mail" and r; assert set(r[0]) == {"iri", "label", "kind", "version", "score"}; assert r[0]["iri"].endswith("hasEmail") and r[0]["kind"] == "property", r[0]; assert all(r[i]["score"] >= r[i + 1]["score"] for i in range(len(r) - 1))' < "$work/search.json"
check "search -k limits the results" \
    bash -c "'$evograph' search user '$v1' '$v2' -k 2 --format json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d[\"results\"]) == 2'"

"$evograph" ws init "$work/w.evograph" > /dev/null 2>&1
"$evograph" ws import "$work/w.evograph" "$v1" --graph ontology > /dev/null 2>&1
"$evograph" search administrator --workspace "$work/w.evograph" --format json > "$work/ws.json" 2>/dev/null
check "search --workspace: results name the graph's version" \
    json 'r = d["results"][0]; assert r["version"] == "ontology@1" and r["iri"].endswith("Administrator"), r' < "$work/ws.json"
"$evograph" search x > /dev/null 2> "$work/none.err"
check "search without input: exit 2 and a message" bash -c "[ $? -eq 2 ] && grep -q 'search needs FILE' '$work/none.err'"

sed 's|http://example.com/ontology#|http://example.org/other#|' "$v1" > "$work/other.ttl"
"$evograph" align "$v1" "$work/other.ttl" > "$work/align.tsv" 2>/dev/null
check "align (tsv): IRI_A, IRI_B, score, evidence; User matched to its copy across namespaces" \
    bash -c "[ $? -eq 0 ] && awk -F'\t' 'NF != 4 { exit 1 }' '$work/align.tsv' && grep -q \$'^http://example.com/ontology#User\thttp://example.org/other#User\t' '$work/align.tsv'"
"$evograph" align "$v1" "$work/other.ttl" --format json -o "$work/align.json" 2>/dev/null
check "align --format json -o: correspondences with a, b, kind, score, evidence" \
    json 'c = d["correspondences"]; assert len(c) >= 4 and set(c[0]) == {"a", "b", "kind", "score", "evidence"}, c[0]' < "$work/align.json"
"$evograph" align "$v1" "$work/other.ttl" --format alignment 2>/dev/null > "$work/align.rdf"
check "align --format alignment: Alignment API RDF/XML, one Cell per correspondence" \
    bash -c "grep -q '<Alignment>' '$work/align.rdf' && [ \$(grep -c '<Cell>' '$work/align.rdf') -eq \$(wc -l < '$work/align.tsv') ]"

# The reviewer keeps the correspondences they accept; the plan moves data in A's terms to B's, and
# is approved like any other before it runs.
{ grep -v '#manages' "$work/align.tsv"; printf 'http://example.com/ontology#Guest\thttp://example.org/other#Guest\n'; } > "$work/accepted.tsv"
"$evograph" migrate plan --align "$work/accepted.tsv" --data "$resources/demo/users-data.ttl" --graph data -o "$work/align-plan.yaml" --format json > "$work/align-plan.json" 2> "$work/align-plan.err"
check "migrate plan --align: retype_instances for classes, move_values for properties the data uses" \
    json 'k = sorted(s["kind"] for s in d["steps"]); assert k == ["move_values", "retype_instances", "retype_instances"], k' < "$work/align-plan.json"
check "migrate plan --align: a correspondence the data never uses is reported, with its line" \
    grep -q "accepted.tsv:[0-9]*: http://example.com/ontology#Guest: not used by the data (no step)" "$work/align-plan.err"
"$evograph" ws import "$work/w.evograph" "$resources/demo/users-data.ttl" --graph data > /dev/null 2>&1
"$evograph" migrate apply "$work/align-plan.yaml" --workspace "$work/w.evograph" --yes > /dev/null 2>&1
check "the alignment plan rewrites instance data: refused without approval (exit 3)" test $? -eq 3
"$evograph" ws config "$work/w.evograph" policies.operational.allow_self_approval true > /dev/null # one login runs the test
"$evograph" migrate approve "$work/align-plan.yaml" --as alice --workspace "$work/w.evograph" > /dev/null 2>&1
"$evograph" migrate apply "$work/align-plan.yaml" --workspace "$work/w.evograph" --yes > /dev/null 2>&1
check "approved, it applies: the data is in B's terms" bash -c "[ $? -eq 0 ] && '$evograph' ws export '$work/w.evograph' --graph data -o - 2>/dev/null | grep -q 'http://example.org/other#User' "
"$evograph" migrate plan --align "$work/align.rdf" --data "$resources/demo/users-data.ttl" -o "$work/x.yaml" > /dev/null 2> "$work/bad-align.err"
check "migrate plan --align with a file that is not the TSV: exit 2 at FILE:LINE:COL" \
    bash -c "[ $? -eq 2 ] && grep -q 'align.rdf:1:[0-9]*: error: expected IRI_A<TAB>IRI_B' '$work/bad-align.err'"

mkdir -p "$work/config/evograph"
cat > "$work/bad.toml" <<TOML
[ai.providers.local]
kind = "openai"
url = "http://127.0.0.1:$port/v1"
model = "ok"
dimensions = "8"
TOML
"$evograph" search user "$v1" --config "$work/bad.toml" > /dev/null 2> "$work/bad.err"
check "a wrong type in the config: exit 2, FILE:LINE:COL and the key" \
    bash -c "[ $? -eq 2 ] && grep -q 'bad.toml:5:14: error: ai.providers.local.dimensions: expected an integer' '$work/bad.err'"

cat > "$work/config/evograph/evograph.toml" <<TOML
[ai.providers.local]
kind = "openai"
url = "http://127.0.0.1:$port/v1"
model = "ok"
api_key_env = "EVOGRAPH_CLI_CANARY"
colour = "blue"

[ai.providers.echo]
kind = "openai"
url = "http://127.0.0.1:$port/v1"
model = "echo-key"
api_key_env = "EVOGRAPH_CLI_CANARY"
max_retries = 0
TOML
"$evograph" search "has email" "$v1" --provider local --format json > "$work/local.json" 2> "$work/local.err"
check "search --provider (the default config file): exit 0, one result per term" \
    bash -c "[ $? -eq 0 ] && python3 -c 'import json; d = json.load(open(\"$work/local.json\")); assert len(d[\"results\"]) >= 4'"
check "an unknown key is a warning with its position" grep -q "evograph.toml:6:1: warning: unknown key ai.providers.local.colour" "$work/local.err"
"$evograph" search "has email" "$v1" --provider local --format json > /dev/null 2>&1
"$evograph" cache stats --format json > "$work/stats.json" 2>/dev/null
check "cache stats: the second search was answered from the cache" \
    json 'assert d["entries"] >= 4 and d["hits"] >= 4 and d["misses"] >= 4 and 0 < d["hit_rate"] < 1, d' < "$work/stats.json"
"$evograph" cache stats > "$work/stats.txt" 2>/dev/null
check "cache stats (text) as the seed prints it" bash -c "grep -q 'Hit Rate: ' '$work/stats.txt' && grep -q 'Avg Lookup Time: ' '$work/stats.txt' && grep -q 'Evictions: 0' '$work/stats.txt'"
"$evograph" providers bench --providers builtin,local --iterations 3 -o "$work/bench.json" > "$work/bench.txt" 2>/dev/null
check "providers bench: p50/p95 per provider, also as JSON" \
    bash -c "grep -q 'local (ok, 8 dimensions):' '$work/bench.txt' && grep -q 'Latency: p50=' '$work/bench.txt' && python3 -c 'import json; d = json.load(open(\"$work/bench.json\")); assert [p[\"provider\"] for p in d] == [\"builtin\", \"local\"] and d[1][\"p95_ms\"] >= d[1][\"p50_ms\"] > 0'"
"$evograph" search user "$v1" --provider echo > "$work/echo.out" 2> "$work/echo.err"
check "a provider's error: exit 2, the provider, the status, its message with the key masked" \
    bash -c "[ $? -eq 2 ] && grep -q 'provider echo (openai, http://127.0.0.1:$port/v1/embeddings): HTTP 401: Incorrect API key provided: Bearer \[key\]' '$work/echo.err'"
"$evograph" analyze "$v1" "$v2" --provider local --format json > "$work/analyze.json" 2> "$work/analyze.err"
check "analyze --provider: the embedding signal runs through the provider (exit 1: breaking changes)" \
    bash -c "[ $? -eq 1 ] && python3 -c 'import json; json.load(open(\"$work/analyze.json\"))'"
"$evograph" search user --provider nope "$v1" > /dev/null 2> "$work/nope.err"
check "an unknown provider: exit 2, naming those there are" bash -c "[ $? -eq 2 ] && grep -q 'no provider \"nope\"' '$work/nope.err' && grep -q 'local' '$work/nope.err'"
"$evograph" cache clear > /dev/null 2>&1
check "cache clear empties it" bash -c "'$evograph' cache stats --format json 2>/dev/null | python3 -c 'import json,sys; assert json.load(sys.stdin)[\"entries\"] == 0'"

check "the canary key is in no output and no file evograph wrote" bash -c "! grep -rqa '$canary' '$work' --exclude=port"
check "the provider did receive the key" python3 -c "import sys, urllib.request; sys.exit('Bearer $canary' not in urllib.request.urlopen('http://127.0.0.1:$port/stats').read().decode())"
finish
