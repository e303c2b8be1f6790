#include "evograph/rdf/turtle_writer.h"

#include "evograph/error.h"
#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/vocabulary.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace evograph::rdf {

namespace {
bool matchesNumber(std::string_view text, bool needDot)
{
    std::size_t i = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
    bool digitsBefore = false, dot = false, digitsAfter = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9')
            (dot ? digitsAfter : digitsBefore) = true;
        else if (c == '.' && !dot && needDot)
            dot = true;
        else
            return false;
    }
    return needDot ? (dot && digitsAfter) : digitsBefore;
}

class TurtleWriter {
public:
    TurtleWriter(const Dataset& dataset, std::ostream& out)
        : m_dataset(dataset)
        , m_dict(dataset.dictionary())
        , m_out(out)
    {
        auto id = [&](std::string_view iri) {
            return m_dict.find(TermView {TermKind::Iri, iri, {}, {}}).value_or(kNoTerm);
        };
        m_type = id(vocab::rdfType);
        m_first = id(vocab::rdfFirst);
        m_rest = id(vocab::rdfRest);
        m_nil = id(vocab::rdfNil);
    }

    void write()
    {
        if (!m_dataset.isFinalized())
            throw Error("internal: the Turtle writer needs a finalized dataset");
        for (const auto& [prefix, iri] : m_dataset.prefixes().entries())
            m_text += "@prefix " + prefix + ": <" + iri + "> .\n";
        if (!m_dataset.prefixes().empty())
            m_text += '\n';
        indexBlankNodes();
        std::map<TermId, std::vector<Quad>> graphs;
        for (const Quad& q : m_dataset.quads())
            graphs[q.g].push_back(q);
        for (const auto& [graph, quads] : graphs) {
            indexSubjects(quads);
            const bool named = graph != kNoTerm;
            if (named) {
                m_text += "GRAPH " + term(graph) + " {\n";
            }
            writeSubjects(quads, named ? 1 : 0);
            if (named)
                m_text += "}\n\n";
            flush(false);
        }
        flush(true);
    }

private:
    struct BlankUse {
        std::uint32_t asObject = 0;
        TermId referrer = kNoTerm; // subject of the (single) quad using it as object
        TermId graph = kNoTerm;
        bool multipleGraphs = false;
        bool graphName = false;
    };

    void indexBlankNodes()
    {
        for (const Quad& q : m_dataset.quads()) {
            for (const TermId t : {q.s, q.o}) {
                if (!m_dict.isBlank(t))
                    continue;
                auto [it, inserted] = m_blanks.try_emplace(t);
                if (!inserted && it->second.graph != q.g)
                    it->second.multipleGraphs = true;
                it->second.graph = q.g;
            }
            if (m_dict.isBlank(q.o)) {
                auto& use = m_blanks[q.o];
                ++use.asObject;
                use.referrer = q.s;
            }
            if (q.g != kNoTerm && m_dict.isBlank(q.g))
                m_blanks[q.g].graphName = true;
        }
        for (const auto& [id, use] : m_blanks) {
            if (use.asObject == 1 && !use.multipleGraphs && !use.graphName)
                m_inline.insert(id);
        }
        // A chain of single references that comes back to its start is a cycle: write its
        // start as a labelled node so that nesting ends.
        for (const auto& [id, use] : m_blanks) {
            if (!m_inline.contains(id))
                continue;
            std::size_t steps = 0;
            for (TermId up = use.referrer; m_inline.contains(up); up = m_blanks[up].referrer) {
                if (up == id || ++steps > m_blanks.size()) {
                    m_inline.erase(id);
                    break;
                }
            }
        }
    }

    void indexSubjects(const std::vector<Quad>& quads)
    {
        m_subjects.clear();
        for (std::size_t i = 0; i < quads.size();) {
            std::size_t end = i;
            while (end < quads.size() && quads[end].s == quads[i].s)
                ++end;
            m_subjects[quads[i].s] = {quads.data() + i, quads.data() + end};
            i = end;
        }
    }

    void writeSubjects(const std::vector<Quad>& quads, int depth)
    {
        for (std::size_t i = 0; i < quads.size();) {
            const TermId subject = quads[i].s;
            const auto& range = m_subjects[subject];
            i += range.second - range.first;
            if (m_inline.contains(subject))
                continue; // written where it is used
            indent(depth);
            m_text += term(subject);
            writePredicates(range, depth, true);
            m_text += " .\n\n";
            flush(false);
        }
    }

    // Top-level subjects keep their first predicate on their own line; nested ones open a block.
    void writePredicates(const std::pair<const Quad*, const Quad*>& range, int depth, bool topLevel = false)
    {
        TermId predicate = kNoTerm;
        for (const Quad* q = range.first; q != range.second; ++q) {
            if (q->p != predicate) {
                if (predicate != kNoTerm)
                    m_text += " ;";
                if (topLevel && predicate == kNoTerm) {
                    m_text += ' ';
                } else {
                    m_text += '\n';
                    indent(depth + 1);
                }
                m_text += q->p == m_type ? std::string("a") : term(q->p);
                m_text += ' ';
                predicate = q->p;
            } else {
                m_text += ", ";
            }
            writeObject(q->o, depth + 1);
        }
    }

    void writeObject(TermId object, int depth)
    {
        if (!m_inline.contains(object)) {
            m_text += term(object);
            return;
        }
        if (isList(object)) {
            m_text += '(';
            for (TermId node = object; node != m_nil; node = listPart(node, m_rest)) {
                m_text += ' ';
                writeObject(listPart(node, m_first), depth);
            }
            m_text += " )";
            return;
        }
        const auto it = m_subjects.find(object);
        if (it == m_subjects.end()) {
            m_text += "[]";
            return;
        }
        m_text += '[';
        writePredicates(it->second, depth);
        m_text += '\n';
        indent(depth);
        m_text += ']';
    }

    // The object of `node`'s only quad with `predicate` (lists are checked by isList first).
    TermId listPart(TermId node, TermId predicate) const
    {
        const auto& range = m_subjects.at(node);
        for (const Quad* q = range.first; q != range.second; ++q) {
            if (q->p == predicate)
                return q->o;
        }
        return m_nil;
    }

    // A well-formed list: inline nodes with exactly rdf:first and rdf:rest, ending in rdf:nil.
    bool isList(TermId node) const
    {
        if (m_first == kNoTerm || m_rest == kNoTerm || m_nil == kNoTerm)
            return false;
        std::size_t steps = 0;
        while (node != m_nil) {
            if (!m_inline.contains(node) || ++steps > m_blanks.size())
                return false;
            const auto it = m_subjects.find(node);
            if (it == m_subjects.end() || it->second.second - it->second.first != 2)
                return false;
            const Quad* q = it->second.first;
            // Sorted by predicate id, so rdf:first and rdf:rest come in id order.
            const Quad& firstQuad = q[0].p == m_first ? q[0] : q[1];
            const Quad& restQuad = q[0].p == m_rest ? q[0] : q[1];
            if (firstQuad.p != m_first || restQuad.p != m_rest)
                return false;
            node = restQuad.o;
        }
        return true;
    }

    std::string term(TermId id) const
    {
        const TermView t = m_dict.term(id);
        if (t.isIri())
            return iri(t.value);
        if (t.isBlank())
            return "_:" + std::string(t.value);
        return literal(t);
    }

    std::string iri(std::string_view value) const
    {
        if (auto curie = m_dataset.prefixes().abbreviate(value))
            return *curie;
        return "<" + std::string(value) + ">";
    }

    std::string literal(const TermView& t) const
    {
        if ((t.datatype == vocab::xsdInteger && matchesNumber(t.value, false))
            || (t.datatype == vocab::xsdDecimal && matchesNumber(t.value, true))
            || (t.datatype == vocab::xsdBoolean && (t.value == "true" || t.value == "false")))
            return std::string(t.value);
        std::string out;
        if (t.value.find('\n') != std::string_view::npos) {
            out += "\"\"\"";
            for (const char c : t.value) {
                if (c == '"' || c == '\\')
                    out += '\\';
                if (c == '\r')
                    out += "\\r";
                else
                    out += c;
            }
            out += "\"\"\"";
        } else {
            TermView plain = t;
            plain.datatype = vocab::xsdString;
            plain.language = {};
            out = termToNTriples(plain);
        }
        if (!t.language.empty())
            out += "@" + std::string(t.language);
        else if (t.datatype != vocab::xsdString)
            out += "^^" + iri(t.datatype);
        return out;
    }

    void indent(int depth) { m_text.append(static_cast<std::size_t>(depth) * 4, ' '); }

    void flush(bool always)
    {
        if (!always && m_text.size() < (1 << 20))
            return;
        m_out.write(m_text.data(), static_cast<std::streamsize>(m_text.size()));
        m_text.clear();
        if (!m_out)
            throw Error("cannot write the output");
    }

    const Dataset& m_dataset;
    const Dictionary& m_dict;
    std::ostream& m_out;
    TermId m_type, m_first, m_rest, m_nil;
    std::unordered_map<TermId, BlankUse> m_blanks;
    std::unordered_set<TermId> m_inline;
    std::unordered_map<TermId, std::pair<const Quad*, const Quad*>> m_subjects;
    std::string m_text;
};
} // namespace

void writeTurtle(const Dataset& dataset, std::ostream& out)
{
    TurtleWriter(dataset, out).write();
}

} // namespace evograph::rdf
