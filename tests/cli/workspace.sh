#!/usr/bin/env bash
# The workspace commands as scripts call them: ws, snapshot and audit; their outputs, JSON fields
# and exit codes (0 ok, 1 differences or refusal, 2 error or failed verification).
set -uo pipefail
evograph="$1"; resources="$2"
source "$(dirname "$0")/harness.sh"

ws="$work/ws.evograph"
v1="$resources/demo/user-v1.ttl"; v2="$resources/demo/user-v2.ttl"; data="$resources/demo/users-data.ttl"

"$evograph" ws init "$ws" > /dev/null; check "ws init exits 0" test $? -eq 0
check "the workspace file is private (0600)" test "$(stat -c %a "$ws")" = 600
"$evograph" ws init "$ws" 2> "$work/err"; check "ws init refuses an existing file (exit 2)" test $? -eq 2
check "  and says so" grep -q "already exists" "$work/err"
XDG_DATA_HOME="$work/xdg" "$evograph" ws init > /dev/null
check "ws init without PATH uses the XDG data dir" test -f "$work/xdg/evograph/workspace.evograph"

"$evograph" ws import "$ws" --graph user --version 1.0 "$v1" | grep -q "^graph user: version 1 (1.0), 17 triples"
check "ws import reports the new version" test $? -eq 0
"$evograph" snapshot create --workspace "$ws" --name before-v2 > "$work/s1"
check "snapshot create prints the new id" grep -qE '^[0-9a-f]{16}$' "$work/s1"
s1=$(cat "$work/s1")
"$evograph" ws import "$ws" --graph user --version 2.0 "$v2" --format json > "$work/import.json"
check "ws import --format json gives the version" json 'assert d["version"] == 2 and d["label"] == "2.0" and d["added"] == 16 and d["removed"] == 3 and d["unchanged"] is False, d' < "$work/import.json"
"$evograph" ws import "$ws" --graph user "$v2" | grep -q "unchanged"; check "importing the same content again adds no version" test $? -eq 0
"$evograph" ws import "$ws" --graph data "$data" > /dev/null
"$evograph" ws import "$ws" --graph bad "$work/missing.ttl" 2> /dev/null; check "ws import of a missing file exits 2" test $? -eq 2
printf '@prefix : <http://e/> .\n:a :b .\n' > "$work/bad.ttl"
"$evograph" ws import "$ws" --graph bad "$work/bad.ttl" 2> "$work/err"; check "ws import of bad Turtle exits 2" test $? -eq 2
check "  naming file, line and column" grep -q "bad.ttl:2:[0-9]*: error" "$work/err"

"$evograph" ws log "$ws" --graph user > "$work/log"
check "ws log lists both versions and marks the current one" bash -c "grep -q '^ *user *1 *1.0' '$work/log' && grep -q '^\* *user *2 *2.0' '$work/log'"
"$evograph" ws log "$ws" --format json | json 'assert [v["label"] for v in d] == ["1.0", "2.0", "v1"] and d[1]["current"], d'
check "ws log --format json" test $? -eq 0
"$evograph" ws export "$ws" --graph user --version 1.0 -o "$work/back.ttl"
"$evograph" diff "$v1" "$work/back.ttl" > /dev/null; check "ws export of version 1.0 is isomorphic to what was imported" test $? -eq 0
"$evograph" ws export "$ws" --graph user --version 7 -o "$work/x.nt" 2> "$work/err"; check "ws export of an unknown version exits 2" test $? -eq 2

# Snapshots.
"$evograph" snapshot create --workspace "$ws" --name after-v2 --tag nightly --format json > "$work/s2.json"
check "snapshot create --format json has the id" json 'assert len(d["id"]) == 16, d' < "$work/s2.json"
s2=$(json 'print(d["id"])' < "$work/s2.json")
"$evograph" snapshot list --workspace "$ws" --format json > "$work/list.json"
check "snapshot list --format json has the fields" json '
s = d[1]
assert [x["id"] for x in d] == [sys.argv[1], sys.argv[2]], d
assert s["name"] == "after-v2" and s["tags"] == ["nightly"] and s["graphs"] == 2 and s["triples"] == 37, s
assert s["size"] > 0 and s["user"] and s["time"] and s["verified_at"] is None, s' "$s1" "$s2" < "$work/list.json"
"$evograph" snapshot info "${s2:0:8}" --workspace "$ws" --format json > "$work/info.json"
check "snapshot info shows the manifest (hash, triples, prefixes, ontology versions)" json '
g = {x["name"]: x for x in d["graphs"]}["user"]
assert len(g["hash"]) == 64 and g["triples"] == 30 and g["ontology_versions"] == ["http://example.com/ontology/2.0"], g
assert "owl" in g["prefixes"], g' < "$work/info.json"
"$evograph" snapshot verify "$s2" --full --workspace "$ws" | grep -q "ok (full)"; check "snapshot verify --full passes" test $? -eq 0
"$evograph" snapshot list --workspace "$ws" --format json | json 'assert d[1]["verified_mode"] == "full", d'
check "snapshot list shows when it was verified" test $? -eq 0

"$evograph" snapshot diff "$s2" --workspace "$ws" > /dev/null; check "snapshot diff against the same current state exits 0" test $? -eq 0
"$evograph" snapshot diff "$s1" "$s2" --workspace "$ws" > "$work/diff"; check "snapshot diff of two states exits 1" test $? -eq 1
check "  with per-graph counts" grep -q "^graph user: changed, 16 added, 3 removed" "$work/diff"

"$evograph" snapshot restore "$s1" --dry-run --workspace "$ws" > "$work/dry"
check "restore --dry-run says what it would add and remove per graph" bash -c "grep -q '^user: would add 3, remove 16 triples$' '$work/dry' && grep -q '^data: would add 0, remove 7 triples' '$work/dry'"
"$evograph" snapshot restore "$s1" --workspace "$ws" < /dev/null > /dev/null 2> "$work/err"
check "restore without a terminal or --yes is refused (exit 1)" test $? -eq 1
check "  saying how scripts confirm" grep -q "not restored (no terminal to confirm on; scripts pass --yes)" "$work/err"
on_terminal n "$evograph" snapshot restore "$s1" --workspace "$ws" > "$work/tty.txt"
check "on a terminal restore shows what it changes and asks; 'n' restores nothing (exit 1)" bash -c "[ $? -eq 1 ] && grep -q '^user: would add 3, remove 16 triples' '$work/tty.txt'"
"$evograph" snapshot diff "$s2" --workspace "$ws" > /dev/null; check "  the state is still the second snapshot's" test $? -eq 0
"$evograph" snapshot restore "$s1" --workspace "$ws" --yes --format json > "$work/restore.json"
check "restore names its backup" json 'assert len(d["backup"]) == 16 and d["graphs_changed"] == 2, d' < "$work/restore.json"
backup=$(json 'print(d["backup"])' < "$work/restore.json")
"$evograph" snapshot diff "$s1" --workspace "$ws" > /dev/null; check "after restore the state equals the snapshot" test $? -eq 0
"$evograph" snapshot diff "$backup" "$s2" --workspace "$ws" > /dev/null; check "the backup holds the state restored over" test $? -eq 0
"$evograph" snapshot verify "$backup" --workspace "$ws" > /dev/null; check "the backup verifies" test $? -eq 0

"$evograph" snapshot export "$s2" -o "$work/s2.evosnap" --workspace "$ws" > /dev/null; check "snapshot export exits 0" test $? -eq 0
"$evograph" snapshot verify "$work/s2.evosnap" > /dev/null; check "an exported file verifies" test $? -eq 0
other="$work/other.evograph"; "$evograph" ws init "$other" > /dev/null
cp "$work/s2.evosnap" "$work/bad.evosnap"
printf 'X' | dd of="$work/bad.evosnap" bs=1 seek=300 conv=notrunc 2> /dev/null
"$evograph" snapshot verify "$work/bad.evosnap" > "$work/out"; check "verify of a damaged file exits 2" test $? -eq 2
check "  naming what is wrong" grep -q "does not match its closing hash" "$work/out"
"$evograph" snapshot import "$work/bad.evosnap" --workspace "$other" 2> /dev/null; check "import of a damaged file exits 2" test $? -eq 2
"$evograph" snapshot list --workspace "$other" | grep -q "^0 snapshots"; check "  and writes nothing" test $? -eq 0
head -c 500 "$work/s2.evosnap" > "$work/cut.evosnap"
"$evograph" snapshot import "$work/cut.evosnap" --workspace "$other" 2> "$work/err"; check "import of a truncated file exits 2" test $? -eq 2
check "  saying it is truncated" grep -q "truncated" "$work/err"
"$evograph" snapshot import "$work/s2.evosnap" --workspace "$other" > "$work/imported"; check "import of the intact file prints its id" test "$(cat "$work/imported")" = "$s2"

"$evograph" snapshot prune --keep-last 2 --dry-run --workspace "$ws" > "$work/prune"
check "prune --dry-run lists what it would remove" bash -c "grep -q '^would remove $s1' '$work/prune' && grep -q 'would be removed (dry run)' '$work/prune'"
check "  and removes nothing" test "$("$evograph" snapshot list --workspace "$ws" --format json | json 'print(len(d))')" -eq 3
"$evograph" snapshot prune --workspace "$ws" 2> "$work/err"; check "prune with no --keep-* refuses (exit 2)" test $? -eq 2
"$evograph" snapshot prune --keep-last 2 --workspace "$ws" > /dev/null
check "prune --keep-last 2 keeps two" test "$("$evograph" snapshot list --workspace "$ws" --format json | json 'print(len(d))')" -eq 2
"$evograph" snapshot delete "$backup" --workspace "$ws" > /dev/null; check "snapshot delete exits 0" test $? -eq 0
"$evograph" snapshot info "$backup" --workspace "$ws" 2> /dev/null; check "a deleted snapshot is gone (exit 2)" test $? -eq 2

# The writer's lock.
flock "$ws.lock" sleep 3 &
sleep 0.3
"$evograph" snapshot create --workspace "$ws" 2> "$work/err"; check "a second writer fails while the lock is held (exit 2)" test $? -eq 2
check "  saying the workspace is locked" grep -q "is locked by" "$work/err"
"$evograph" snapshot create --workspace "$ws" --wait 10 > /dev/null; check "--wait waits for the lock" test $? -eq 0
wait

# The audit log.
"$evograph" audit list --workspace "$ws" --format json > "$work/audit.json"
check "audit list has every operation" json '
ops = [r["operation"] for r in d]
for op in ["workspace.init", "graph.import", "snapshot.create", "snapshot.restore", "snapshot.prune", "snapshot.delete"]:
    assert op in ops, (op, ops)
assert all(r["user"] and r["at"] and len(r["hash"]) == 64 for r in d), d' < "$work/audit.json"
"$evograph" audit verify --workspace "$ws" | grep -q "chain intact"; check "audit verify passes" test $? -eq 0
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE audit SET user = ? WHERE seq = 2", ("mallory",)); c.commit()' "$ws"
"$evograph" audit verify --workspace "$ws" > "$work/out"; check "audit verify of an edited log exits 2" test $? -eq 2
check "  naming the record" grep -q "record 2 (graph.import" "$work/out"

finish
