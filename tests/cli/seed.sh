#!/usr/bin/env bash
# The seed document's evolution example end to end, as docs/seed-walkthrough.md runs it: diff,
# analyze, additive evolution, a migration's dry run, apply with its pre-migration snapshot,
# history, rollback, a generated plan, and the evolution suite, from the example's root.
set -uo pipefail
evograph="$1"; seed="$2"
source "$(dirname "$0")/harness.sh"
cp -r "$seed" "$work/seed" && cd "$work/seed" || exit 2
v1=ontologies/v1/domain.ttl; v2=ontologies/v2/domain.ttl

# 1. The two versions, triple by triple.
"$evograph" diff "$v1" "$v2" --compact > diff.txt
check "diff: the versions differ (exit 1)" test $? -eq 1
check "  e-mail's cardinality and the phone number are the 4 added triples" bash -c \
    "grep -q '^+ :hasEmail owl:minCardinality \"1\"^^xsd:integer .$' diff.txt && tail -1 diff.txt | grep -q '^# 0 removed, 4 added$'"

# 2. What each change means: the seed's "SAFE: Addition" and "UNSAFE: Breaking change".
"$evograph" analyze "$v1" "$v2" > analyze.txt
check "analyze: a breaking change (exit 1)" test $? -eq 1
check "  e-mail made required is breaking, on User" grep -q '^breaking  restriction_added        :User "User" \[:hasEmail\]$' analyze.txt
check "  saying the cardinality sits on the property and how OWL writes it" grep -q "asserted on the property hasEmail itself.*owl:onProperty hasEmail ; owl:minCardinality 1 \]" analyze.txt
check "  the phone number is a safe addition" grep -q '^safe      property_added           :hasPhoneNumber$' analyze.txt

# 3. Strategy 1: additive evolution.
"$evograph" evolve "$v1" "$v2" --strategy additive -o ontologies/v1/domain-additive.ttl > evolve.txt
check "evolve --strategy additive exits 0" test $? -eq 0
check "  applies 1 of 2 changes and leaves the required e-mail out" bash -c \
    "grep -q 'applied 1 of 2 changes' evolve.txt && grep -q '^breaking  restriction_added' evolve.txt"
"$evograph" analyze "$v1" ontologies/v1/domain-additive.ttl --format json > additive.json
check "  v1 -> the evolved version: nothing breaking (exit 0), only the phone number" json \
    'assert d["summary"]["by_severity"]["breaking"] == 0 and [c["kind"] for c in d["changes"]] == ["property_added"], d["summary"]' < additive.json
"$evograph" analyze ontologies/v1/domain-additive.ttl "$v2" --format json --fail-on never > rest.json
check "  the evolved version -> v2: exactly the change left out" json \
    'assert [(c["kind"], c["property"]) for c in d["changes"]] == [("restriction_added", "http://example.com/ontology#hasEmail")], d' < rest.json

# 4. Strategy 2: versioned migration, in a workspace.
ws=users.evograph
"$evograph" ws init "$ws" > /dev/null && "$evograph" ws import "$ws" "$v1" --graph ontology > /dev/null \
    && "$evograph" ws import "$ws" data/users.ttl --graph users > /dev/null
check "a workspace with the ontology and the users" test $? -eq 0
"$evograph" migrate apply migrations/v1_to_v2.sparql --workspace "$ws" --dry-run > dry.txt
check "migrate apply --dry-run of the seed's SPARQL exits 0" test $? -eq 0
check "  it would give both users an empty phone number, nothing removed" bash -c \
    "grep -q '+2 -0 triples' dry.txt && grep -q 'ex:bob :hasPhoneNumber \"\" .' dry.txt && grep -q 'Dry run: nothing was written.' dry.txt"
"$evograph" migrate apply migrations/v1_to_v2.sparql --workspace "$ws" --yes > apply.txt
check "apply exits 0 (it only adds, so the policy lets it run unapproved)" test $? -eq 0
check "  after a pre-migration snapshot" grep -q 'pre-migration snapshot [0-9a-f]\{16\}' apply.txt
"$evograph" snapshot list --workspace "$ws" --format json > snapshots.json
check "  which the snapshot list shows, verified" json 'assert len(d) == 1 and d[0]["tags"] == ["pre-migration"] and d[0]["verified_at"], d' < snapshots.json
"$evograph" ws export "$ws" --graph users -o migrated.nt
check "  both users now have a phone number" test "$(grep -c hasPhoneNumber migrated.nt)" -eq 2
"$evograph" migrate history --workspace "$ws" | grep -q 'apply  applied'
check "history lists the applied migration" test $? -eq 0
"$evograph" rollback --last 1 --workspace "$ws" --yes > rollback.txt
check "rollback --last 1 --yes exits 0" test $? -eq 0
"$evograph" ws export "$ws" --graph users -o back.nt
"$evograph" diff data/users.ttl back.nt > /dev/null
check "  the users are as they were" test $? -eq 0
"$evograph" migrate plan "$v1" "$v2" --data data/users.ttl --graph users -o migrations/v1_to_v2.plan.yaml > plan.txt
check "migrate plan proposes a default e-mail for users without one" grep -q 'default-1: give every <http://example.com/ontology#User> without <http://example.com/ontology#hasEmail>' plan.txt

# 5. Backward compatibility check (the seed's GraphCompatibility::check).
"$evograph" analyze "$v1" "$v2" --fail-on breaking > /dev/null
check "analyze --fail-on breaking: not backward compatible (exit 1)" test $? -eq 1

# 6. Automated evolution testing, run from the example's root as the seed does.
"$evograph" check --suite tests/graph-evolution.test.yaml > suite.txt
check "the suite exits 1" test $? -eq 1
check "  'v1 to v2 migration' passes: the migration ran, no data lost, integrity and schema hold" bash -c \
    "grep -q '^PASS v1 to v2 migration$' suite.txt && grep -q '^  migration migrations/v1_to_v2.sparql: 1 step' suite.txt"
check "  'backward compatibility' fails on backward_compatible alone" bash -c \
    "grep -q '^FAIL backward compatibility$' suite.txt && [ \$(grep -c '^  FAIL ' suite.txt) -eq 1 ] && grep -q '^  FAIL backward_compatible: 1 breaking changes' suite.txt"
"$evograph" check --suite tests/graph-evolution.test.yaml --format json > suite.json
check "  and in JSON" json 'assert d["passed"] == 1 and d["failed"] == 1 and [a["name"] for a in d["tests"][1]["assertions"] if not a["passed"]] == ["backward_compatible"], d' < suite.json

# Without the prefixes the seed leaves out, the reader says which line to add.
grep -v '^@prefix owl:' "$v1" > noprefix.ttl
"$evograph" parse noprefix.ttl > /dev/null 2> err.txt
check "an undefined owl: prefix names the @prefix line to add (exit 2)" bash -c \
    "[ $? -eq 2 ] && grep -q \"noprefix.ttl:[0-9]*:[0-9]*: error: undefined prefix 'owl:'; add the line: @prefix owl: <http://www.w3.org/2002/07/owl#> .\" err.txt"
finish
