PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { GRAPH ?g { ?s :lastLogin ?t } } WHERE { GRAPH ?g { ?s :lastLogin ?t FILTER(?t < "2026-11-01T00:00:00Z"^^xsd:dateTime) } }
