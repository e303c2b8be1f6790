PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { GRAPH ?g { ?s :manages ?o } } INSERT { GRAPH ?g { ?s :supervises ?o } } WHERE { GRAPH ?g { ?s :manages ?o } }
