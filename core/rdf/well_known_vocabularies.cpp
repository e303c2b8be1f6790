#include "evograph/rdf/well_known_vocabularies.h"

#include <array>

namespace evograph::rdf {

namespace {
// Prefixes as prefix.cc and the W3C's RDFa initial context give them; W3C vocabularies first, then
// others ontologies commonly re-declare terms of (Dublin Core, FOAF, DOAP, OBO's oboInOwl, Protégé).
constexpr std::array kVocabularies {
    WellKnownVocabulary {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    WellKnownVocabulary {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    WellKnownVocabulary {"owl", "http://www.w3.org/2002/07/owl#"},
    WellKnownVocabulary {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    WellKnownVocabulary {"xml", "http://www.w3.org/XML/1998/namespace"},
    WellKnownVocabulary {"skos", "http://www.w3.org/2004/02/skos/core#"},
    WellKnownVocabulary {"skosxl", "http://www.w3.org/2008/05/skos-xl#"},
    WellKnownVocabulary {"dcterms", "http://purl.org/dc/terms/"},
    WellKnownVocabulary {"dc", "http://purl.org/dc/elements/1.1/"},
    WellKnownVocabulary {"dctype", "http://purl.org/dc/dcmitype/"},
    WellKnownVocabulary {"foaf", "http://xmlns.com/foaf/0.1/"},
    WellKnownVocabulary {"schema", "https://schema.org/"},
    WellKnownVocabulary {"prov", "http://www.w3.org/ns/prov#"},
    WellKnownVocabulary {"sh", "http://www.w3.org/ns/shacl#"},
    WellKnownVocabulary {"dcat", "http://www.w3.org/ns/dcat#"},
    WellKnownVocabulary {"time", "http://www.w3.org/2006/time#"},
    WellKnownVocabulary {"org", "http://www.w3.org/ns/org#"},
    WellKnownVocabulary {"vcard", "http://www.w3.org/2006/vcard/ns#"},
    WellKnownVocabulary {"sosa", "http://www.w3.org/ns/sosa/"},
    WellKnownVocabulary {"ssn", "http://www.w3.org/ns/ssn/"},
    WellKnownVocabulary {"geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"},
    WellKnownVocabulary {"odrl", "http://www.w3.org/ns/odrl/2/"},
    WellKnownVocabulary {"ldp", "http://www.w3.org/ns/ldp#"},
    WellKnownVocabulary {"as", "https://www.w3.org/ns/activitystreams#"},
    WellKnownVocabulary {"void", "http://rdfs.org/ns/void#"},
    WellKnownVocabulary {"vann", "http://purl.org/vocab/vann/"},
    WellKnownVocabulary {"swrl", "http://www.w3.org/2003/11/swrl#"},
    WellKnownVocabulary {"oboInOwl", "http://www.geneontology.org/formats/oboInOwl#"},
    WellKnownVocabulary {"doap", "http://usefulinc.com/ns/doap#"},
    WellKnownVocabulary {"cc", "http://creativecommons.org/ns#"},
    WellKnownVocabulary {"vs", "http://www.w3.org/2003/06/sw-vocab-status/ns#"},
    WellKnownVocabulary {"adms", "http://www.w3.org/ns/adms#"},
    WellKnownVocabulary {"locn", "http://www.w3.org/ns/locn#"},
    WellKnownVocabulary {"protege", "http://protege.stanford.edu/plugins/owl/protege#"},
};
// schema.org is published under both schemes; the table's prefix suggests the https one.
constexpr WellKnownVocabulary kSchemaHttp {"schema", "http://schema.org/"};
} // namespace

std::span<const WellKnownVocabulary> wellKnownVocabularies()
{
    return kVocabularies;
}

std::optional<WellKnownVocabulary> wellKnownPrefix(std::string_view prefix)
{
    for (const WellKnownVocabulary& v : kVocabularies)
        if (v.prefix == prefix)
            return v;
    return std::nullopt;
}

std::optional<WellKnownVocabulary> wellKnownVocabularyOf(std::string_view iri)
{
    auto in = [&](const WellKnownVocabulary& v) { return iri.size() > v.ns.size() && iri.starts_with(v.ns); };
    for (const WellKnownVocabulary& v : kVocabularies)
        if (in(v))
            return v;
    if (in(kSchemaHttp))
        return kSchemaHttp;
    return std::nullopt;
}

} // namespace evograph::rdf
