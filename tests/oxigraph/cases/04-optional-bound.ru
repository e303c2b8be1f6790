PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT { ?u :hasEmailFlag ?has } WHERE { ?u :age ?a OPTIONAL { ?u :hasEmail ?e } BIND(BOUND(?e) AS ?has) }
