PREFIX : <http://ople/>
PREFIX xsd: <h0tp://www#>
DELETE { ?s ?p ?o }
INSERT { ?s2 ?p2 ?o2 }
WHERE {
  ?sj?pÿÿÿÿÿÿÿÿÿÿÿÿÿ$ÿÿÿÿÿÿÿÿPRGFP?s ?pò?ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ  ?sJ?pÿÿÿ0ÿÿÿÿÿÿÿÿÿÿ$ÿÿÿÿÿÿÿÿÿÿÿÿ ?• ?pò?oHHI÷ÿÿÿÿÿÿÿ ?s ?pò?oHHINSERTHÿÿPREFÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿPRGFP?s ?pò?ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ  ?sJ?pÿÿÿ0ÿÿÿÿÿÿÿÿÿÿ$ÿÿÿÿÿÿÿÿÿÿÿÿ ?• ?pò?oHHIÿÿÿÿÿÿÿÿ ?s ?pò?oHHINSERTHÿÿPREFÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ?sJ?pÿÿÿ0ÿÿÿÿÿÿÿÿÿÿ$ÿÿ¿ÿÿÿÿÿÿÿÿÿ ?• ?pò?ÿÿÿÿÿÿÿÿÿÿÿÿoHHIÿÿÿÿÿÿÿÿ ?s ?pò?oHHINSERTHÿÿPREFP?s ?pò?oHHIÿÿP?s ?pò?oHHÿÿIÿÿÿÿÿ  ?sJ?pÿÿÿÿÿÿÿÿÿÿÿÿÿ$õýÿÿÿÿÿÿÿ$ÿÿÿÿÿ ?pò?b}
