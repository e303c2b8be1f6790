PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?x ?p ?o } WHERE { ?x a :User . ?x ?p ?o . ?x :age ?a FILTER(?a > 30) }
