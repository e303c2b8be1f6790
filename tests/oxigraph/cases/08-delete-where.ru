PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { ?x a :Legacy ; ?p ?o }
