#include "evograph/sparql/term_syntax.h"

#include "evograph/error.h"
#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/vocabulary.h"

#include <cstdio>

namespace evograph::sparql {

namespace {
std::string describe(unsigned char c)
{
    if (c <= 0x20 || c == 0x7F) { // invisible: name it by code point
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", c);
        return code;
    }
    return std::string("'") + static_cast<char>(c) + "'";
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
} // namespace

std::string sparqlIri(std::string_view iri)
{
    if (iri.empty())
        throw Error("cannot write an empty IRI into SPARQL");
    for (std::size_t i = 0; i < iri.size(); ++i) {
        const auto c = static_cast<unsigned char>(iri[i]);
        if (c <= 0x20 || c == 0x7F
            || std::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos)
            throw Error("cannot write the IRI <" + std::string(iri) + "> into SPARQL: it holds " + describe(c)
                + " at offset " + std::to_string(i) + ", which an IRI may not contain");
    }
    return "<" + std::string(iri) + ">";
}

std::string sparqlLiteral(std::string_view lexical, std::string_view datatype, std::string_view language)
{
    std::string out = "\"";
    rdf::appendEscapedString(out, lexical);
    out.push_back('"');
    if (!language.empty()) {
        // BCP 47 as SPARQL's LANGTAG has it: letters, then groups of letters and digits.
        bool valid = isLetter(language.front());
        bool groupStart = false;
        for (const char c : language) {
            if (c == '-') {
                valid &= !groupStart;
                groupStart = true;
            } else {
                valid &= isLetter(c) || (isDigit(c) && &c != &language.front());
                groupStart = false;
            }
        }
        if (!valid || groupStart)
            throw Error(
                "cannot write the language tag \"" + std::string(language) + "\" into SPARQL: not a language tag");
        out += "@" + std::string(language);
    } else if (!datatype.empty() && datatype != rdf::vocab::xsdString) {
        out += "^^" + sparqlIri(datatype);
    }
    return out;
}

std::string sparqlBlank(std::string_view label)
{
    bool valid = !label.empty();
    for (const char c : label)
        valid &= isLetter(c) || isDigit(c) || c == '_' || c == '-';
    if (!valid)
        throw Error("cannot write the blank node label \"" + std::string(label) + "\" into SPARQL");
    return "_:" + std::string(label);
}

std::string sparqlTerm(const rdf::TermView& term)
{
    switch (term.kind) {
    case rdf::TermKind::Iri:
        return sparqlIri(term.value);
    case rdf::TermKind::Blank:
        return sparqlBlank(term.value);
    case rdf::TermKind::Literal:
        break;
    }
    return sparqlLiteral(term.value, term.datatype, term.language);
}

} // namespace evograph::sparql
