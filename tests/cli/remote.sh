#!/usr/bin/env bash
# evograph against a real SPARQL store: a private Virtuoso (Debian's virtuoso-opensource 7.2) on
# loopback, started by scripts/virtuoso.sh with ResultSetMaxRows = 2000 so that its silent caps
# are met. Bindings, pull/push round trips with blank nodes, a push of the change between two
# schema.org releases, the drift guard, a migration applied to and rolled back from the store,
# truncation detection, authentication, and the server killed in the middle of a push.
# Usage: remote.sh EVOGRAPH SCRIPTS_DIR CORPUS (exit 77: no Virtuoso or no corpus here)
evograph=$1; scripts=$2; corpus=$3
command -v virtuoso-t > /dev/null || { echo "skipped: virtuoso-t not installed (apt install virtuoso-opensource)"; exit 77; }
[ -f "$corpus/obo-iao/v2020-12-09/iao.owl" ] || { echo "skipped: no corpus at $corpus"; exit 77; }
source "$(dirname "$0")/harness.sh"
export EVOGRAPH_VIRTUOSO_DIR="$work/virtuoso"
trap '"$scripts/virtuoso.sh" stop > /dev/null 2>&1; rm -rf "$work"' EXIT
url=$(VIRTUOSO_MAX_ROWS=2000 "$scripts/virtuoso.sh" start) || { echo "FAIL cannot start Virtuoso"; exit 1; }
echo "Virtuoso at $url"
ws="$work/ws.evograph"
"$evograph" ws init "$ws" > /dev/null

count() { # the store's triple count of graph $1
    curl -s --data-urlencode "query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$1> { ?s ?p ?o } }" \
        -H 'Accept: application/sparql-results+json' "$url/sparql" | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"]["bindings"][0]["n"]["value"])'
}
sparql_update() { curl -sf -o /dev/null --data-urlencode "update=$1" "$url/sparql"; }
content() { "$evograph" ws log "$ws" --graph "$1" --format json | json 'print([v for v in d if v["current"]][0]["content"])'; }

# --- binding ---------------------------------------------------------------------------------------
"$evograph" remote add "$ws" iao --endpoint "$url/sparql" --gsp "$url/sparql-graph-crud" --graph http://example.org/iao > /dev/null
check "remote add binds a graph (exit 0)" test $? -eq 0
"$evograph" remote list "$ws" --format json > "$work/list.json"
check "  remote list shows it, never read yet" json 'assert d[0]["graph"] == "iao" and d[0]["graph_iri"] == "http://example.org/iao" and d[0]["known_content"] == "", d' < "$work/list.json"
"$evograph" remote add "$ws" iao --endpoint "$url/sparql" --graph http://example.org/other 2> "$work/err"
check "  binding the same graph twice is an error (exit 2)" test $? -eq 2

# --- round trip with blank nodes (OWL restrictions and lists from a real ontology) -------------------
"$evograph" ws import "$ws" "$corpus/obo-iao/v2020-12-09/iao.owl" --graph iao > /dev/null
"$evograph" remote push "$ws" iao --batch 700 --format json > "$work/push1.json"
check "push of a local version into the empty store graph (exit 0)" test $? -eq 0
check "  sends its blank-node structures by their statements" json 'assert d["blank_groups"] > 50 and d["deleted"] == 0 and d["inserted"] > 3000 and d["batches_sent"] > 4, d' < "$work/push1.json"
iao_triples=$("$evograph" ws log "$ws" --graph iao --format json | json 'print(d[-1]["triples"])')
check "  the store holds exactly the version's triples" test "$(count http://example.org/iao)" = "$iao_triples"
"$evograph" remote pull "$ws" iao --format json > "$work/pull1.json"
check "pull right after: the same content (isomorphic round trip), no new version" json 'assert not d["new"] and d["version"] == 1, d' < "$work/pull1.json"
check "  read past Virtuoso's silent cap of 2000 rows in CONSTRUCT partitions" json 'assert d["paged"] and d["triples"] > 2000, d' < "$work/pull1.json"
"$evograph" diff "$corpus/obo-iao/v2020-12-09/iao.owl" "sparql:$url/sparql#http://example.org/iao" > "$work/diff.txt"
check "diff FILE sparql:ENDPOINT#GRAPH: no difference (exit 0)" test $? -eq 0
"$evograph" stats "remote:iao" --workspace "$ws" --format json > "$work/stats.json"
check "stats remote:NAME --workspace W reads the bound store graph" json 'assert d["triples"] == '"$iao_triples"', d' < "$work/stats.json"

# --- RO into a fresh graph: a plain literal whose text is an IRI of the same request -----------------
# Virtuoso stores "https://orcid.org/0000-0001-8314-2140" as an IRI when one request also holds
# <https://orcid.org/0000-0001-8314-2140>; the push keeps such twins in separate requests.
ro="$corpus/obo-ro/v2025-06-24/ro.owl"
if [ -f "$ro" ]; then
    "$evograph" ws import "$ws" "$ro" --graph ro > /dev/null
    "$evograph" remote add "$ws" ro --endpoint "$url/sparql" --gsp "$url/sparql-graph-crud" --graph http://example.org/ro > /dev/null
    "$evograph" remote push "$ws" ro --format json > "$work/push-ro.json"
    check "RO (11,546 triples) pushed into a fresh graph and verified (exit 0)" json 'assert d["inserted"] > 11000, d' < "$work/push-ro.json"
    literal=$(curl -s --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/ro> { ?s ?p ?o FILTER(isLiteral(?o) && STR(?o) = "https://orcid.org/0000-0001-8314-2140") } }' \
        -H 'Accept: application/sparql-results+json' "$url/sparql" | json 'print(d["results"]["bindings"][0]["n"]["value"])')
    check "  its ORCID literals stay literals beside the same ORCID as an IRI" test "$literal" = 2
    "$evograph" diff "$ro" "sparql:$url/sparql#http://example.org/ro" > /dev/null
    check "  and the store's graph is RO exactly, read back past the caps (diff exit 0)" test $? -eq 0
fi

# --- truncation is never silent -----------------------------------------------------------------------
curl -s -H 'Accept: application/n-triples' "$url/sparql-graph-crud?graph=http://example.org/iao" | wc -l > "$work/gsp_lines"
check "  (Virtuoso's own GSP GET returns only part of the graph: $(cat "$work/gsp_lines") of $iao_triples lines)" test "$(cat "$work/gsp_lines")" -lt "$iao_triples"

# --- the change between two schema.org releases -------------------------------------------------------
"$evograph" remote add "$ws" schema --endpoint "$url/sparql" --gsp "$url/sparql-graph-crud" --graph http://example.org/schema > /dev/null
"$evograph" ws import "$ws" "$corpus/schemaorg/v28.0/schemaorg-all-https.ttl" --graph schema > /dev/null
"$evograph" remote push "$ws" schema > /dev/null
"$evograph" ws import "$ws" "$corpus/schemaorg/v28.1/schemaorg-all-https.ttl" --graph schema --format json > "$work/v2.json"
"$evograph" remote push "$ws" schema --dry-run --batch 100 --format json > "$work/dry.json"
check "push --dry-run of 28.0 -> 28.1 plans the version's exact change" json 'v = json.load(open("'"$work/v2.json"'")); assert d["dry_run"] and d["deleted"] == v["removed"] and d["inserted"] == v["added"] and d["batches_sent"] == 0, (d, v)' < "$work/dry.json"
check "  and sends nothing" test "$(count http://example.org/schema)" = "$("$evograph" ws log "$ws" --graph schema --format json | json 'print(d[0]["triples"])')"
check "  and says it needs a reviewer (it deletes triples)" json 'assert "no approval" in d["approval"], d' < "$work/dry.json"
schema_store=$(count http://example.org/schema)
"$evograph" remote push "$ws" schema --batch 100 2> "$work/err"
check "a push that deletes triples from the store needs an approval: refused (exit 3)" test $? -eq 3
check "  naming how to give it" grep -q "evograph remote approve W schema --version 2 --as NAME" "$work/err"
check "  and sending nothing" test "$(count http://example.org/schema)" = "$schema_store"
"$evograph" remote approve "$ws" schema --as alice > /dev/null
"$evograph" remote push "$ws" schema --batch 100 2> "$work/err"
check "  the applier's own approval counts only when self-approval is allowed (exit 3)" test $? -eq 3
"$evograph" ws config "$ws" policies.operational.allow_self_approval true > /dev/null
"$evograph" remote push "$ws" schema --batch 100 --format json > "$work/push2.json"
check "push 28.0 -> 28.1 in batches of 100 (exit 0, verified)" json 'assert d["batches_sent"] == d["batches"] > 1 and not d["up_to_date"], d' < "$work/push2.json"
"$evograph" diff "$corpus/schemaorg/v28.1/schemaorg-all-https.ttl" "sparql:$url/sparql#http://example.org/schema" > /dev/null
check "  the store's graph is 28.1 exactly (diff exit 0)" test $? -eq 0
"$evograph" remote pull "$ws" schema --format json > "$work/pull-schema.json"
check "  a pull of it reads past both caps (ResultSetMaxRows 2000, MaxSortedTopRows 10000) in partitions by subject hash" json 'assert d["paged"] and d["triples"] > 10000 and not d["new"] and d["requests"] > 1, d' < "$work/pull-schema.json"
"$evograph" remote push "$ws" schema --format json > "$work/again.json"
check "  pushing again: already up to date" json 'assert d["up_to_date"], d' < "$work/again.json"

# --- the drift guard -----------------------------------------------------------------------------------
"$evograph" ws import "$ws" "$corpus/schemaorg/v28.0/schemaorg-all-https.ttl" --graph schema > /dev/null
sparql_update 'INSERT DATA { GRAPH <http://example.org/schema> { <http://example.org/x> <http://example.org/p> "someone else" } }'
before=$(count http://example.org/schema)
"$evograph" remote push "$ws" schema 2> "$work/err"
check "push after someone changed the store: refused (exit 1)" test $? -eq 1
check "  saying 'remote graph changed since version 2; pull first'" grep -q "remote graph changed since version 2; pull first" "$work/err"
check "  and the store is untouched" test "$(count http://example.org/schema)" = "$before"
"$evograph" remote pull "$ws" schema > /dev/null
"$evograph" ws log "$ws" --graph schema --format json > "$work/log.json"
check "pull takes their change in as version 4 (28.1 and their triple)" json 'assert len(d) == 4 and d[-1]["triples"] == d[1]["triples"] + 1 and d[-1]["source"].startswith("sparql:"), d' < "$work/log.json"

# --- a migration applied to the store and rolled back ----------------------------------------------------
cat > "$work/rename.ru" <<'RU'
DELETE { ?s <https://schema.org/domainIncludes> ?o } INSERT { ?s <https://schema.org/domainIncludesRenamed> ?o }
WHERE { ?s <https://schema.org/domainIncludes> ?o }
RU
cat > "$work/plan.yaml" <<PLAN
evograph_plan: 1
graphs: [schema]
steps:
  - id: rename
    kind: custom
    code: DS
    description: rename domainIncludes
    update: |
$(sed 's/^/      /' "$work/rename.ru")
PLAN
store_before=$(count http://example.org/schema); content_before=$(content schema)
"$evograph" migrate apply "$work/plan.yaml" --workspace "$ws" --yes 2> "$work/err"
check "migrate apply on a bound graph without approval: refused (exit 3)" test $? -eq 3
check "  and the store is untouched" test "$(count http://example.org/schema)" = "$store_before"
"$evograph" ws config "$ws" policies.operational.allow_self_approval true > /dev/null
"$evograph" migrate approve "$work/plan.yaml" --as alice --workspace "$ws" > /dev/null
sparql_update 'DELETE DATA { GRAPH <http://example.org/schema> { <http://example.org/x> <http://example.org/p> "someone else" } }'
"$evograph" migrate apply "$work/plan.yaml" --workspace "$ws" --yes 2> "$work/err"
check "migrate apply after a change on the store: refused (exit 1), nothing applied" test $? -eq 1
check "  by the drift guard" grep -q "remote graph changed since version 4; pull first" "$work/err"
sparql_update 'INSERT DATA { GRAPH <http://example.org/schema> { <http://example.org/x> <http://example.org/p> "someone else" } }'
"$evograph" migrate apply "$work/plan.yaml" --workspace "$ws" --yes --format json > "$work/apply.json"
check "the approved migration applies to the store (exit 0)" test $? -eq 0
check "  pushed and verified" json 's = d["stores"]; assert len(s) == 1 and s[0]["graph"] == "schema" and s[0]["deleted"] == s[0]["inserted"] > 1000 and s[0]["verified"], s' < "$work/apply.json"
renamed=$(curl -s --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/schema> { ?s <https://schema.org/domainIncludesRenamed> ?o } }' -H 'Accept: application/sparql-results+json' "$url/sparql" | json 'print(d["results"]["bindings"][0]["n"]["value"])')
check "  the store holds the renamed property ($renamed triples)" test "$renamed" -gt 1000
"$evograph" remote pull "$ws" schema --format json > "$work/pull2.json"
check "  and equals the dry run's result (pull: unchanged)" json 'assert not d["new"], d' < "$work/pull2.json"
op=$(json 'print(d["operation"])' < "$work/apply.json")
"$evograph" rollback "$op" --workspace "$ws" --yes > "$work/rb.txt"
check "rollback pushes the inverse (exit 0)" test $? -eq 0
check "  the store is exactly as before the migration" test "$("$evograph" remote pull "$ws" schema --format json | json 'print(d["content"])')" = "$content_before"

# --- authentication ---------------------------------------------------------------------------------------
"$evograph" remote add "$ws" secure --endpoint "$url/sparql-auth" --graph http://example.org/iao --user dba --password-env EVOGRAPH_TEST_PASSWORD > /dev/null
EVOGRAPH_TEST_PASSWORD=not-the-password-4711 "$evograph" remote pull "$ws" secure 2> "$work/err"
check "a wrong password: exit 2" test $? -eq 2
check "  with a clear message" grep -q "authentication failed (HTTP 401) for user 'dba'" "$work/err"
check "  that does not show the password" bash -c "! grep -q not-the-password-4711 '$work/err'"
"$evograph" remote pull "$ws" secure 2> "$work/err"
check "no password in the environment: exit 2 naming the variable" grep -q 'EVOGRAPH_TEST_PASSWORD' "$work/err"
EVOGRAPH_TEST_PASSWORD=dba "$evograph" remote pull "$ws" secure --format json > "$work/auth.json"
check "the right password (Digest auth): pulled" json 'assert d["triples"] == '"$iao_triples"', d' < "$work/auth.json"
check "no password anywhere in the workspace file" bash -c "! grep -aq not-the-password-4711 '$ws'"

# --- literals the store rewrites or cannot take in bulk -------------------------------------------------
cat > "$work/forms.ttl" <<'TTL'
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://example.org/m> <http://example.org/at> "2020-01-01T00:00:00+00:00"^^xsd:dateTime ;
    <http://example.org/size> "1241.90"^^xsd:decimal , "3.2538E+05"^^xsd:double .
TTL
"$evograph" remote add "$ws" forms --endpoint "$url/sparql" --gsp "$url/sparql-graph-crud" --graph http://example.org/forms > /dev/null
"$evograph" ws import "$ws" "$work/forms.ttl" --graph forms > /dev/null
"$evograph" remote push "$ws" forms > /dev/null 2> "$work/err"
check "a push of literals Virtuoso rewrites (+00:00 -> Z, 1241.90, 3.2538E+05) verifies by value" test $? -eq 0
"$evograph" remote pull "$ws" forms --format json > "$work/forms.json"
check "  and a pull right after adds no version (same values)" json 'assert not d["new"] and d["version"] == 1, d' < "$work/forms.json"
echo '<http://example.org/m> <http://example.org/for> "P1DT2H"^^<http://www.w3.org/2001/XMLSchema#duration> .' >> "$work/forms.ttl"
"$evograph" ws import "$ws" "$work/forms.ttl" --graph forms > /dev/null
"$evograph" remote push "$ws" forms 2> "$work/err"
check "an xsd:duration, which Virtuoso stores as seconds (\"93600.0\"), fails the verification (exit 2)" test $? -eq 2
check "  saying so" grep -q "after the push the store's graph has value hash" "$work/err"

# A migration whose push fails its verification is undone on the store and in the workspace:
# Virtuoso writes the out-of-range double 1E400 as INF (its value by XSD), which the verification
# does not take for the same value.
head -3 "$work/forms.ttl" > "$work/comp.ttl"
"$evograph" remote add "$ws" comp --endpoint "$url/sparql" --gsp "$url/sparql-graph-crud" --graph http://example.org/comp > /dev/null
"$evograph" ws import "$ws" "$work/comp.ttl" --graph comp > /dev/null
"$evograph" remote push "$ws" comp > /dev/null
migration() { # ID LITERAL: a plan adding LITERAL to comp
    printf '%s\n' 'evograph_plan: 1' 'graphs: [comp]' 'steps:' "  - id: $1" '    kind: custom' '    code: MF' \
        '    description: add a literal the store rewrites' \
        "    update: INSERT DATA { <http://example.org/m> <http://example.org/v> $2 }" > "$work/$1.yaml"
}
migration add-inf '"1E400"^^<http://www.w3.org/2001/XMLSchema#double>'
comp_before=$(content comp); comp_store=$(count http://example.org/comp)
"$evograph" migrate apply "$work/add-inf.yaml" --workspace "$ws" --yes > /dev/null 2> "$work/err"
check "a migration whose push fails verification: exit 2" test $? -eq 2
check "  saying the store and the workspace were put back" grep -q "were put back and the operation rolled back" "$work/err"
check "  the store holds what it held before" test "$(count http://example.org/comp)" = "$comp_store"
"$evograph" remote pull "$ws" comp --format json > "$work/comp.json"
check "  and the workspace's current version has the same content again" json 'assert not d["new"] and d["content"] == "'"$comp_before"'", d' < "$work/comp.json"
# An xsd:duration Virtuoso can neither keep nor delete by its text: putting the store back fails too.
migration add-duration '"P1DT2H"^^<http://www.w3.org/2001/XMLSchema#duration>'
"$evograph" migrate apply "$work/add-duration.yaml" --workspace "$ws" --yes > /dev/null 2> "$work/err"
check "when the store cannot be put back either: exit 2" test $? -eq 2
check "  saying so, and that the workspace keeps the migration" grep -q "Putting the store's graph back failed too.*the workspace keeps the migration" "$work/err"

# --- the server killed in the middle of a push -------------------------------------------------------------
# 3,000 blank-node structures (sent first, as guarded INSERTs) and 24,000 ground triples (GSP merges).
python3 -c "
for i in range(24000): print(f'<http://example.org/s{i}> <http://example.org/p> \"{i}\" .')
for i in range(3000): print(f'<http://example.org/s{i}> <http://example.org/q> _:b{i} . _:b{i} <http://example.org/r> \"{i}\" .')" > "$work/big.nt"
"$evograph" remote add "$ws" big --endpoint "$url/sparql" --gsp "$url/sparql-graph-crud" --graph http://example.org/big > /dev/null
"$evograph" ws import "$ws" "$work/big.nt" --graph big > /dev/null
"$evograph" remote push "$ws" big --batch 300 --retries 1 > /dev/null 2> "$work/err" &
pusher=$!
for _ in $(seq 1 300); do
    sent=$(python3 -c "import sqlite3; c = sqlite3.connect('file:$ws?mode=ro', uri=True); r = c.execute(\"SELECT batches_sent FROM remote_pushes WHERE graph = 'big'\").fetchone(); print(r[0] if r else 0)" 2>/dev/null)
    [ "${sent:-0}" -ge 8 ] && break
    sleep 0.1
done
kill -9 "$(cat "$EVOGRAPH_VIRTUOSO_DIR/virtuoso.pid")"
wait $pusher
check "the push fails when the server dies mid-way (exit 2)" test $? -eq 2
"$scripts/virtuoso.sh" start > /dev/null
partial=$(count http://example.org/big)
check "  the store holds part of it ($partial of 30000 triples)" test "$partial" -gt 0 -a "$partial" -lt 30000
"$evograph" remote push "$ws" big --format json > "$work/resume.json"
check "pushing again resumes where it stopped and verifies (exit 0)" json 'assert d["resumed"] and 0 < d["batches_sent"] < d["batches"], d' < "$work/resume.json"
check "  nothing lost or doubled: exactly 30000 triples" test "$(count http://example.org/big)" = 30000
check "  3000 blank nodes, none twice" test "$(curl -s --data-urlencode 'query=SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { GRAPH <http://example.org/big> { ?b <http://example.org/r> ?o } }' -H 'Accept: application/sparql-results+json' "$url/sparql" | json 'print(d["results"]["bindings"][0]["n"]["value"])')" = 3000

# --- the workspace stayed sound through all of it ------------------------------------------------------------
"$evograph" audit verify --workspace "$ws" > /dev/null
check "the audit chain verifies" test $? -eq 0
"$evograph" audit list --workspace "$ws" --format json > "$work/audit.json"
check "pushes and bindings are audited" json 'ops = {r["operation"] for r in d}; assert {"remote.add", "remote.push", "remote.push.start", "remote.state"} <= ops, ops' < "$work/audit.json"
finish
