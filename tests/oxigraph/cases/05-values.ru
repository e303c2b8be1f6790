PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?u :age ?a } INSERT { ?u :role ?r } WHERE { VALUES (?u ?r) { (ex:alice "admin") (ex:bob UNDEF) (ex:carol "staff") } ?u :age ?a }
