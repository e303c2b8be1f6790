PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT { ?s :label2 ?l ; :ref ?r } WHERE {
  ?s :name ?n .
  OPTIONAL { ?s :code ?c FILTER REGEX(?c, "^[A-Z]+-[0-9]+$") BIND(IRI(CONCAT("http://example.com/ref/", ?c)) AS ?r) }
  BIND(CONCAT(UCASE(STR(?n)), "/", LANG(?n)) AS ?l)
  FILTER(STRSTARTS(LCASE(?n), "a") || LANG(?n) != "en")
}
