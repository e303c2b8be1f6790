# Sourced by the CLI test scripts: a scratch directory ($work, removed on exit), check NAME
# CONDITION... (prints ok/FAIL and counts), json CODE (runs python CODE with stdin's JSON as d;
# fails when an assert does), and finish (the summary and the exit status).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
check() {
    local name="$1"; shift
    if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failures=$((failures + 1)); fi
}
json() { local code="$1"; shift; python3 -c "import json, sys; d = json.load(sys.stdin); $code" "$@"; }
finish() {
    echo "$passed passed, $failures failed"
    [ "$failures" -eq 0 ]
}
