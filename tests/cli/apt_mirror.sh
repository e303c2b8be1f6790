#!/usr/bin/env bash
# scripts/apt-mirror.sh reads the machine's own mirror from its apt sources, in both formats.
set -euo pipefail
script=$1
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fail=0
expect() { # WANT ARGS...: the script prints WANT
    local want=$1; shift
    local got; got=$(APT_SOURCES_DIR=$dir "$script" "$@" 2>&1) || true
    if [ "$got" = "$want" ]; then echo "ok   $* -> $want"; else echo "FAIL $*: wanted '$want', got '$got'"; fail=1; fi
}
mkdir -p "$dir/sources.list.d"

# One-line format with options, a corporate mirror for the archive and another for security.
cat >"$dir/sources.list" <<'S'
# deb http://commented.example/debian bookworm main
deb [arch=amd64 signed-by=/usr/share/keyrings/corp.gpg] http://mirror.corp.example/debian/ bookworm main
deb http://security.corp.example/debian-security bookworm-security main
S
expect http://mirror.corp.example/debian archive bookworm
expect http://security.corp.example/debian-security security bookworm

# deb822 wins over sources.list; a disabled stanza and deb-src-only stanzas are skipped; values
# may continue on indented lines; a stanza ends at the end of its file.
cat >"$dir/sources.list.d/a.sources" <<'S'
Types: deb
URIs: http://disabled.example/debian
Suites: bookworm
Enabled: no

Types: deb-src
URIs: http://sources-only.example/debian
Suites: bookworm
S
cat >"$dir/sources.list.d/b.sources" <<'S'
Types: deb deb-src
# a comment inside the stanza
URIs:
  http://local-mirror.lan/debian
Suites: bookworm
  bookworm-updates
Components: main
S
expect http://local-mirror.lan/debian archive bookworm
expect http://security.corp.example/debian-security security bookworm

# No source for the suite: exit 1 and say which files were read.
got=$(APT_SOURCES_DIR=$dir "$script" archive trixie 2>&1) && { echo "FAIL trixie: exit 0"; fail=1; } || status=$?
if [ "${status:-0}" = 1 ] && [[ "$got" == *"no apt source serves 'trixie'"*"b.sources"* ]]; then echo "ok   archive trixie -> exit 1, named"; else echo "FAIL archive trixie: $got"; fail=1; fi
exit $fail
