PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT { ?s :kind ?k } WHERE { ?s a ?t FILTER(?t NOT IN (:Legacy)) OPTIONAL { ?s :name ?n } BIND(COALESCE(?n, "anonymous") AS ?k) }
