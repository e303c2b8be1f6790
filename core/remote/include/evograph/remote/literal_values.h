#pragma once
// Stores keep values, not lexical forms: Virtuoso turns "1241.90"^^xsd:decimal into "1241.9" and
// "3.2538E+05"^^xsd:double into "325380.0". Such a store holds the same data as the version
// pushed to it, but not the same RDF terms, so comparing it with a version by content hash would
// always fail. evograph compares a store's graph with a version by their value hash: the content
// hash after numeric and boolean literals are written in one form per value (integers without
// sign or leading zeros, decimals without leading or trailing zeros, doubles and floats as the
// shortest text that reads back to the same binary value, booleans as true / false, UTC offsets
// of dates and times as Z). Literals
// whose text is not a valid form of their datatype are left as they are.

#include "evograph/engine/cancellation.h"
#include "evograph/rdf/dataset.h"

#include <optional>
#include <string>
#include <unordered_map>

namespace evograph::remote {

// The one form of a literal's value, or nullopt when the datatype has none here or the text is
// not valid for it.
std::optional<std::string> valueForm(std::string_view lexical, std::string_view datatype);

// `data` with every literal in its value form (a dataset over the same dictionary, finalized).
// `lexical`, when given, gets for each value-form literal made the literal `data` wrote it as.
rdf::Dataset byValue(const rdf::Dataset& data, std::unordered_map<rdf::TermId, rdf::TermId>* lexical = nullptr);

// The content hash of byValue(data).
std::string valueHash(const rdf::Dataset& data, const engine::CancellationToken& cancel = {});

} // namespace evograph::remote
