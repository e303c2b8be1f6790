PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT { ?s :band ?b ; :next ?n } WHERE { ?s :age ?a FILTER(isNUMERIC(?a)) BIND(IF(?a >= 40, "senior", "junior") AS ?b) BIND(?a * 2 + 1 AS ?n) }
