#pragma once
// N-Triples and N-Quads in canonical form (RDF 1.2 N-Triples §4, as RDFC-1.0 uses it): one
// statement per line, single spaces, IRIs as they are, literals with \" \\ \n \r \t \b \f as
// ECHAR and the other control characters as \uXXXX, no datatype for xsd:string.

#include "evograph/rdf/dataset.h"

#include <ostream>
#include <string>
#include <unordered_map>

namespace evograph::rdf {

void appendTerm(std::string& out, const TermView& term);
// The body of a quoted literal: \" \\ \n \r \t \b \f escaped, other control characters as \u00XX.
// The escapes N-Triples, Turtle and SPARQL share.
void appendEscapedString(std::string& out, std::string_view text);
std::string termToNTriples(const TermView& term);
// Names to write blank nodes with, without "_:" (canonical or content labels); a blank node not
// in the map is written with its dictionary label.
using BlankNames = std::unordered_map<TermId, std::string>;

// "S P O ." or "S P O G ." (without the line feed).
void appendQuad(std::string& out, const Dictionary& dictionary, const Quad& quad);
void appendQuad(std::string& out, const Dictionary& dictionary, const Quad& quad, const BlankNames& names);
std::string quadToNQuads(const Dictionary& dictionary, const Quad& quad);

// Writes the dataset's quads in its order. NTriples refuses a dataset with named graphs.
void writeNTriples(const Dataset& dataset, std::ostream& out);
void writeNQuads(const Dataset& dataset, std::ostream& out);

} // namespace evograph::rdf
