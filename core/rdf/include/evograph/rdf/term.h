#pragma once
// RDF 1.1 terms as the engine sees them: compact integer ids into a Dictionary, and a
// non-owning view of a term's parts.

#include <cstdint>
#include <string_view>

namespace evograph::rdf {

// Index into a Dictionary. 0 is "no term" (e.g. the default graph of a quad).
using TermId = std::uint32_t;
inline constexpr TermId kNoTerm = 0;

enum class TermKind : std::uint8_t { Iri, Blank, Literal };

namespace vocab {
inline constexpr std::string_view xsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
} // namespace vocab

// A term's parts. Views point into the Dictionary's storage and live as long as it does.
// Literals: datatype is always set (xsd:string for simple literals, rdf:langString when
// language is not empty). Blank nodes: value is a label unique within the Dictionary.
struct TermView {
    TermKind kind = TermKind::Iri;
    std::string_view value;
    std::string_view datatype;
    std::string_view language;

    bool isIri() const { return kind == TermKind::Iri; }
    bool isBlank() const { return kind == TermKind::Blank; }
    bool isLiteral() const { return kind == TermKind::Literal; }
};

} // namespace evograph::rdf
