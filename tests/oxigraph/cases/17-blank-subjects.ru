PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?a :city ?c } INSERT { ?a :town ?c } WHERE { ?p :address ?a . ?a :city ?c FILTER(isBLANK(?a)) }
