PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { ex:zoe a :User ; :address [ :city "Rome" ] . GRAPH <http://example.com/graphs/new> { ex:zoe :age 20 } } ;
DELETE DATA { ex:bob :score 2.5 . ex:nobody :age 1 . GRAPH <http://example.com/graphs/audit> { ex:bob :lastLogin "2026-10-15T08:30:00Z"^^xsd:dateTime } }
