#pragma once
// What a term says about itself in words: its label, its synonyms, its local name split into
// words, and its definition. The built-in embedder weighs these fields; an HTTP provider is given
// text(); search shows the label and kind.

#include "evograph/analysis/ontology_index.h"

#include <string>
#include <string_view>
#include <vector>

namespace evograph::embed {

struct TermDocument {
    rdf::TermId iri = rdf::kNoTerm;
    analysis::EntityCategory category = analysis::EntityCategory::None;
    std::string label; // rdfs:label or skos:prefLabel (English or untagged first); may be empty
    std::vector<std::string> synonyms; // skos:altLabel, oboInOwl:has*Synonym, schema:alternateName
    std::string localNameWords; // "hasEmailAddress2" → "has email address 2"
    std::string definition; // rdfs:comment, skos:definition, IAO's definition, dcterms:description

    // "label (synonym; synonym): definition", falling back on the local name's words.
    std::string text() const;
};

// "class", "property", "individual", "ontology" or "term".
std::string_view categoryName(analysis::EntityCategory category);

// The part of an IRI after its last '#', '/' or ':'.
std::string_view localNameOf(std::string_view iri);
// Words of a local name, lower case: split on case changes, '_', '-', '.', and digit runs.
std::string splitLocalName(std::string_view localName);

// One document per class, property and individual the index knows (OntologyIndex::entities()
// order), blank nodes and the ontology header left out.
std::vector<TermDocument> termDocuments(const analysis::OntologyIndex& index);

} // namespace evograph::embed
