#!/usr/bin/env bash
# Issue 6's bar: renaming a property used by 100,000 instance triples, as one SPARQL Update, in
# evograph's executor against the same update in Oxigraph (npm, run with node), in one run. Both
# time the update alone, best of 3, on data already loaded. Bar: ratio evograph/Oxigraph <= 1.0.
#   bench/migrate_vs_oxigraph.sh [USES] [OTHER_TRIPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
uses="${1:-100000}"; other="${2:-200000}"
out=bench/out; mkdir -p "$out"
data="$out/rename-$uses-$other.nt"
[ -f "$data" ] || python3 - "$uses" "$other" > "$data" <<'PY'
import sys
uses, other = int(sys.argv[1]), int(sys.argv[2])
ex = "http://example.com/"
for i in range(uses):
    print(f'<{ex}person/{i}> <{ex}ontology#manages> <{ex}person/{(i * 7919) % uses}> .')
for i in range(other):
    s = f"<{ex}person/{i % uses}>"
    print(f'{s} <{ex}ontology#p{i % 5}> "value {i}" .')
PY
cat > "$out/rename.ru" <<'RU'
PREFIX : <http://example.com/ontology#>
DELETE { ?s :manages ?o } INSERT { ?s :supervises ?o } WHERE { ?s :manages ?o }
RU
# The generated rename_iri step: the IRI rewritten as subject, predicate and object, one
# operation each (what evograph migrate plan writes for a rename).
m='<http://example.com/ontology#manages>'; t='<http://example.com/ontology#supervises>'
cat > "$out/rename-iri.ru" <<RU
DELETE { $m ?p ?o } INSERT { $t ?p ?o } WHERE { $m ?p ?o } ;
DELETE { ?s $m ?o } INSERT { ?s $t ?o } WHERE { ?s $m ?o } ;
DELETE { ?s ?p $m } INSERT { ?s ?p $t } WHERE { ?s ?p $m }
RU
cmake --build build/default --target bench_migrate_update >/dev/null
scripts/install-deps.sh test >/dev/null
ours=$(build/default/bench/bench_migrate_update "$data" "$out/rename.ru" 3)
theirs=$(node bench/migrate_update_oxigraph.cjs "$data" "$out/rename.ru" 3)
echo "rename of a property used by $uses triples ($((uses + other)) triples in all), update only, best of 3:"
echo "  evograph  ${ours} s"
echo "  oxigraph  ${theirs} s"
echo "  ratio     $(echo "scale=3; $ours / $theirs" | bc -l) (bar <= 1.0)"
ours=$(build/default/bench/bench_migrate_update "$data" "$out/rename-iri.ru" 3 2>/dev/null)
theirs=$(node bench/migrate_update_oxigraph.cjs "$data" "$out/rename-iri.ru" 3 2>/dev/null)
echo "the generated rename_iri step (subject, predicate and object, three operations):"
echo "  evograph  ${ours} s"
echo "  oxigraph  ${theirs} s"
echo "  ratio     $(echo "scale=3; $ours / $theirs" | bc -l)"
