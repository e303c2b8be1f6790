#!/usr/bin/env bash
# Remote-store benchmark (issue 19), one run each against a private Virtuoso on loopback
# (scripts/virtuoso.sh; ResultSetMaxRows raised above the graph's size so that one GSP GET
# returns it whole, as an operator serving big graphs sets it), on a generated 1M-triple graph
# (v1) and its --evolve version (v2):
#   pull            evograph remote pull (read, parse, canonical hash)   vs curl GSP GET      bar <= 1.5
#   full push       evograph remote push --parallel 2 into an empty graph
#                   (verified by re-reading)                              vs curl GSP PUT      bar <= 1.5
#   change push     evograph remote push v1 -> v2 (drift guard, verified) vs curl GSP PUT v2   bar <= 0.2
#   rename          evograph migrate apply of a rename of the most used
#                   property (guarded, snapshot, pushed, verified)        vs the same SPARQL
#                                                                            Update with curl   bar <= 2.0
# Also the peak memory of a pull per million triples.
#   bench/remote_vs_curl.sh [TRIPLES]      (default 1000000)
set -euo pipefail
shopt -s inherit_errexit # a step that fails stops the benchmark (best runs it in $(...))
cd "$(dirname "$0")/.."
triples="${1:-1000000}"; runs=1
source bench/timing.sh
generated_pair "$triples"
command -v virtuoso-t >/dev/null || { echo "needs virtuoso-opensource (scripts/install-deps.sh test)"; exit 2; }
export EVOGRAPH_VIRTUOSO_DIR="$PWD/$out/virtuoso"
scripts/virtuoso.sh stop >/dev/null 2>&1 || true
rm -rf "$EVOGRAPH_VIRTUOSO_DIR"
url=$(VIRTUOSO_MAX_ROWS=$((triples * 2)) scripts/virtuoso.sh start)
trap 'scripts/virtuoso.sh stop >/dev/null 2>&1' EXIT
nt1="${v1%.ttl}.nt"; nt2="${v2%.ttl}.nt"
[ -f "$nt1" ] || serdi -i turtle -o ntriples "$v1" > "$nt1"
[ -f "$nt2" ] || serdi -i turtle -o ntriples "$v2" > "$nt2"
gsp="$url/sparql-graph-crud"
put() { curl -sf -X PUT -H 'Content-Type: application/n-triples' --data-binary "@$2" "$gsp?graph=$1" -o /dev/null; }
get() { curl -sf -H 'Accept: application/n-triples' "$gsp?graph=$1" -o "$out/get.nt"; }
update() { curl -sf --data-urlencode "update@$1" "$url/sparql" -o /dev/null; }

ws="$out/remote-bench.evograph"; rm -f "$ws"*
"$evograph" ws init "$ws" >/dev/null
"$evograph" ws import "$ws" "$v1" --graph gen >/dev/null
"$evograph" ws import "$ws" "$v2" --graph gen >/dev/null
"$evograph" remote add "$ws" gen --endpoint "$url/sparql" --gsp "$gsp" --graph http://bench/gen >/dev/null

curl_put=$(best put http://bench/curl "$nt1")
evo_push=$(best "$evograph" remote push "$ws" gen --version 1 --parallel 2)
get http://bench/curl # warm the store's caches once, for both readers alike
curl_get=$(best get http://bench/curl)
evo_pull=$(best "$evograph" remote pull "$ws" gen)
peak_kb=$( { /usr/bin/time -f '%M' "$evograph" remote pull "$ws" gen >/dev/null; } 2>&1 | tail -1)
"$evograph" ws import "$ws" "$v2" --graph gen >/dev/null # v2 current again (the pulls made v1 current)
curl_put2=$(best put http://bench/curl "$nt2")
evo_change=$(best "$evograph" remote push "$ws" gen --parallel 2)
changed=$("$evograph" ws log "$ws" --graph gen --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[1]["added"] + d[1]["removed"])')

# The rename: the ontology's property most used in v2 (the issue asks for one used by about 100k
# triples), sent by curl to one copy and applied by evograph to the bound one.
predicate=$(cut -d' ' -f2 "$nt2" | grep -v 'www.w3.org' | sort | uniq -c | sort -rn | head -1 | awk '{print $2}')
uses=$(grep -c " $predicate " "$nt2" || true)
renamed="${predicate%>}Renamed>"
printf 'DELETE { GRAPH <http://bench/curl> { ?s %s ?o } } INSERT { GRAPH <http://bench/curl> { ?s %s ?o } }\nWHERE { GRAPH <http://bench/curl> { ?s %s ?o } }\n' "$predicate" "$renamed" "$predicate" > "$out/rename-curl.ru"
cat > "$out/rename.yaml" <<PLAN
evograph_plan: 1
graphs: [gen]
steps:
  - id: rename
    kind: custom
    code: DS
    description: rename $predicate
    update: |
      DELETE { ?s $predicate ?o } INSERT { ?s $renamed ?o } WHERE { ?s $predicate ?o }
PLAN
"$evograph" ws config "$ws" policies.operational.allow_self_approval true >/dev/null
"$evograph" migrate approve "$out/rename.yaml" --as bench --workspace "$ws" >/dev/null
curl_rename=$(best update "$out/rename-curl.ru")
evo_rename=$(best "$evograph" migrate apply "$out/rename.yaml" --workspace "$ws" --yes)

ratio() { echo "scale=3; $1 / $2" | bc -l; }
echo "graph:        $v1 ($(wc -l < "$nt1") triples) -> $v2 ($changed triples changed)"
echo "pull:         evograph ${evo_pull} s, curl GSP GET ${curl_get} s: ratio $(ratio "$evo_pull" "$curl_get") (bar <= 1.5)"
echo "full push:    evograph ${evo_push} s, curl GSP PUT ${curl_put} s: ratio $(ratio "$evo_push" "$curl_put") (bar <= 1.5)"
echo "change push:  evograph ${evo_change} s, curl GSP PUT of v2 ${curl_put2} s: ratio $(ratio "$evo_change" "$curl_put2") (bar <= 0.2)"
echo "rename:       $predicate used $uses times: evograph migrate apply ${evo_rename} s, curl update ${curl_rename} s: ratio $(ratio "$evo_rename" "$curl_rename") (bar <= 2.0)"
echo "pull peak RSS: $((peak_kb / 1024)) MiB ($(echo "scale=0; $peak_kb / 1024 * 1000000 / $triples" | bc) MiB per million triples)"
