PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s ?p ?o }
INSERT { ?s2 ?p2 ?o2 }
WHERE {
  ?s ?p ?o .
  FILTER(?s = :manages || ?p = :manages || ?o = :manages)
  BIND(IF(?s = :manages, :supervises, ?s) AS ?s2)
  BIND(IF(?p = :manages, :supervises, ?p) AS ?p2)
  BIND(IF(?o = :manages, :supervises, ?o) AS ?o2)
}
