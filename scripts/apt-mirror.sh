#!/usr/bin/env bash
# Prints the package archive this machine already uses, as its apt sources name it, so that no
# script of ours writes a fixed host into apt (a user's mirror is often a local or corporate one).
#   scripts/apt-mirror.sh [archive|security] [SUITE]
# archive (default): the URI serving SUITE (default: this system's codename, e.g. bookworm);
# security: the URI serving SUITE-security. Reads /etc/apt/sources.list.d/*.sources (deb822,
# "Enabled: no" skipped), then *.list and /etc/apt/sources.list (one-line "deb [opts] URI suite
# ..."); the first match wins. Exits 1 naming the files read when none serves the suite.
# APT_SOURCES_DIR (default /etc/apt) lets tests point it at other files.
set -euo pipefail

kind=${1:-archive}
apt_dir=${APT_SOURCES_DIR:-/etc/apt}
if [ -n "${2:-}" ]; then
    suite=$2
else
    suite=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
    [ -n "$suite" ] || { echo "apt-mirror: no VERSION_CODENAME in /etc/os-release; name the suite" >&2; exit 2; }
fi
case "$kind" in
    archive) ;;
    security) suite="$suite-security" ;;
    *) echo "usage: $0 [archive|security] [SUITE]" >&2; exit 2 ;;
esac

shopt -s nullglob
deb822=("$apt_dir"/sources.list.d/*.sources)
oneline=("$apt_dir"/sources.list.d/*.list)
[ -f "$apt_dir/sources.list" ] && oneline+=("$apt_dir/sources.list")

uri=""
if [ ${#deb822[@]} -gt 0 ]; then
    # One stanza per blank-line-separated block; a field's value may continue on indented lines.
    uri=$(awk -v want="$suite" '
        function flush() {
            if (!found && types ~ /(^| )deb( |$)/ && enabled != "no") {
                n = split(suites, s, " ")
                for (i = 1; i <= n; i++) if (s[i] == want) { split(uris, u, " "); print u[1]; found = 1; exit }
            }
            types = suites = uris = field = ""; enabled = "yes"
        }
        BEGIN { enabled = "yes" }
        FNR == 1 { flush() }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); next }
        /^[ \t]/ { if (field == "uris") uris = uris " " $0; else if (field == "suites") suites = suites " " $0; next }
        {
            split($0, kv, ":"); field = tolower(kv[1]); value = substr($0, length(kv[1]) + 2)
            gsub(/^[ \t]+|[ \t]+$/, "", value)
            if (field == "types") types = value
            else if (field == "uris") uris = value
            else if (field == "suites") suites = value
            else if (field == "enabled") enabled = tolower(value)
        }
        END { flush() }' "${deb822[@]}")
fi
if [ -z "$uri" ] && [ ${#oneline[@]} -gt 0 ]; then
    uri=$(awk -v want="$suite" '
        /^[ \t]*#/ || NF < 3 || $1 != "deb" { next }
        {
            i = 2
            if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
            if ($(i + 1) == want) { print $i; exit }
        }' "${oneline[@]}")
fi
if [ -z "$uri" ]; then
    echo "apt-mirror: no apt source serves '$suite' (read: ${deb822[*]} ${oneline[*]}); add your mirror to the apt sources" >&2
    exit 1
fi
echo "${uri%/}"
