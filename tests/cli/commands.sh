#!/usr/bin/env bash
# The CLI's commands as scripts call them: outputs that re-read, JSON fields, exit codes, help.
set -uo pipefail
evograph="$1"; resources="$2"
source "$(dirname "$0")/harness.sh"

v2="$resources/demo/user-v2.ttl"
"$evograph" parse "$v2" > "$work/v2.nt"; check "parse exits 0" test $? -eq 0
check "parse writes 30 N-Triples lines" test "$(wc -l < "$work/v2.nt")" -eq 30
"$evograph" parse -o turtle "$v2" > "$work/v2.ttl"
"$evograph" parse "$work/v2.ttl" --base "file://$v2" | sort > "$work/v2-again.nt"
check "turtle output re-reads to the same triple count" test "$(wc -l < "$work/v2-again.nt")" -eq 30
"$evograph" parse -i ntriples "$work/v2.nt" > /dev/null; check "-i ntriples" test $? -eq 0
"$evograph" parse -o nquads "$v2" > /dev/null; check "-o nquads" test $? -eq 0

json=$("$evograph" stats --format json "$v2")
check "stats json parses and counts" python3 -c '
import json, sys
s = json.loads(sys.argv[1])
assert s["triples"] == 30 and s["classes"] == 2 and s["datatype_properties"] == 2, s
assert s["object_properties"] == 2 and s["blank_nodes"] == 1 and s["format"] == "turtle", s
assert s["version_iris"] == ["http://example.com/ontology/2.0"], s
' "$json"
"$evograph" stats "$v2" | grep -q "^triples  *30$"; check "stats text" test $? -eq 0

# diff: exit 0 same, 1 different; text, json and patch outputs; patch and --invert round trips.
v1="$resources/demo/user-v1.ttl"
"$evograph" diff "$v1" "$v1" > "$work/same.txt"; check "diff of a file with itself exits 0" test $? -eq 0
check "diff of a file with itself prints only its summary" test "$(cat "$work/same.txt")" = "# 0 removed, 0 added"
"$evograph" parse -o turtle "$v2" > "$work/v2-copy.ttl"
"$evograph" diff "$v2" "$work/v2-copy.ttl" > /dev/null; check "diff of a re-serialised copy (new blank node labels) exits 0" test $? -eq 0
"$evograph" diff "$v1" "$v2" > "$work/d.txt"; check "diff of two versions exits 1" test $? -eq 1
check "text diff ends with its summary" test "$(tail -1 "$work/d.txt")" = "# 3 removed, 16 added"
check "text diff lines are - or + statements, sorted" bash -c "head -n -1 '$work/d.txt' | grep -v '^[-+] ' | wc -l | grep -qx 0 && head -n -1 '$work/d.txt' | cut -c3- | LC_ALL=C sort -c"
"$evograph" diff "$v1" "$v2" --compact > "$work/compact.txt"
check "--compact writes CURIEs" grep -q '^+ :hasPhoneNumber rdfs:range xsd:string .$' "$work/compact.txt"
"$evograph" diff "$v1" "$v2" --format json -o "$work/d.json"; check "diff -o exits 1 too" test $? -eq 1
check "json diff fields" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"] == {"added": 16, "removed": 3}, d["summary"]
assert len(d["added"]) == 16 and len(d["removed"]) == 3
assert d["old"]["triples"] == 17 and d["new"]["triples"] == 30, (d["old"], d["new"])
assert all(t.endswith(" .") for t in d["added"] + d["removed"])
' "$work/d.json"
"$evograph" diff "$v1" "$v2" --format patch --prev urn:uuid:1 -o "$work/p.rdfp"
check "patch has header, transaction and rows" bash -c "head -3 '$work/p.rdfp' | grep -q '^H prev <urn:uuid:1> .$' && grep -q '^TX .$' '$work/p.rdfp' && tail -1 '$work/p.rdfp' | grep -q '^TC .$'"
"$evograph" patch "$v1" "$work/p.rdfp" -o "$work/patched.ttl"; check "patch exits 0" test $? -eq 0
"$evograph" diff "$work/patched.ttl" "$v2" > /dev/null; check "v1 patched is v2" test $? -eq 0
"$evograph" patch "$v1" "$work/p.rdfp" --invert -o "$work/inverse.rdfp"
"$evograph" patch "$work/patched.ttl" "$work/inverse.rdfp" -o "$work/back.nt"
"$evograph" diff "$work/back.nt" "$v1" > /dev/null; check "the inverse patch restores v1" test $? -eq 0
"$evograph" patch "$v2" "$work/p.rdfp" > /dev/null 2> "$work/err.txt"; check "a patch that does not apply exits 2" test $? -eq 2
check "a patch that does not apply names its line" grep -q 'p.rdfp:[0-9]*:1: error: the patch does not apply' "$work/err.txt"
printf 'TX .\nA <http://e/a> <http://e/b> .\nTC .\n' > "$work/bad.rdfp"
"$evograph" patch "$v1" "$work/bad.rdfp" > /dev/null 2> "$work/err.txt"; check "a malformed patch exits 2" test $? -eq 2
check "a malformed patch row is located" grep -q 'bad.rdfp:2:' "$work/err.txt"

# canon: RDFC-1.0 output is the same for isomorphic inputs.
"$evograph" canon "$v2" > "$work/c1.nq"; "$evograph" canon "$work/v2-copy.ttl" > "$work/c2.nq"
check "canon gives identical bytes for a re-serialised copy" cmp -s "$work/c1.nq" "$work/c2.nq"
"$evograph" canon "$v2" --map | python3 -c 'import json,sys; m=json.load(sys.stdin); assert all(v.startswith("c14n") for v in m.values()) and m, m'
check "canon --map prints labels as JSON" test $? -eq 0

# analyze: kinds, severity and impact as JSON; release notes; --fail-on exit codes; directories.
data="$resources/demo/users-data.ttl"
"$evograph" analyze "$v1" "$v2" --data "$data" --format json -o "$work/a.json"; check "analyze exits 1 on a breaking change" test $? -eq 1
check "analyze json: contract fields, the required e-mail and its impact" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
kinds = sorted(c["kind"] for c in a["changes"])
assert "restriction_added" in kinds and "property_added" in kinds and "property_deprecated" in kinds, kinds
r = [c for c in a["changes"] if c["kind"] == "restriction_added"][0]
assert r["iri"] == "http://example.com/ontology#User" and r["property"] == "http://example.com/ontology#hasEmail", r
assert r["severity"] == "breaking" and r["reason"] and r["triples"]["added"] and r["triples"]["removed"] == [], r
assert r["impact"] == {"count": 1, "description": "1 User have no hasEmail but it is now required"}, r["impact"]
assert a["summary"]["by_severity"]["breaking"] == 1 and a["summary"]["changes"] == len(a["changes"]), a["summary"]
assert all("old_iri" not in c for c in a["changes"] if not c["kind"].endswith("_renamed"))
' "$work/a.json"
"$evograph" analyze "$v1" "$v2" --fail-on never > /dev/null; check "analyze --fail-on never exits 0" test $? -eq 0
"$evograph" analyze "$v1" "$v1" --fail-on cosmetic > /dev/null; check "analyze of a file with itself exits 0" test $? -eq 0
"$evograph" analyze "$v1" "$v2" --format markdown --fail-on never > "$work/notes.md"
check "markdown release notes group and label" bash -c "grep -q '^## New (2)$' '$work/notes.md' && grep -q '^## Breaking (1)$' '$work/notes.md' && grep -q '\*\*has phone number\*\* \`:hasPhoneNumber\`' '$work/notes.md'"
"$evograph" analyze "$v1" "$v2" --format html --fail-on never | grep -q '<h2>Deprecated (1)</h2>'; check "html release notes" test $? -eq 0
mkdir -p "$work/old" "$work/new"; cp "$v1" "$work/old/"; cp "$v2" "$work/new/a.ttl"; "$evograph" parse "$data" > "$work/new/data.nt"
"$evograph" diff "$work/old" "$work/new" > /dev/null; check "diff reads directories" test $? -eq 1
"$evograph" analyze "$work/old" "$work/new" --format json --fail-on never | python3 -c 'import json,sys; a=json.load(sys.stdin); assert a["new"]["triples"] == 30 + 7, a["new"]' ; check "analyze merges a directory's files" test $? -eq 0
printf 'kinds:\n  restriction_added: cosmetic\n' > "$work/overrides.yaml"
"$evograph" analyze "$v1" "$v2" --overrides "$work/overrides.yaml" > /dev/null; check "an override re-rates the breaking change" test $? -eq 0
printf 'kinds:\n  no_such_kind: safe\n' > "$work/bad.yaml"
"$evograph" analyze "$v1" "$v2" --overrides "$work/bad.yaml" > /dev/null 2> "$work/err.txt"; check "a bad override file exits 2" test $? -eq 2
check "a bad override file names line and column" grep -q 'bad.yaml:2:3: error: unknown change kind' "$work/err.txt"

# evolve: OLD plus the safe changes; the graph on stdout and the report on stderr without -o.
"$evograph" evolve "$v1" "$v2" --strategy additive > "$work/evolved.ttl" 2> "$work/evolve.txt"
check "evolve without -o writes Turtle to stdout and the report to stderr" bash -c "grep -q '^@prefix' '$work/evolved.ttl' && grep -q '(additive): applied' '$work/evolve.txt'"
"$evograph" analyze "$v1" "$work/evolved.ttl" > /dev/null; check "  OLD -> the evolved version has nothing breaking (exit 0)" test $? -eq 0
"$evograph" evolve "$work/old" "$work/new" --strategy additive --format json -o "$work/evolved.nt" > "$work/evolve.json"
check "evolve reads directories; -o's extension picks the format; JSON lists what was left out" bash -c "head -1 '$work/evolved.nt' | grep -q '^<' && python3 -c '
import json, sys; d = json.load(open(sys.argv[1]))
assert d[\"strategy\"] == \"additive\" and d[\"left_out\"] and all(c[\"severity\"] != \"safe\" for c in d[\"left_out\"]), d' '$work/evolve.json'"
"$evograph" evolve "$v1" "$v2" --strategy all -o "$work/all.ttl" 2> /dev/null
"$evograph" diff "$work/all.ttl" "$v2" > /dev/null; check "evolve --strategy all gives NEW" test $? -eq 0
"$evograph" evolve "$v1" "$v2" --strategy bold > /dev/null 2>&1; check "an unknown strategy exits 2" test $? -eq 2

# check: evolution test suites with JUnit output.
"$evograph" check --suite "$resources/graph-evolution.test.yaml" --junit "$work/junit.xml" > "$work/check.txt"
check "check exits 1 when an assertion fails" test $? -eq 1
check "check names the failing assertion and why" grep -q 'FAIL backward_compatible: 1 breaking changes' "$work/check.txt"
check "junit report counts cases and failures" python3 -c '
import sys, xml.etree.ElementTree as ET
s = ET.parse(sys.argv[1]).getroot().find("testsuite")
assert s.get("tests") == "6" and s.get("failures") == "1", s.attrib
' "$work/junit.xml"
printf 'tests:\n  - name: same\n    from_graph: "%s"\n    to_graph: "%s"\n    assertions:\n      - backward_compatible: true\n' "$(realpath "$v2")" "$(realpath "$v2")" > "$work/pass.yaml"
"$evograph" check --suite "$work/pass.yaml" > /dev/null; check "a passing suite exits 0" test $? -eq 0
printf 'tests:\n  - name: x\n    from_graph: a.ttl\n    to_graph: b.ttl\n    assertions:\n      - no_such_assertion: true\n' > "$work/bad-suite.yaml"
"$evograph" check --suite "$work/bad-suite.yaml" > /dev/null 2> "$work/err.txt"; check "an unknown assertion exits 2" test $? -eq 2
check "an unknown assertion is named with its position" grep -q "bad-suite.yaml:6:9: error: unknown assertion 'no_such_assertion'" "$work/err.txt"

for cmd in "" "parse" "stats" "canon" "diff" "patch" "analyze" "evolve" "check"; do
    "$evograph" $cmd --help > /dev/null; check "help for '${cmd:-evograph}' exits 0" test $? -eq 0
done
"$evograph" parse > /dev/null 2>&1; check "missing FILE exits 2" test $? -eq 2
"$evograph" frobnicate > /dev/null 2>&1; check "unknown command exits 2" test $? -eq 2
"$evograph" parse -o yaml "$v2" > /dev/null 2>&1; check "bad -o value exits 2" test $? -eq 2

finish
