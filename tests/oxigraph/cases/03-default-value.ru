PREFIX : <http://example.com/ontology#>
PREFIX ex: <http://example.com/people/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
# The seed document's migrations/v1_to_v2.sparql
INSERT { ?user :hasPhoneNumber "" } WHERE { ?user a :User . FILTER NOT EXISTS { ?user :hasPhoneNumber ?phone } }
