#!/usr/bin/env bash
# Faults at the file system, each leaving the workspace exactly as it was:
#  - a full disk (a small tmpfs, filled to leave 0 KB ... 2 MB free) during import, snapshot
#    create, snapshot export, migrate apply and rollback: a clear error, exit 2, and the workspace's
#    every table byte-for-byte as before (sqlite3 .dump), integrity, audit chain and snapshots
#    verified, no temporary file left; at sizes where the operation fits it succeeds whole;
#  - a read-only workspace (a read-only mount): writes refused with a clear message, reads work;
#  - two processes writing at once: serialised by the writer's lock (--wait), no update lost.
# Runs in a private mount namespace (unshare -m as root, unshare -rm otherwise); exit 77 without one.
#   faults.sh EVOGRAPH
set -uo pipefail
evograph=$1
if [ -z "${EVOGRAPH_FAULTS_NAMESPACE:-}" ]; then
    export EVOGRAPH_FAULTS_NAMESPACE=1
    namespace=(unshare -m); [ "$(id -u)" = 0 ] || namespace=(unshare -rm)
    probe=$(mktemp -d)
    if ! "${namespace[@]}" sh -c "mount -t tmpfs -o size=1m tmpfs '$probe'" 2>/dev/null; then
        rmdir "$probe"
        echo "faults: skipped: cannot mount a tmpfs in a private mount namespace here (${namespace[*]})" >&2
        exit 77
    fi
    rmdir "$probe"
    exec "${namespace[@]}" bash "$0" "$@"
fi
source "$(dirname "$0")/harness.sh"
command -v sqlite3 >/dev/null || { echo "faults: needs sqlite3 (scripts/install-deps.sh test)" >&2; exit 2; }

# An ontology of ~40,000 triples (the store keeps ~400 kB): classes with labels, comments,
# subclass links and a cardinality restriction each.
python3 - "$work/v1.ttl" "$work/v2.ttl" <<'PY'
import sys
def write(path, n, suffix):
    with open(path, "w") as f:
        f.write("@prefix : <http://example.org/f#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n")
        for i in range(n):
            f.write(f':C{i} a owl:Class ; rdfs:label "Class number {i}{suffix}"@en ; rdfs:comment "Comment {i * 7919 % 10007} for {i}" ;\n'
                    f'  rdfs:subClassOf :C{i // 2} , [ a owl:Restriction ; owl:onProperty :p{i % 50} ; owl:minCardinality "1"^^xsd:nonNegativeInteger ] .\n'
                    f':i{i} a :C{i} ; rdfs:label "instance {i}" .\n')
write(sys.argv[1], 4000, "")
write(sys.argv[2], 4000, " (v2)")
PY
cat >"$work/plan.yaml" <<'YAML'
evograph_plan: 1
steps:
  - id: relabel
    kind: custom
    code: BC
    update: |
      DELETE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?l }
      INSERT { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?m }
      WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?l BIND(CONCAT(STR(?l), "+") AS ?m) }
YAML
# Two starting points: A (a graph, a snapshot, the plan approved) and B (A with the plan applied).
a="$work/a.evograph"; b="$work/b.evograph"
"$evograph" ws init "$a" >/dev/null
"$evograph" ws import "$a" "$work/v1.ttl" --graph g >/dev/null
"$evograph" ws config "$a" policies.operational.allow_self_approval true >/dev/null
"$evograph" migrate approve "$work/plan.yaml" --as tester --workspace "$a" >/dev/null
snapshot=$("$evograph" snapshot create --workspace "$a" --name before | tail -1)
cp "$a" "$b"
"$evograph" migrate apply "$work/plan.yaml" --workspace "$b" --yes >/dev/null || echo "setup: migrate apply failed" >&2
check "setup: two workspaces to break" test -s "$a" -a -s "$b"

disk="$work/disk"; mkdir -p "$disk"
# full_disk NAME START FREE_KB ARGS...: the workspace START copied onto a 6 MB tmpfs filled to
# leave FREE_KB, then `evograph ARGS` with @WS@ standing for it; prints "failed" or "ok".
full_disk() {
    local name=$1 start=$2 free=$3; shift 3
    mount -t tmpfs -o size=6m tmpfs "$disk"
    cp "$start" "$disk/ws.evograph"
    local avail; avail=$(df --output=avail -k "$disk" | tail -1)
    [ "$avail" -gt "$free" ] && dd if=/dev/zero of="$disk/filler" bs=1k count=$((avail - free)) status=none 2>/dev/null
    local args=("${@//@WS@/$disk/ws.evograph}")
    "$evograph" "${args[@]}" >"$work/out" 2>"$work/err"; local status=$?
    rm -f "$disk/filler"
    sqlite3 "$disk/ws.evograph" .dump >"$work/after.sql"
    sqlite3 "$start" .dump >"$work/before.sql"
    local ws="$disk/ws.evograph" problems=""
    [ "$(sqlite3 "$ws" 'PRAGMA integrity_check')" = ok ] || problems+=" integrity"
    "$evograph" audit verify --workspace "$ws" >/dev/null 2>&1 || problems+=" audit"
    for id in $("$evograph" snapshot list --workspace "$ws" --format json | python3 -c 'import json,sys; [print(s["id"]) for s in json.load(sys.stdin)]'); do
        "$evograph" snapshot verify "$id" --full --workspace "$ws" >/dev/null 2>&1 || problems+=" snapshot:$id"
    done
    local leftovers; leftovers=$(ls -A "$disk" | grep -vxE 'ws\.evograph(-wal|-shm|\.lock)?|export\.evosnap|out\.nt')
    [ -z "$leftovers" ] || problems+=" leftovers:$leftovers"
    if [ $status -eq 0 ]; then
        echo "ok"
    elif [ $status -eq 2 ] && grep -qiE "disk is full|no space left" "$work/err" && cmp -s "$work/before.sql" "$work/after.sql" \
        && [ ! -e "$disk/export.evosnap" ] && [ ! -e "$disk/out.nt" ]; then
        echo "failed"
    else
        echo "BROKEN(exit $status:$(tr '\n' ' ' <"$work/err" | cut -c1-200)${problems:+;$problems})"
        problems=${problems:-" state differs"}
        diff "$work/before.sql" "$work/after.sql" | grep '^[<>]' | cut -c1-160 | head -5 >&2
    fi
    [ -z "$problems" ] || echo "PROBLEMS$problems" >&2
    umount "$disk"
}
operation() { # NAME START ARGS...: at each amount of free space; must fail cleanly at least once
    local name=$1 start=$2; shift 2
    local results="" failed=0 broken=0
    for free in 0 32 128 512 2048; do
        local r; r=$(full_disk "$name" "$start" "$free" "$@" 2>>"$work/problems-$name")
        results+=" ${free}K:$r"
        [ "$r" = failed ] && failed=$((failed + 1))
        [[ $r == BROKEN* ]] && broken=$((broken + 1))
    done
    echo "     $name:$results"
    [ -s "$work/problems-$name" ] && sed 's/^/     /' "$work/problems-$name"
    check "full disk during $name: a clear error, the workspace exactly as before" \
        test "$failed" -gt 0 -a "$broken" -eq 0 -a ! -s "$work/problems-$name"
}
operation "import" "$a" ws import @WS@ "$work/v2.ttl" --graph g
operation "snapshot create" "$a" snapshot create --workspace @WS@ --name full
operation "snapshot export" "$a" snapshot export "$snapshot" --workspace @WS@ -o "$disk/export.evosnap"
operation "ws export" "$a" ws export @WS@ --graph g -o "$disk/out.nt"
operation "migrate apply" "$a" migrate apply "$work/plan.yaml" --workspace @WS@ --yes
operation "rollback" "$b" rollback --last 1 --workspace @WS@ --yes

# A read-only workspace: a read-only bind mount of its folder.
ro="$work/ro"; mkdir -p "$ro"; cp "$a" "$ro/ws.evograph"
mount --bind "$ro" "$ro" && mount -o remount,ro,bind "$ro"
"$evograph" ws import "$ro/ws.evograph" "$work/v2.ttl" --graph g >/dev/null 2>"$work/err"; status=$?
check "read-only: import refused (exit 2)" test $status -eq 2
check "  saying the workspace is read-only and reads still work" grep -q "the workspace is read-only (read-only file system); evograph ws import needs to write to it. Commands that only read it still work." "$work/err"
"$evograph" snapshot create --workspace "$ro/ws.evograph" >/dev/null 2>"$work/err"
check "read-only: snapshot create refused" grep -q "is read-only" "$work/err"
check "read-only: ws log reads" bash -c "'$evograph' ws log '$ro/ws.evograph' | grep -q ' g '"
check "read-only: snapshot verify --full reads" "$evograph" snapshot verify "$snapshot" --full --workspace "$ro/ws.evograph"
check "read-only: audit verify reads" "$evograph" audit verify --workspace "$ro/ws.evograph"
check "read-only: ws export reads" "$evograph" ws export "$ro/ws.evograph" --graph g -o "$work/ro-out.nt"
check "read-only: diff against the workspace's version" bash -c "'$evograph' diff '$work/v1.ttl' '$work/ro-out.nt' >/dev/null"
check "read-only: no -wal or -shm appeared" test ! -e "$ro/ws.evograph-wal" -a ! -e "$ro/ws.evograph-shm"
umount "$ro"

# Two writers at once: each imports 10 graphs, waiting for the other's lock; nothing is lost.
c="$work/c.evograph"; "$evograph" ws init "$c" >/dev/null
writer() { for i in $(seq 1 10); do "$evograph" ws import "$c" "$work/v$((i % 2 + 1)).ttl" --graph "$1-$i" --wait 60 >/dev/null || echo "$1-$i failed"; done; }
writer left >"$work/left" 2>&1 & writer right >"$work/right" 2>&1 & wait
check "two writers: every import succeeded" test ! -s "$work/left" -a ! -s "$work/right"
check "two writers: 20 graphs, none lost" test "$("$evograph" ws log "$c" --format json | python3 -c 'import json,sys; print(len({v["graph"] for v in json.load(sys.stdin)}))')" = 20
check "two writers: the audit chain is intact" "$evograph" audit verify --workspace "$c"
finish
