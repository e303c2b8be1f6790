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

for cmd in "" "parse" "stats"; do
    "$evograph" $cmd --help > /dev/null; check "help for '${cmd:-evograph}' exits 0" test $? -eq 0
done
"$evograph" parse > /dev/null 2>&1; check "missing FILE exits 2" test $? -eq 2
"$evograph" frobnicate > /dev/null 2>&1; check "unknown command exits 2" test $? -eq 2
"$evograph" parse -o yaml "$v2" > /dev/null 2>&1; check "bad -o value exits 2" test $? -eq 2

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
