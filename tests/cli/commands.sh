#!/usr/bin/env bash
# The CLI's commands as scripts call them: outputs that re-read, JSON fields, exit codes, help.
set -uo pipefail
evograph="$1"; resources="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
check() { # check NAME CONDITION...
    local name="$1"; shift
    if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failures=$((failures + 1)); fi
}

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

for cmd in "" "parse" "stats" "canon" "diff" "patch"; do
    "$evograph" $cmd --help > /dev/null; check "help for '${cmd:-evograph}' exits 0" test $? -eq 0
done
"$evograph" parse > /dev/null 2>&1; check "missing FILE exits 2" test $? -eq 2
"$evograph" frobnicate > /dev/null 2>&1; check "unknown command exits 2" test $? -eq 2
"$evograph" parse -o yaml "$v2" > /dev/null 2>&1; check "bad -o value exits 2" test $? -eq 2

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
