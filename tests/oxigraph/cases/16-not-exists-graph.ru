PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT { GRAPH <http://example.com/graphs/audit> { ?u :lastLogin "never" } } WHERE { ?u a :User FILTER NOT EXISTS { GRAPH <http://example.com/graphs/audit> { ?u :lastLogin ?t } } }
