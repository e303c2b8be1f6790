# Sourced by the CLI test scripts: a scratch directory ($work, removed on exit), check NAME
# CONDITION... (prints ok/FAIL and counts), json CODE (runs python CODE with stdin's JSON as d;
# fails when an assert does), on_terminal ANSWER CMD... (runs CMD on a pseudo-terminal, answers its
# [y/N] question with ANSWER, prints what it wrote and returns its exit code), and finish (the
# summary and the exit status).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
check() {
    local name="$1"; shift
    if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failures=$((failures + 1)); fi
}
json() { local code="$1"; shift; python3 -c "import json, sys; d = json.load(sys.stdin); $code" "$@"; }
on_terminal() { python3 - "$@" <<'PY'
import os, pty, sys
answer, argv = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(argv[0], argv)
out = b""
while b"[y/N]" not in out:
    chunk = os.read(fd, 4096)
    if not chunk:
        break
    out += chunk
os.write(fd, answer.encode() + b"\n")
try:
    while True:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        out += chunk
except OSError:
    pass
sys.stdout.write(out.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
PY
}
finish() {
    echo "$passed passed, $failures failed"
    [ "$failures" -eq 0 ]
}
