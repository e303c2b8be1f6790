#!/usr/bin/env bash
# The man pages and shell completion cannot drift from --help: evograph(1) has a section for every
# command --help lists, with its description and every option; evograph-studio(1) has every studio
# option; what the build installs is what the programs generate now; bash completes commands,
# options, choices and file names; the zsh script parses.
#   manpage.sh EVOGRAPH EVOGRAPH_STUDIO|"" GENERATED_DIR
set -uo pipefail
evograph=$1; studio=$2; generated=$(cd "$3" && pwd)
source "$(dirname "$0")/harness.sh"

python3 - "$evograph" "$generated/evograph.1.gz" >"$work/man-report" <<'PY'
import gzip, re, subprocess, sys
evograph, man_file = sys.argv[1], sys.argv[2]
man = gzip.open(man_file, "rt").read().replace("\\-", "-").replace("\\e", "\\")
sections = {}  # "evograph ws import" -> its text
for m in re.finditer(r'^\.S[HS] "(evograph[^"]*)"\n(.*?)(?=^\.S[HS] |\Z)', man, re.S | re.M):
    sections[m.group(1)] = m.group(2)
problems, commands = [], 0
def walk(path):
    global commands
    help_text = subprocess.run(path.split()[:1] and [evograph] + path.split()[1:] + ["--help"],
                               capture_output=True, text=True).stdout
    lines = help_text.splitlines()
    if path != "evograph":
        commands += 1
        if path not in sections:
            problems.append(f"no section for '{path}'")
            return
        text = sections[path]
        if lines[0].strip() not in text.replace("\n", " "):
            problems.append(f"'{path}': description differs from --help: {lines[0]!r}")
        for option in sorted(set(re.findall(r"^\s+(?:-\w, ?|-\w,)?(--[\w-]+)", help_text, re.M))):
            if option not in text:
                problems.append(f"'{path}': option {option} is not in the man page")
    in_subcommands = False
    for line in lines:
        if line.startswith("Subcommands:"):
            in_subcommands = True
        elif in_subcommands and re.match(r"^  \S", line):
            walk(path + " " + line.split()[0])
        elif in_subcommands and line and not line.startswith(" "):
            in_subcommands = False
walk("evograph")
print(f"{commands} commands checked")
for p in problems:
    print("PROBLEM", p)
PY
cat "$work/man-report" | grep -v "^PROBLEM" || true
grep "^PROBLEM" "$work/man-report" | head -20
check "evograph(1): a section per command, each with --help's description and options" \
    bash -c "! grep -q '^PROBLEM' '$work/man-report' && grep -qE '^[0-9]{2,} commands checked' '$work/man-report'"
check "evograph(1) installed is what evograph generates now" \
    bash -c "cmp -s <(zcat '$generated/evograph.1.gz') <('$evograph' --generate man)"
check "bash completion installed is what evograph generates now" cmp -s "$generated/evograph.bash" <("$evograph" --generate bash)
check "zsh completion installed is what evograph generates now" cmp -s "$generated/_evograph" <("$evograph" --generate zsh)
check "--generate rejects what it does not know" bash -c "! '$evograph' --generate html >/dev/null 2>&1"
if command -v man >/dev/null; then
    man --warnings -l "$generated/evograph.1.gz" >"$work/man.txt" 2>"$work/man-warnings"
    check "evograph(1) renders without roff warnings" test ! -s "$work/man-warnings"
    check "evograph(1) renders the exit codes" grep -q "a destructive migration step is not approved" "$work/man.txt"
fi

if [ -n "$studio" ]; then
    env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM= "$studio" --help >"$work/studio-help"
    check "evograph-studio --help works without a display" grep -q -- "--workspace" "$work/studio-help"
    zcat "$generated/evograph-studio.1.gz" | sed 's/\\-/-/g' >"$work/studio.1"
    missing=$(grep -oE -- "--[a-z][a-z-]+" "$work/studio-help" | sort -u | while read -r o; do grep -q -- "$o" "$work/studio.1" || echo "$o"; done)
    check "evograph-studio(1) has every option of --help${missing:+ (missing: $missing)}" test -z "$missing"
    check "evograph-studio(1) installed is what the studio generates now" \
        bash -c "cmp -s <(zcat '$generated/evograph-studio.1.gz') <(env -u DISPLAY '$studio' --generate man)"
fi

# bash: what completion offers for a command line (the last word is the one being completed).
completions() {
    (cd "$work" && bash -c 'source /usr/share/bash-completion/bash_completion; source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _evograph; printf "%s\n" "${COMPREPLY[@]}"' _ "$generated/evograph.bash" "$@")
}
if [ -f /usr/share/bash-completion/bash_completion ]; then
    touch "$work/v1.ttl" "$work/v2.ttl"
    check "bash: a command from its start" test "$(completions evograph sn)" = snapshot
    check "bash: a command's subcommands" grep -qx restore <<<"$(completions evograph snapshot "")"
    check "bash: a nested command's options" grep -qx -- --dry-run <<<"$(completions evograph snapshot restore --d)"
    check "bash: an option's choices" test "$(completions evograph diff --format "" | sort | tr '\n' ' ')" \
        = "$("$evograph" diff --help | grep -oP -- '--format TEXT:\{\K[^}]*' | tr ',' '\n' | sort | tr '\n' ' ')"
    check "bash: file names for a file argument" grep -qx v1.ttl <<<"$(completions evograph diff v)"
    check "bash: file names for an option's value" grep -qx v2.ttl <<<"$(completions evograph ws import --graph g v2)"
else
    check "bash-completion is installed (scripts/install-deps.sh test)" false
fi
if command -v zsh >/dev/null; then
    check "zsh: the completion script parses" zsh -n "$generated/_evograph"
    check "zsh: a function for every command" grep -q "^_evograph_snapshot_restore()" "$generated/_evograph"
fi
finish
