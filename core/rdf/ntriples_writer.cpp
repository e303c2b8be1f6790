#include "evograph/rdf/ntriples_writer.h"

#include "evograph/error.h"

namespace evograph::rdf {

namespace {
constexpr std::size_t kFlushAt = 1 << 20;

void write(const Dataset& dataset, std::ostream& out, bool withGraphs)
{
    const Dictionary& dictionary = dataset.dictionary();
    std::string buffer;
    buffer.reserve(kFlushAt + 4096);
    for (const Quad& quad : dataset.quads()) {
        if (quad.g != kNoTerm && !withGraphs)
            throw Error("the data has named graphs: write N-Quads or TriG instead of N-Triples");
        appendQuad(buffer, dictionary, quad);
        buffer.push_back('\n');
        if (buffer.size() >= kFlushAt) {
            out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            buffer.clear();
        }
    }
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (!out)
        throw Error("cannot write the output");
}
} // namespace

void appendEscapedString(std::string& out, std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                out += "\\u00";
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 15]);
            } else {
                out.push_back(ch);
            }
        }
    }
}

void appendTerm(std::string& out, const TermView& term)
{
    switch (term.kind) {
    case TermKind::Iri:
        out.push_back('<');
        out.append(term.value);
        out.push_back('>');
        break;
    case TermKind::Blank:
        out.append("_:");
        out.append(term.value);
        break;
    case TermKind::Literal:
        out.push_back('"');
        appendEscapedString(out, term.value);
        out.push_back('"');
        if (!term.language.empty()) {
            out.push_back('@');
            out.append(term.language);
        } else if (term.datatype != vocab::xsdString) {
            out.append("^^<");
            out.append(term.datatype);
            out.push_back('>');
        }
        break;
    }
}

std::string termToNTriples(const TermView& term)
{
    std::string out;
    appendTerm(out, term);
    return out;
}

namespace {
void appendTermId(std::string& out, const Dictionary& dictionary, TermId id, const BlankNames* names)
{
    if (names && dictionary.isBlank(id)) {
        if (const auto it = names->find(id); it != names->end()) {
            out += "_:";
            out += it->second;
            return;
        }
    }
    appendTerm(out, dictionary.term(id));
}

void appendQuadNamed(std::string& out, const Dictionary& dictionary, const Quad& quad, const BlankNames* names)
{
    appendTermId(out, dictionary, quad.s, names);
    out.push_back(' ');
    appendTermId(out, dictionary, quad.p, names);
    out.push_back(' ');
    appendTermId(out, dictionary, quad.o, names);
    if (quad.g != kNoTerm) {
        out.push_back(' ');
        appendTermId(out, dictionary, quad.g, names);
    }
    out += " .";
}
} // namespace

void appendQuad(std::string& out, const Dictionary& dictionary, const Quad& quad)
{
    appendQuadNamed(out, dictionary, quad, nullptr);
}

void appendQuad(std::string& out, const Dictionary& dictionary, const Quad& quad, const BlankNames& names)
{
    appendQuadNamed(out, dictionary, quad, &names);
}

std::string quadToNQuads(const Dictionary& dictionary, const Quad& quad)
{
    std::string out;
    appendQuad(out, dictionary, quad);
    return out;
}

void writeNTriples(const Dataset& dataset, std::ostream& out)
{
    write(dataset, out, false);
}
void writeNQuads(const Dataset& dataset, std::ostream& out)
{
    write(dataset, out, true);
}

} // namespace evograph::rdf
