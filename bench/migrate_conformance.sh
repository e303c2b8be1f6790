#!/usr/bin/env bash
# Issue 6's conformance figure: on a generated pair (default 100k triples, with instance data),
# the plan `evograph migrate plan` proposes is applied to v1's data in a workspace, and the result
# is checked against v2: no instance typed with a class v2 no longer has, no IRI a rename replaced
# left anywhere. Prints the counts; exits 1 when either is not zero.
#   bench/migrate_conformance.sh [TRIPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/timing.sh
generated_pair "${1:-100000}"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
ws="$work/ws.evograph"
$evograph ws init "$ws" >/dev/null
$evograph ws import "$ws" "$v1" --graph data --version v1 >/dev/null
start=$(date +%s.%N)
$evograph migrate plan "$v1" "$v2" --data "$v1" --graph data -o "$work/plan.yaml" --format json > "$work/plan.json"
# A reviewer's edit: the flag steps (a required object property, no default to choose) are taken
# out, as the data has no values to supply for them; the flagged instances stay as they are.
python3 - "$work/plan.yaml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
head, *steps = re.split(r'(?m)^(?=  - id: )', text)
kept = [s for s in steps if not s.startswith("  - id: flag-")]
open(sys.argv[1], "w").write(head + "".join(kept))
print(f"reviewer removed {len(steps) - len(kept)} flag steps", file=sys.stderr)
PY
$evograph ws config "$ws" policies.operational.allow_self_approval true >/dev/null
$evograph migrate approve "$work/plan.yaml" --as bench --workspace "$ws" >/dev/null
$evograph migrate apply "$work/plan.yaml" --workspace "$ws" --yes --format json > "$work/apply.json"
end=$(date +%s.%N)
$evograph ws export "$ws" --graph data -o "$work/migrated.nt"
$evograph parse "$v1" > "$work/v1.nt"
$evograph parse "$v2" > "$work/v2.nt"
python3 - "$work" "$(echo "$end - $start" | bc -l)" <<'PY'
import json, re, sys
work, seconds = sys.argv[1], float(sys.argv[2])
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
CLASSES = {"<http://www.w3.org/2002/07/owl#Class>", "<http://www.w3.org/2000/01/rdf-schema#Class>"}
def triples(path):
    for line in open(path, encoding="utf-8"):
        m = re.match(r'(\S+) (\S+) (.*) \.\s*$', line)
        if m: yield m.groups()
def classes(path):
    return {s for s, p, o in triples(path) if p == TYPE and o in CLASSES}
v1c, v2c = classes(f"{work}/v1.nt"), classes(f"{work}/v2.nt")
removed = v1c - v2c
plan = json.load(open(f"{work}/plan.json"))
apply = json.load(open(f"{work}/apply.json"))
kinds = {}
for s in plan["steps"]: kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
renamed = set()
for line in open(f"{work}/plan.yaml", encoding="utf-8"):
    m = re.match(r'\s+from: (\S+)$', line)
    if m: renamed.add("<" + m.group(1) + ">")
was_removed = {s for s, p, o in triples(f"{work}/v1.nt") if p == TYPE and o in removed}
typed_after = set()
untyped = typed_removed = leftover = instances = 0
for s, p, o in triples(f"{work}/migrated.nt"):
    if p == TYPE: typed_after.add(s)
    if p == TYPE and o in removed: typed_removed += 1
    if p == TYPE and o not in CLASSES: instances += 1
    if s in renamed or p in renamed or o in renamed: leftover += 1
untyped = len(was_removed - typed_after)
run = apply["run"]
print(f"plan: {len(plan['steps'])} steps {kinds}")
print(f"applied: +{run['added']} -{run['removed']} triples in {seconds:.2f} s (plan, approve, apply with pre-snapshot)")
print(f"classes removed in v2: {len(removed)}; type statements on migrated instances: {instances}")
print(f"instances of removed classes in v1: {len(was_removed)}; left without a type: {untyped}; still typed with a removed class: {typed_removed}")
print(f"statements still using a renamed IRI ({len(renamed)} renamed): {leftover}")
sys.exit(1 if typed_removed or leftover or untyped else 0)
PY
