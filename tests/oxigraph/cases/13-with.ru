PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
WITH <http://example.com/graphs/archive> DELETE { ?s :hasEmail ?e } INSERT { ?s :email ?e } WHERE { ?s :hasEmail ?e }
