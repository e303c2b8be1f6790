#pragma once
// The one way migration code writes RDF terms into SPARQL Update text. Values come from
// ontologies, data and users, so nothing is pasted in raw: literals are quoted with every
// character that could end the string or the statement escaped, and IRIs, language tags, datatypes
// and blank-node labels that SPARQL cannot carry safely are refused (evograph::Error naming the
// value and the offending character) instead of being written.

#include "evograph/rdf/term.h"

#include <string>
#include <string_view>

namespace evograph::sparql {

// <iri>. Refuses spaces, control characters and <>"{}|^`\ (not allowed in a SPARQL IRIREF).
std::string sparqlIri(std::string_view iri);
// "lexical" with escapes, then @language or ^^<datatype> (none for xsd:string).
std::string sparqlLiteral(std::string_view lexical, std::string_view datatype = {}, std::string_view language = {});
// _:label; the label must be letters, digits, '_' and '-' (as the generator makes them).
std::string sparqlBlank(std::string_view label);
std::string sparqlTerm(const rdf::TermView& term);

} // namespace evograph::sparql
