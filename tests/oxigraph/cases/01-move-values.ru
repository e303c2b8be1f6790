PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s :manages ?o } INSERT { ?s :supervises ?o } WHERE { ?s :manages ?o }
