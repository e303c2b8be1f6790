#include "evograph/remote/update_batches.h"

#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/quad_terms.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

namespace evograph::remote {

namespace {
using rdf::Quad;
using rdf::TermId;

class UnionFind {
public:
    TermId find(TermId t)
    {
        auto it = m_parent.find(t);
        if (it == m_parent.end())
            return t;
        const TermId root = find(it->second);
        it->second = root;
        return root;
    }
    void unite(TermId a, TermId b)
    {
        a = find(a), b = find(b);
        if (a != b)
            m_parent[std::max(a, b)] = std::min(a, b);
    }

private:
    std::unordered_map<TermId, TermId> m_parent;
};

// A changed structure of blank nodes: what goes, what comes, and the old statements that find it.
struct Group {
    std::vector<Quad> removed, added, where;
};

// Writes triples with OLD's blank nodes as variables ?bN (a NEW node matched to an OLD one is the
// OLD one) and NEW's other blank nodes as fresh _:nN, or as variables ?nN inside a guard.
class Writer {
public:
    Writer(const rdf::Dictionary& dictionary, const std::unordered_map<TermId, TermId>& toOld)
        : m_dictionary(dictionary)
        , m_toOld(toOld)
    {
    }

    void triples(std::string& out, const std::vector<Quad>& quads, bool freshAsVariables) const
    {
        for (const Quad& q : quads) {
            term(out, q.s, freshAsVariables);
            out += ' ';
            term(out, q.p, freshAsVariables);
            out += ' ';
            term(out, q.o, freshAsVariables);
            out += " .\n";
        }
    }
    // OLD's blank node or the OLD one a NEW one was matched to; `t` itself when neither.
    TermId oldNode(TermId t) const
    {
        const auto it = m_toOld.find(t);
        return it == m_toOld.end() ? t : it->second;
    }
    bool isFresh(TermId t) const { return m_dictionary.isBlank(t) && m_fresh.contains(t); }
    void markFresh(TermId t) { m_fresh.insert(t); }

private:
    void term(std::string& out, TermId t, bool freshAsVariables) const
    {
        if (!m_dictionary.isBlank(t)) {
            rdf::appendTerm(out, m_dictionary.term(t));
            return;
        }
        if (m_fresh.contains(t))
            out += (freshAsVariables ? "?n" : "_:n") + std::to_string(t);
        else
            out += "?b" + std::to_string(oldNode(t));
    }

    const rdf::Dictionary& m_dictionary;
    const std::unordered_map<TermId, TermId>& m_toOld;
    std::unordered_set<TermId> m_fresh; // NEW's blank nodes matched to none of OLD's
};

struct Operation {
    std::string text;
    std::size_t deletes = 0, inserts = 0;
    bool ntriples = false; // text is N-Triples for a GSP POST
    bool alone = false; // a request of its own (Virtuoso compiles several templates in one request in
                        // superlinear time: 1 takes 0.17 s, 8 take 5.6 s)
};

// A structure that changed: DELETE what goes and INSERT what comes WHERE the old component's
// statements find it. Once the removal ran, WHERE no longer matches; when nothing is removed and
// new blank nodes come, a guard keeps a second run from adding a second copy.
std::string anchoredOperation(const Group& g, const Writer& writer, const std::string& graph)
{
    const std::string open = "GRAPH <" + graph + "> {\n";
    std::string out;
    if (!g.removed.empty()) {
        out += "DELETE { " + open;
        writer.triples(out, g.removed, false);
        out += "} }\n";
    }
    bool fresh = false;
    for (const Quad& q : g.added)
        fresh = fresh || writer.isFresh(q.s) || writer.isFresh(q.o);
    if (!g.added.empty()) {
        out += "INSERT { " + open;
        writer.triples(out, g.added, false);
        out += "} }\n";
    }
    out += "WHERE {\n" + open;
    writer.triples(out, g.where, false);
    out += "}\n";
    if (g.removed.empty() && fresh) {
        out += "FILTER NOT EXISTS { " + open;
        writer.triples(out, g.added, true);
        out += "} }\n";
    }
    return out + "}";
}

// New structures, several to one INSERT, guarded by the first of them: a request runs whole or
// not at all, so when the first is there the request ran. (The one-row VALUES is needed: Virtuoso
// 7.2 evaluates FILTER NOT EXISTS in an otherwise empty group as true.)
std::string freshOperation(const std::vector<const Group*>& groups, const Writer& writer, const std::string& graph)
{
    const std::string open = "GRAPH <" + graph + "> {\n";
    std::string out = "INSERT { " + open;
    for (const Group* g : groups)
        writer.triples(out, g->added, false);
    out += "} }\nWHERE { VALUES ?evographGuard { 1 } FILTER NOT EXISTS { " + open;
    writer.triples(out, groups.front()->added, true);
    return out + "} } }";
}

// Virtuoso 7.2 stores a plain literal as an IRI when one request also holds an IRI with the same
// text ("https://orcid.org/X" beside <https://orcid.org/X>), in INSERT templates even with
// big-data-const. What a request holds, to keep such twins in separate requests.
class TwinGuard {
public:
    explicit TwinGuard(const rdf::Dictionary& d)
        : m_dictionary(d)
    {
    }
    // True when the quads hold a plain literal whose text is an IRI already held, or the reverse.
    bool clashes(const std::vector<Quad>& quads) const
    {
        for (const Quad& q : quads)
            for (const TermId t : {q.s, q.o}) {
                const rdf::TermView v = m_dictionary.term(t);
                if ((v.isIri() && m_literals.contains(std::string(v.value)))
                    || (isPlain(v) && m_iris.contains(std::string(v.value))))
                    return true;
            }
        return false;
    }
    void add(const std::vector<Quad>& quads)
    {
        for (const Quad& q : quads)
            for (const TermId t : {q.s, q.o}) {
                const rdf::TermView v = m_dictionary.term(t);
                if (v.isIri())
                    m_iris.emplace(v.value);
                else if (isPlain(v))
                    m_literals.emplace(v.value);
            }
    }
    void clear() { m_iris.clear(), m_literals.clear(); }

private:
    static bool isPlain(const rdf::TermView& v)
    {
        return v.isLiteral() && v.language.empty()
            && (v.datatype.empty() || v.datatype == "http://www.w3.org/2001/XMLSchema#string");
    }
    const rdf::Dictionary& m_dictionary;
    std::unordered_set<std::string> m_iris, m_literals;
};

enum class Ground { Delete, Insert, Post };

void groundOperations(std::vector<Operation>& out, const std::vector<Quad>& quads, const rdf::Dictionary& d,
    const std::string& graph, std::size_t batch, Ground kind)
{
    const std::size_t size = kind == Ground::Post ? batch : std::min(batch, kMaxDataTriples);
    for (std::size_t begin = 0; begin < quads.size(); begin += size) {
        const std::size_t end = std::min(quads.size(), begin + size);
        Operation op;
        op.ntriples = kind == Ground::Post;
        if (!op.ntriples)
            op.text
                = std::string(kind == Ground::Insert ? "INSERT DATA" : "DELETE DATA") + " { GRAPH <" + graph + "> {\n";
        for (std::size_t i = begin; i < end; ++i) {
            rdf::appendQuad(op.text, d, quads[i]);
            op.text += '\n';
        }
        if (!op.ntriples)
            op.text += "} }";
        (kind == Ground::Delete ? op.deletes : op.inserts) = end - begin;
        out.push_back(std::move(op));
    }
}
} // namespace

UpdatePlan planUpdate(const rdf::Dataset& oldData, const rdf::Dataset& newData, const diff::GraphDiff& diff,
    const std::string& graphIri, std::size_t batchTriples, bool insertsByGraphStore, const LexicalForms* forms)
{
    // A literal as OLD (NEW) wrote it, where the versions were compared by value.
    auto lexical = [&](Quad q, bool updated) {
        if (forms) {
            const auto& map = updated ? forms->updated : forms->old;
            if (const auto it = map.find(q.o); it != map.end())
                q.o = it->second;
        }
        return q;
    };
    const rdf::Dictionary& d = newData.dictionary();
    const std::size_t batch = std::max<std::size_t>(1, batchTriples);
    std::unordered_map<TermId, TermId> toOld;
    for (const auto& [oldNode, newNode] : diff.blankMatches)
        toOld.emplace(newNode, oldNode);
    Writer writer(d, toOld);

    // Structures: OLD's blank components, joined by what the change connects.
    UnionFind components;
    for (const Quad& q : oldData.quads())
        if (d.isBlank(q.s) && d.isBlank(q.o))
            components.unite(q.s, q.o);
    auto blankOf = [&](const Quad& q) { return d.isBlank(q.s) ? q.s : q.o; };
    std::vector<Quad> groundRemoved, groundAdded;
    for (const Quad& q : diff.removed)
        if (!rdf::hasBlank(d, q))
            groundRemoved.push_back(lexical(q, false));
        else if (d.isBlank(q.s) && d.isBlank(q.o))
            components.unite(q.s, q.o);
    for (const Quad& q : diff.added) {
        if (!rdf::hasBlank(d, q)) {
            groundAdded.push_back(lexical(q, true));
            continue;
        }
        for (const TermId t : {q.s, q.o})
            if (d.isBlank(t) && !toOld.contains(t))
                writer.markFresh(t);
        if (d.isBlank(q.s) && d.isBlank(q.o))
            components.unite(writer.oldNode(q.s), writer.oldNode(q.o));
    }
    std::map<TermId, Group> groups; // by component: ordered, so a resumed push makes the same batches
    for (const Quad& q : diff.removed)
        if (rdf::hasBlank(d, q))
            groups[components.find(blankOf(q))].removed.push_back(lexical(q, false));
    for (const Quad& q : diff.added)
        if (rdf::hasBlank(d, q))
            groups[components.find(writer.oldNode(blankOf(q)))].added.push_back(lexical(q, true));
    for (const Quad& q : oldData.quads())
        if (rdf::hasBlank(d, q))
            if (const auto it = groups.find(components.find(blankOf(q))); it != groups.end())
                it->second.where.push_back(lexical(q, false));

    std::vector<Operation> operations;
    groundOperations(operations, groundRemoved, d, graphIri, batch, Ground::Delete);
    std::vector<const Group*> fresh;
    std::size_t freshTriples = 0;
    TwinGuard twins(d);
    auto flushFresh = [&] {
        if (!fresh.empty())
            operations.push_back({freshOperation(fresh, writer, graphIri), 0, freshTriples, false, true});
        fresh.clear();
        freshTriples = 0;
        twins.clear();
    };
    for (const auto& [root, group] : groups) {
        if (!group.where.empty()) {
            operations.push_back(
                {anchoredOperation(group, writer, graphIri), group.removed.size(), group.added.size(), false, true});
            continue;
        }
        if (freshTriples + group.added.size() > std::min(batch, kMaxTemplateTriples) || twins.clashes(group.added))
            flushFresh();
        fresh.push_back(&group);
        freshTriples += group.added.size();
        twins.add(group.added);
    }
    flushFresh();
    groundOperations(operations, groundAdded, d, graphIri, batch, insertsByGraphStore ? Ground::Post : Ground::Insert);

    UpdatePlan plan;
    plan.blankGroups = groups.size();
    bool lastAlone = false;
    for (Operation& op : operations) {
        const bool full = !plan.batches.empty()
            && (plan.batches.back().deletes + plan.batches.back().inserts + op.deletes + op.inserts > batch
                || !plan.batches.back().ntriples.empty() || op.ntriples || op.alone || lastAlone);
        lastAlone = op.alone;
        if (plan.batches.empty() || full)
            plan.batches.emplace_back();
        UpdateBatch& b = plan.batches.back();
        if (op.ntriples)
            b.ntriples = std::move(op.text);
        else
            b.request += (b.request.empty() ? "" : " ;\n") + op.text;
        b.deletes += op.deletes;
        b.inserts += op.inserts;
        plan.deletes += op.deletes;
        plan.inserts += op.inserts;
    }
    return plan;
}

} // namespace evograph::remote
