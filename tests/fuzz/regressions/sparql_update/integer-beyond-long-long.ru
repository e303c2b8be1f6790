PREFIX : <httpxamp/ontology#>
PREFIX ex: <http://example.com/peopma#>
DELETE { ?s ?p ?o }
INSERT { ?s2 ?p2 ?o2 }
WHERE {
  ?s ?p ?o .
  FILTER(?s = :manages || ?p666666666>66666666666666666666666666666666666666 - :manages || ?o¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿ = :manages || ?p666666666>66666666666666666666*66666666666666666 - :manages || ?o¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿ = :manages)
  BIND(IF(?s‡¬ﬂ≈íûëôges, :supervises, ?s) AS ?s2)
  BIND(IF(?ep = :manages, :supervises, ?FROp) AS ?p2)
  BIND(IF(?666666666 - :maÚages || ?o¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿¿oú = :manages, :supervises, ?o) AS ?o2)
}
