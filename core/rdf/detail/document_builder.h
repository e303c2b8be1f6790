#pragma once
// Turns one document's statements into quads of a Dataset: interns terms, gives the document's
// blank node labels fresh dictionary-wide blank nodes, and checks what the parsers let through
// (invalid UTF-8 from numeric escapes such as surrogates, characters not allowed in IRIs).
// Check failures are returned as messages; the reader adds the position.

#include "evograph/rdf/dataset.h"
#include "evograph/rdf/reader.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace evograph::rdf::detail {

class DocumentBuilder {
public:
    explicit DocumentBuilder(Dataset& into)
        : m_dataset(into)
        , m_dictionary(into.dictionary())
    {
    }

    // Each returns kNoTerm and sets error() when the term is not valid RDF.
    TermId iri(std::string_view absoluteIri);
    TermId blank(std::string_view documentLabel);
    TermId literal(std::string_view lexical, std::string_view datatypeIri, std::string_view language);

    void add(TermId s, TermId p, TermId o, TermId g)
    {
        m_dataset.add(Quad {s, p, o, g});
        ++m_statements;
    }

    const std::optional<std::string>& error() const { return m_error; }
    void setError(std::string message) { m_error = std::move(message); }
    std::uint64_t statements() const { return m_statements; }
    BlankLabels blankLabels() const { return {m_blanks.begin(), m_blanks.end()}; }
    Dataset& dataset() { return m_dataset; }

private:
    Dataset& m_dataset;
    Dictionary& m_dictionary;
    struct LabelHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view label) const { return std::hash<std::string_view> {}(label); }
    };
    std::unordered_map<std::string, TermId, LabelHash, std::equal_to<>> m_blanks;
    std::optional<std::string> m_error;
    std::uint64_t m_statements = 0;
};

// Returns a description of the first problem, or nullopt for well-formed UTF-8 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF).
std::optional<std::string> checkUtf8(std::string_view text);
// Returns a description of the first character an IRI may not contain (RFC 3987), or nullopt.
std::optional<std::string> checkIriCharacters(std::string_view iri);

} // namespace evograph::rdf::detail
