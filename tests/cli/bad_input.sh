#!/usr/bin/env bash
# Bad input never crashes the CLI: each case gives exit 2 and an error naming FILE[:LINE:COL].
# A BOM and CRLF line ends are not errors: those files must read (exit 0).
set -uo pipefail
evograph="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0

expect() { # expect NAME EXIT PATTERN FILE [ARGS...]
    local name="$1" want="$2" pattern="$3"; shift 3
    local out status
    out=$("$evograph" parse "$@" 2>&1 >/dev/null); status=$?
    if [ "$status" -ne "$want" ] || ! grep -qE -- "$pattern" <<<"$out"; then
        echo "FAIL $name: exit $status (want $want), stderr: ${out:0:300}"
        failures=$((failures + 1))
    else
        echo "ok   $name: ${out:0:160}"
        passed=$((passed + 1))
    fi
}

printf '@prefix ex: <http://e/> .\nex:a ex:b "unterminated' > "$work/truncated.ttl"
expect "truncated file" 2 "truncated.ttl:2:[0-9]+: error:" "$work/truncated.ttl"

printf '<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b' > "$work/truncated.nt"
expect "truncated N-Triples" 2 "truncated.nt:2:[0-9]+: error:" "$work/truncated.nt"

printf '@prefix ex: <http://e/> .\nex:a ex:b <http://e/c' > "$work/cut-iri.ttl"
expect "a Turtle file cut mid-IRI" 2 "cut-iri.ttl:2:[0-9]+: error: unexpected end of file inside an IRI" "$work/cut-iri.ttl"

printf '<http://e/a> <http://e/b> "caf\xe9" .\n' > "$work/latin1.nt"
expect "invalid UTF-8" 2 "latin1.nt:1:[0-9]+: error:" "$work/latin1.nt"

printf '\xef\xbb\xbf@prefix ex: <http://e/> .\nex:a ex:b ex:c .\n' > "$work/bom.ttl"
expect "byte order mark" 0 "^$" "$work/bom.ttl"

printf '@prefix ex: <http://e/> .\r\nex:a ex:b "x" .\r\n' > "$work/crlf.ttl"
expect "CRLF line ends" 0 "^$" "$work/crlf.ttl"

expect "missing file" 2 "nothere.ttl: error: no such file" "$work/nothere.ttl"
expect "a directory" 2 ": error: is a directory" "$work"

printf 'just some words\n' > "$work/notes.txt"
expect "unknown format" 2 "notes.txt: error: cannot tell the RDF format" "$work/notes.txt"
expect "unknown -i name" 2 "unknown input format 'jsonld'" -i jsonld "$work/bom.ttl"

printf '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n  <rdf:Description>\n</rdf:RDF>\n' > "$work/broken.rdf"
expect "malformed RDF/XML" 2 "broken.rdf:[0-9]+(:[0-9]+)?: error:" "$work/broken.rdf"

# A 100 MB literal reads in full (exit 0) and its length survives the round trip.
python3 - "$work/big.nt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<http://e/a> <http://e/b> "' + "x" * 100_000_000 + '" .\n')
PY
size=$("$evograph" parse "$work/big.nt" | wc -c); status=$?
if [ "$status" -eq 0 ] && [ "$size" -eq $((100000000 + 31)) ]; then
    echo "ok   100 MB literal: read and written back ($size bytes)"; passed=$((passed + 1))
else
    echo "FAIL 100 MB literal: exit $status, $size bytes out"; failures=$((failures + 1))
fi
printf '<http://e/a> <http://e/b> "%s' "$(head -c 1000000 /dev/zero | tr '\0' y)" > "$work/big-truncated.nt"
expect "unterminated 1 MB literal" 2 "big-truncated.nt:1:[0-9]+: error:" "$work/big-truncated.nt"

# A path the file system cannot look up (a name over 255 bytes) is an error like any missing file.
long="$work/$(printf 'x%.0s' $(seq 300))"
expect "a file name too long to look up" 2 "error:" "$long.ttl"
out=$("$evograph" ws log "$long.evograph" 2>&1); status=$?
if [ "$status" -eq 2 ] && grep -q "no workspace here" <<<"$out"; then
    echo "ok   a workspace name too long to look up: ${out:0:80}"; passed=$((passed + 1))
else
    echo "FAIL a workspace name too long to look up: exit $status, ${out:0:200}"; failures=$((failures + 1))
fi

# Beyond parse: mistyped commands and options, files that are no workspace, empty answers.
expect_run() { # expect_run NAME EXIT PATTERN ARGS...: `evograph ARGS` exits EXIT, its stderr matches PATTERN
    local name="$1" want="$2" pattern="$3"; shift 3
    local out status
    out=$("$evograph" "$@" 2>&1 >/dev/null); status=$?
    if [ "$status" -ne "$want" ] || ! grep -qE -- "$pattern" <<<"$out"; then
        echo "FAIL $name: exit $status (want $want), stderr: ${out:0:300}"; failures=$((failures + 1))
    else
        echo "ok   $name: ${out:0:160}"; passed=$((passed + 1))
    fi
}
expect_run "a mistyped command" 2 "unknown command 'difff'; did you mean 'diff'\?" difff a.ttl b.ttl
expect_run "a mistyped subcommand" 2 "unknown command 'lst'; did you mean 'list'\?" snapshot lst
expect_run "a mistyped option" 2 "unknown option '--formt'; did you mean '--format'\?" diff "$work/bom.ttl" "$work/bom.ttl" --formt json
printf 'hello\n' > "$work/notes.evograph"
expect_run "ws import into a file that is no workspace" 2 "notes.evograph: not an evograph workspace \(not an SQLite database\)" \
    ws import "$work/notes.evograph" "$work/bom.ttl" --graph g
expect_run "snapshot create --workspace on an RDF file" 2 "bom.ttl: not an evograph workspace" snapshot create --workspace "$work/bom.ttl"
if ls "$work"/*.lock >/dev/null 2>&1; then
    echo "FAIL a failed open leaves a lock file: $(ls "$work"/*.lock)"; failures=$((failures + 1))
else
    echo "ok   no lock file left beside the user's files"; passed=$((passed + 1))
fi
sqlite3 "$work/other.db" 'CREATE TABLE t(x)' 2>/dev/null || python3 -c "import sqlite3; sqlite3.connect('$work/other.db').execute('CREATE TABLE t(x)')"
expect_run "an SQLite file that is no workspace" 2 "other.db: not an evograph workspace \(an SQLite database without" ws log "$work/other.db"
printf '@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n<http://a/Person> a owl:Class ; rdfs:label "Person" .\n' > "$work/a.ttl"
printf '@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n<http://b/Car> a owl:Class ; rdfs:label "Vehicle" .\n' > "$work/b.ttl"
expect_run "align with nothing in common says so (exit 0)" 0 "no correspondence scores 0.55 or more between .*a.ttl \(1 terms\) and .*b.ttl \(1 terms\)" \
    align "$work/a.ttl" "$work/b.ttl"
out=$("$evograph" search "zzz qqq" "$work/a.ttl" "$work/b.ttl" 2>/dev/null)
if grep -q -- "-0\.000" <<<"$out"; then
    echo "FAIL search prints -0.000: $out"; failures=$((failures + 1))
else
    echo "ok   search never prints -0.000"; passed=$((passed + 1))
fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
