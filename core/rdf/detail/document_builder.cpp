#include "document_builder.h"

#include <cstdio>

namespace evograph::rdf::detail {

namespace {
std::string codePoint(unsigned value)
{
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", value);
    return text;
}
} // namespace

std::optional<std::string> checkUtf8(std::string_view text)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned value = 0;
        unsigned minimum = 0;
        if ((c & 0xE0) == 0xC0)
            length = 2, value = c & 0x1F, minimum = 0x80;
        else if ((c & 0xF0) == 0xE0)
            length = 3, value = c & 0x0F, minimum = 0x800;
        else if ((c & 0xF8) == 0xF0)
            length = 4, value = c & 0x07, minimum = 0x10000;
        else
            return "invalid UTF-8 byte 0x" + std::to_string(c);
        if (i + length > n)
            return std::string("truncated UTF-8 sequence");
        for (std::size_t k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return std::string("invalid UTF-8 continuation byte");
            value = (value << 6) | (bytes[i + k] & 0x3F);
        }
        if (value < minimum)
            return std::string("overlong UTF-8 sequence");
        if (value >= 0xD800 && value <= 0xDFFF)
            return "surrogate code point " + codePoint(value) + " (not a character)";
        if (value > 0x10FFFF)
            return "code point beyond U+10FFFF";
        i += length;
    }
    return std::nullopt;
}

std::optional<std::string> checkIriCharacters(std::string_view iri)
{
    for (const char ch : iri) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`'
            || c == '\\')
            return "character " + codePoint(c) + " is not allowed in an IRI";
    }
    return checkUtf8(iri);
}

// Terms are checked only when first seen: a repeated term was checked before. A bad term stays in
// the dictionary, but the read fails at once.
TermId DocumentBuilder::iri(std::string_view absoluteIri)
{
    const std::size_t known = m_dictionary.size();
    const TermId id = m_dictionary.iri(absoluteIri);
    if (id > known) {
        if (auto problem = checkIriCharacters(absoluteIri)) {
            setError("bad IRI <" + std::string(absoluteIri) + ">: " + *problem);
            return kNoTerm;
        }
    }
    return id;
}

TermId DocumentBuilder::blank(std::string_view documentLabel)
{
    if (const auto it = m_blanks.find(documentLabel); it != m_blanks.end())
        return it->second;
    const TermId id = m_dictionary.freshBlank();
    m_blanks.emplace(std::string(documentLabel), id);
    return id;
}

TermId DocumentBuilder::literal(std::string_view lexical, std::string_view datatypeIri, std::string_view language)
{
    const std::size_t known = m_dictionary.size();
    const TermId id = m_dictionary.literal(lexical, datatypeIri, language);
    if (id <= known)
        return id;
    if (auto problem = checkUtf8(lexical)) {
        setError("bad literal: " + *problem);
        return kNoTerm;
    }
    if (auto problem = datatypeIri.empty() ? std::nullopt : checkIriCharacters(datatypeIri)) {
        setError("bad datatype IRI <" + std::string(datatypeIri) + ">: " + *problem);
        return kNoTerm;
    }
    return id;
}

} // namespace evograph::rdf::detail
