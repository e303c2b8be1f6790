#include "evograph/rdf/format.h"

#include "evograph/engine/enum_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace evograph::rdf {

namespace {
std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool startsWithWord(std::string_view text, std::string_view word)
{
    if (text.size() < word.size())
        return false;
    return lower(text.substr(0, word.size())) == word;
}

std::string_view skipSpaceAndComments(std::string_view text)
{
    for (;;) {
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
            text.remove_prefix(1);
        if (!text.starts_with('#'))
            return text;
        const auto eol = text.find('\n');
        text = eol == std::string_view::npos ? std::string_view {} : text.substr(eol + 1);
    }
}

// Counts the terms of a line written as N-Triples/N-Quads: 3 or 4, or 0 when it is not one.
int lineTermCount(std::string_view line)
{
    int terms = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (c == '<') {
            const auto end = line.find('>', i);
            if (end == std::string_view::npos)
                return 0;
            i = end + 1, ++terms;
        } else if (c == '_' && i + 1 < line.size() && line[i + 1] == ':') {
            while (i < line.size() && line[i] != ' ' && line[i] != '\t')
                ++i;
            ++terms;
        } else if (c == '"') {
            for (++i; i < line.size() && line[i] != '"'; ++i)
                i += line[i] == '\\';
            ++i, ++terms;
            while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '.')
                ++i; // datatype or language tag
        } else if (c == '.') {
            return terms;
        } else {
            return 0;
        }
    }
    return 0;
}
} // namespace

// The first name of each format is the one it is written with; the others are accepted (-i, --formats).
constexpr auto kFormatNames = engine::enumNames<Format>({{Format::Turtle, "turtle"}, {Format::Turtle, "ttl"},
    {Format::Turtle, "n3"}, {Format::TriG, "trig"}, {Format::NTriples, "ntriples"}, {Format::NTriples, "n-triples"},
    {Format::NTriples, "nt"}, {Format::NQuads, "nquads"}, {Format::NQuads, "n-quads"}, {Format::NQuads, "nq"},
    {Format::RdfXml, "rdfxml"}, {Format::RdfXml, "rdf/xml"}, {Format::RdfXml, "rdf-xml"}, {Format::RdfXml, "rdf"},
    {Format::RdfXml, "xml"}, {Format::RdfXml, "owl"}});

std::string_view formatName(Format format)
{
    return kFormatNames.name(format);
}

std::optional<Format> parseFormatName(std::string_view name)
{
    return kFormatNames.parse(lower(name));
}

std::optional<Format> formatFromExtension(const std::filesystem::path& path)
{
    std::string ext = path.extension().string();
    if (ext.empty())
        return std::nullopt;
    ext.erase(0, 1);
    if (lower(ext) == "n3")
        return std::nullopt; // N3 is not Turtle; let sniffing decide
    return parseFormatName(ext);
}

std::optional<Format> sniffFormat(std::string_view head)
{
    if (head.starts_with("\xEF\xBB\xBF"))
        head.remove_prefix(3);
    const std::string_view text = skipSpaceAndComments(head);
    if (text.empty())
        return Format::NTriples; // an empty document is a valid empty graph in any format
    if (text.starts_with("<?xml") || text.starts_with("<rdf:RDF") || text.starts_with("<!DOCTYPE"))
        return Format::RdfXml;
    if (text.starts_with('{') && skipSpaceAndComments(text.substr(1)).starts_with('"'))
        return std::nullopt; // JSON (JSON-LD), which evograph does not read
    if (text.starts_with('{') || startsWithWord(text, "graph"))
        return Format::TriG;
    if (text.starts_with('@') || startsWithWord(text, "prefix") || startsWithWord(text, "base"))
        return head.find('{') != std::string_view::npos ? Format::TriG : Format::Turtle;
    const auto eol = text.find('\n');
    const int terms = lineTermCount(text.substr(0, eol));
    if (terms == 3)
        return Format::NTriples;
    if (terms == 4)
        return Format::NQuads;
    if (text.starts_with('<') || text.starts_with("_:") || text.starts_with('[') || text.starts_with('('))
        return Format::Turtle;
    return std::nullopt;
}

bool isQuadFormat(Format format)
{
    return format == Format::TriG || format == Format::NQuads;
}

} // namespace evograph::rdf
