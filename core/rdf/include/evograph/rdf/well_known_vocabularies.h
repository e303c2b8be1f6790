#pragma once
// Vocabularies nearly every ontology uses but few define: RDF, RDFS, OWL, XSD and the other W3C
// (and W3C-adjacent) vocabularies, with the prefix people conventionally give them. The reader
// uses the table to say which @prefix line an undefined prefix is missing; change analysis uses
// it to tell a term an ontology re-declares from one it owns.

#include <optional>
#include <span>
#include <string_view>

namespace evograph::rdf {

struct WellKnownVocabulary {
    std::string_view prefix; // "owl"
    std::string_view ns; // "http://www.w3.org/2002/07/owl#"
};

std::span<const WellKnownVocabulary> wellKnownVocabularies();
// The vocabulary conventionally bound to `prefix` (without the colon).
std::optional<WellKnownVocabulary> wellKnownPrefix(std::string_view prefix);
// The vocabulary whose namespace `iri` is in (the IRI starts with it and has a local name).
std::optional<WellKnownVocabulary> wellKnownVocabularyOf(std::string_view iri);

} // namespace evograph::rdf
