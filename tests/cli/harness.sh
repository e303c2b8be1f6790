# Sourced by the CLI test scripts: a scratch directory ($work, removed on exit), check NAME
# CONDITION... (prints ok/FAIL and counts), and finish (the summary and the exit status).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
check() {
    local name="$1"; shift
    if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failures=$((failures + 1)); fi
}
finish() {
    echo "$passed passed, $failures failed"
    [ "$failures" -eq 0 ]
}
