#!/usr/bin/env bash
# evograph hierarchy: exit codes as for analyze, and the four formats agree node for node.
set -uo pipefail
evograph="$1"; resources="$2"; corpus="$3"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0
check() { local name="$1"; shift; if "$@"; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi; }

"$evograph" hierarchy "$resources/demo/user-v1.ttl" "$resources/demo/user-v2.ttl" > "$work/demo.txt"
check "the demo pair: exit 1 (a breaking change), as analyze" test $? -eq 1
check "  :manages deprecated, replaced by :supervises" grep -q "† manages (:manages).*deprecated, replaced by :supervises" "$work/demo.txt"
"$evograph" hierarchy "$resources/demo/user-v1.ttl" "$resources/demo/user-v2.ttl" --fail-on never --kind classes > /dev/null
check "  --fail-on never: exit 0" test $? -eq 0

if [ ! -d "$corpus/schemaorg/v27.02" ]; then echo "SKIP the schema.org releases: no corpus at $corpus"; exit $((failures > 0)); fi
old="$corpus/schemaorg/v27.02/schemaorg-all-https.ttl"; new="$corpus/schemaorg/v28.0/schemaorg-all-https.ttl"
for f in text json svg html; do
    "$evograph" hierarchy "$old" "$new" --changed-only --format "$f" -o "$work/h.$f" --fail-on never
    check "schema.org 27.02 -> 28.0 as $f (exit 0)" test $? -eq 0
done
python3 - "$work" <<'PY'
import html, json, re, sys
work = sys.argv[1]
marks = {"+": "added", "-": "removed", "~": "changed", ">": "moved", "⇄": "renamed", "†": "deprecated", " ": "unchanged"}
def text_nodes():
    out = []
    for line in open(f"{work}/h.text", encoding="utf-8"):
        m = re.match(r"^( *)(.) [^(]*\(schema:([^)]+)\)", line)
        if m and not line.startswith(("classes", "properties", "concepts")):
            out.append(("https://schema.org/" + m.group(3), marks[m.group(2)]))
    return out
def json_nodes():
    out = []
    def walk(n):
        out.append((n["iri"], n["status"]))
        for c in n["children"]:
            walk(c)
    for r in json.load(open(f"{work}/h.json"))["roots"]:
        walk(r)
    return out
svg = open(f"{work}/h.svg", encoding="utf-8").read()
svg_nodes = [(html.unescape(i), s) for s, i in re.findall(r'<g class="node (\w+)[^"]*"><title>([^<]+)</title>', svg)]
page = open(f"{work}/h.html", encoding="utf-8").read()
html_nodes = [(html.unescape(i), s) for s, i in re.findall(r'<span class="(\w+)[^"]*" title="([^"]+)">', page)]
t, j = text_nodes(), json_nodes()
assert len(t) > 20 and ("https://schema.org/PaymentMethod", "moved") in t, t[:5]
assert t == j == svg_nodes == html_nodes, (len(t), len(j), len(svg_nodes), len(html_nodes))
print(f"ok   text, JSON, SVG and HTML show the same {len(t)} nodes with the same statuses")
PY
check "  the four formats agree" test $? -eq 0
check "  the HTML is self-contained: no script, nothing fetched" bash -c "! grep -qiE '<script|src=|href=\"http' '$work/h.html'"
check "  and its trees fold (details/summary)" grep -q "<details open><summary>" "$work/h.html"
exit $((failures > 0))
