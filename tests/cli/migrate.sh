#!/usr/bin/env bash
# evograph migrate and rollback as reviewers and scripts use them: the User example end to end
# (plan, dry run, approve, apply, history, rollback, rehearse), and every way around the approval
# gate we could think of, each refused with exit 3 and the workspace left as it was.
set -uo pipefail
evograph="$1"; resources="$2"
source "$(dirname "$0")/harness.sh"

ws="$work/ws.evograph"
v1="$resources/demo/user-v1.ttl"; v2="$resources/demo/user-v2.ttl"; data="$resources/demo/users-data.ttl"
"$evograph" ws init "$ws" > /dev/null
"$evograph" ws import "$ws" "$v1" --graph ontology --version v1 > /dev/null
"$evograph" ws import "$ws" "$data" --graph users --version initial > /dev/null
state() { "$evograph" ws log "$ws" --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))"; }
versions_before=$(state)
plan="$work/v1-to-v2.yaml"

# --- plan and dry run ---------------------------------------------------------------------------
"$evograph" migrate plan "$v1" "$v2" --data "$data" --graph users -o "$plan" --format json > "$work/plan.json"
check "migrate plan exits 0 and proposes the move and the default" json 'assert [s["kind"] for s in d["steps"]] == ["move_values", "add_default_value"], d' < "$work/plan.json"
check "  the plan file names its target graph" grep -q "^graphs: \[users\]" "$plan"
"$evograph" migrate apply "$plan" --workspace "$ws" --dry-run --format json > "$work/dry.json"
check "dry run exits 0" test $? -eq 0
check "  counts and previews each step" json 's = d["run"]["steps"]; assert (s[0]["added"], s[0]["removed"], s[1]["added"]) == (2, 2, 1), s; assert any("supervises" in l for l in s[0]["preview"]["added"]), s' < "$work/dry.json"
check "  reports the checks and findings" json 'r = d["run"]; assert r["checks_passed"] and [f["code"] for f in r["findings"]] == ["BC", "MF"], r' < "$work/dry.json"
check "  and that approval is required (the move rewrites data)" json 'a = d["approval"]; assert a["required"] and not a["satisfied"], a' < "$work/dry.json"
check "  writes nothing" test "$(state)" = "$versions_before"

# --- bypass attempts ----------------------------------------------------------------------------
"$evograph" migrate apply "$plan" --workspace "$ws" --yes 2> "$work/err"
check "apply without approval, with --yes: refused (exit 3)" test $? -eq 3
check "  naming the missing approval" grep -q "no approval of its hash" "$work/err"
"$evograph" migrate apply "$plan" --workspace "$ws" < /dev/null 2> "$work/err"
check "apply without approval, non-interactive: refused (exit 3)" test $? -eq 3
"$evograph" migrate approve "$plan" --as alice --comment "defaults reviewed" --workspace "$ws" > /dev/null
"$evograph" migrate apply "$plan" --workspace "$ws" --yes 2> "$work/err"
check "self-approval (recorded by the applier's login) is refused by default (exit 3)" test $? -eq 3
check "  saying why" grep -q "self-approval is off" "$work/err"
"$evograph" ws config "$ws" policies.operational.allow_self_approval true > /dev/null
cp "$plan" "$work/edited.yaml"; echo "# one more comment" >> "$work/edited.yaml"
"$evograph" migrate apply "$work/edited.yaml" --workspace "$ws" --yes 2> /dev/null
check "an approval does not cover the plan with a comment added (exit 3)" test $? -eq 3
sed 's/the default ""/the default "x"/; s/hasEmail> ""/hasEmail> "n\/a"/' "$plan" > "$work/edited2.yaml"
"$evograph" migrate apply "$work/edited2.yaml" --workspace "$ws" --yes 2> /dev/null
check "nor the plan with its default value edited (exit 3)" test $? -eq 3
"$evograph" migrate approve "$work/edited2.yaml" --as bob --workspace "$ws" > /dev/null
"$evograph" migrate reject "$work/edited2.yaml" --as bob --comment "n/a is not an address" --workspace "$ws" > /dev/null
"$evograph" migrate apply "$work/edited2.yaml" --workspace "$ws" --yes 2> "$work/err"
check "a reviewer's later rejection withdraws their approval (exit 3)" test $? -eq 3
check "  quoting the rejection" grep -q "rejected by bob.*not an address" "$work/err"
cat > "$work/mislabelled.yaml" <<'PLAN'
evograph_plan: 1
from: v1
to: v2
graphs: [users]
steps:
  - id: tidy
    kind: custom
    code: MF
    description: harmless, says its author
    update: DELETE WHERE { ?s <http://example.com/ontology#hasEmail> ?o }
PLAN
"$evograph" migrate apply "$work/mislabelled.yaml" --workspace "$ws" --yes 2> /dev/null
check "a step labelled MF that deletes data still needs approval (exit 3)" test $? -eq 3
check "after every refusal the workspace is unchanged" test "$(state)" = "$versions_before"
"$evograph" migrate history --workspace "$ws" --format json > "$work/refusals.json"
check "refusals are journalled as failed, with the reason" json 'assert len(d) == 7 and all(o["status"] == "failed" and o["error"].startswith("refused") for o in d), [o["error"] for o in d]' < "$work/refusals.json"

# --- apply, history, rollback -------------------------------------------------------------------
"$evograph" migrate apply "$plan" --workspace "$ws" < /dev/null 2> "$work/err"
check "an approved plan is still not applied without confirmation (exit 1)" test $? -eq 1
# On a terminal apply asks; answering no applies nothing.
on_terminal n "$evograph" migrate apply "$plan" --workspace "$ws" > /dev/null
check "on a terminal apply asks first; 'n' applies nothing (exit 1)" test $? -eq 1
check "  and the workspace is unchanged" test "$(state)" = "$versions_before"
"$evograph" migrate apply "$plan" --workspace "$ws" --yes --correlation-id release-2 --format json > "$work/apply.json"
check "the approved plan applies (exit 0)" test $? -eq 0
check "  recording operation, correlation id, plan hash, steps and pre-snapshot" json 'assert d["status"] == "applied" and d["correlation_id"] == "release-2" and len(d["plan_hash"]) == 64 and len(d["steps"]) == 2 and len(d["pre_snapshot"]) == 16 and "self-approved by alice" in d["approval"], d' < "$work/apply.json"
op=$(json 'print(d["operation"])' < "$work/apply.json")
"$evograph" ws export "$ws" --graph users -o "$work/migrated.nt"
check "  the data uses :supervises and no :manages" bash -c "grep -q supervises '$work/migrated.nt' && ! grep -q '#manages' '$work/migrated.nt'"
check "  carol got the default e-mail" grep -q 'carol> <http://example.com/ontology#hasEmail> ""' "$work/migrated.nt"
"$evograph" snapshot verify "$(json 'print(d["pre_snapshot"])' < "$work/apply.json")" --full --workspace "$ws" > /dev/null
check "  the pre-migration snapshot verifies in full" test $? -eq 0
"$evograph" migrate history --workspace "$ws" | grep -q "$op.*applied.*release-2"
check "migrate history lists it" test $? -eq 0
"$evograph" rollback "$op" --workspace "$ws" < /dev/null > /dev/null 2> "$work/err"
check "rollback without a terminal or --yes is refused (exit 1)" test $? -eq 1
check "  saying how scripts confirm" grep -q "not rolled back (no terminal to confirm on; scripts pass --yes)" "$work/err"
check "  and it shows what it would undo" grep -q "users: removes the .* triples it added, restores the .* it removed" "$work/err"
on_terminal n "$evograph" rollback "$op" --workspace "$ws" > "$work/tty.txt"
check "on a terminal rollback asks first; 'n' rolls nothing back (exit 1)" test $? -eq 1
check "  the migration is still applied" bash -c "'$evograph' migrate history --workspace '$ws' | grep -q '$op.*applied'"
on_terminal y "$evograph" rollback "$op" --workspace "$ws" > "$work/rb"
check "on a terminal 'y' rolls back (exit 0)" test $? -eq 0
check "  and says so" grep -q "Rolled back $op" "$work/rb"
"$evograph" ws export "$ws" --graph users -o "$work/back.nt"
"$evograph" diff "$data" "$work/back.nt" > /dev/null
check "  the data is as it was before" test $? -eq 0
"$evograph" rollback "$op" --workspace "$ws" --yes 2> "$work/err"
check "rolling back twice is refused (exit 2)" test $? -eq 2
"$evograph" migrate apply "$plan" --workspace "$ws" --yes --correlation-id release-3 > /dev/null
"$evograph" migrate approve "$work/mislabelled.yaml" --as carol --workspace "$ws" > /dev/null
"$evograph" migrate apply "$work/mislabelled.yaml" --workspace "$ws" --yes --correlation-id release-3 > /dev/null
first=$("$evograph" migrate history --workspace "$ws" --format json | json 'print([o["operation"] for o in d if o["status"] == "applied"][0])')
"$evograph" rollback "$first" --workspace "$ws" --yes 2> "$work/err"
check "rolling back an operation with later ones on top is refused (exit 2)" test $? -eq 2
check "  pointing at the later ones" grep -q "roll back the later operations first" "$work/err"
"$evograph" rollback --correlation-id release-3 --workspace "$ws" --yes > "$work/rb3"
check "rollback --correlation-id undoes both, newest first" test "$(grep -c '^Rolled back' "$work/rb3")" -eq 2
"$evograph" ws export "$ws" --graph users -o "$work/back3.nt"
"$evograph" diff "$data" "$work/back3.nt" > /dev/null
check "  back to the original data" test $? -eq 0
"$evograph" rollback --correlation-id release-3 --workspace "$ws" --yes > /dev/null 2> "$work/err"
check "nothing to roll back is a refusal (exit 1)" test $? -eq 1
check "  saying so" grep -q "nothing to roll back" "$work/err"

# --- failures leave nothing behind --------------------------------------------------------------
cat > "$work/failing.yaml" <<'PLAN'
evograph_plan: 1
from: v1
to: v2
steps:
  - id: half
    kind: custom
    code: MF
    update: INSERT DATA { <http://example.com/people/zed> a <http://example.com/ontology#User> }
    after:
      - description: every user has an e-mail
        ask: ASK { ?u a <http://example.com/ontology#User> FILTER NOT EXISTS { ?u <http://example.com/ontology#hasEmail> ?e } }
        expect: false
PLAN
before=$(state)
"$evograph" migrate apply "$work/failing.yaml" --workspace "$ws" --yes 2> "$work/err"
check "a failing check stops the migration (exit 2)" test $? -eq 2
check "  naming the step and check" grep -q "step half: check after failed" "$work/err"
check "  and nothing changed" test "$(state)" = "$before"
printf 'evograph_plan: 1\nsteps:\n  - id: x\n    kind: custom\n    code: DS\n    update: |\n      DELETE { ?s ?p ?o }\n      WHERE { ?s ?p ?o } ; CLEAR ALL\n' > "$work/bad.yaml"
"$evograph" migrate apply "$work/bad.yaml" --workspace "$ws" --dry-run 2> "$work/err"
check "SPARQL the executor does not run is refused at PLAN:LINE:COL (exit 2)" grep -q "bad.yaml:8:28: error: CLEAR is not supported" "$work/err"

# --- user-written SPARQL migrations ------------------------------------------------------------
sparql="$resources/demo/migrations/v1_to_v2.sparql"
"$evograph" migrate plan "$v1" "$v2" --graph users --custom "$sparql" -o "$work/with-custom.yaml" > /dev/null
check "migrate plan --custom adds the SPARQL file as a custom step" grep -q "id: v1_to_v2" "$work/with-custom.yaml"
"$evograph" migrate apply "$sparql" --workspace "$ws" --dry-run --format json > "$work/sparql.json"
check "a .sparql file runs as a plan of one custom step: two users get a phone number" json 's = d["run"]["steps"]; assert len(s) == 1 and s[0]["kind"] == "custom" and s[0]["added"] == 2 and not d["approval"]["required"], s' < "$work/sparql.json"

# --- rehearsal, permissive policy, audit --------------------------------------------------------
"$evograph" migrate rehearse "$plan" --workspace "$ws" --format json > "$work/rehearse.json"
check "rehearse: apply, rollback, apply give the same hashes (exit 0)" json 'assert d["ok"] and d["after_rollback"] == d["before"] and d["after_reapply"] == d["after_apply"] and d["before"] != d["after_apply"], d' < "$work/rehearse.json"
check "  and leaves the workspace as it was" test "$(state)" = "$before"
"$evograph" ws config "$ws" policies.enforcement_mode permissive > /dev/null
"$evograph" migrate apply "$work/edited.yaml" --workspace "$ws" --yes --format json > "$work/permissive.json"
check "a permissive policy lets an unapproved plan run (exit 0)" test $? -eq 0
check "  and says so in the journal" json 'assert d["approval"].startswith("NOT APPROVED"), d' < "$work/permissive.json"
"$evograph" audit list --workspace "$ws" --format json > "$work/audit.json"
check "the audit log records approvals, rejections, applies, failures and rollbacks" json 'ops = {r["operation"] for r in d}; assert {"migration.approve", "migration.reject", "migration.apply", "migration.failed", "migration.rollback"} <= ops, ops' < "$work/audit.json"
"$evograph" audit verify --workspace "$ws" > /dev/null
check "  and its chain is intact" test $? -eq 0
finish
