// Evaluates parsed SPARQL Update operations and ASK queries over an rdf::Dataset.
//
// Solutions are rows of term ids (0: unbound), one column per variable. Groups are evaluated
// left to right, each element extending the rows it is given ("seeded" evaluation): triple
// patterns look their quads up in a sorted index chosen by what is bound, OPTIONAL and EXISTS
// evaluate their group once per row, FILTERs apply at the end of their group.
#include "ast.h"
#include "evograph/error.h"
#include "evograph/sparql/update.h"
#include "functions.h"

#include <algorithm>
#include <numeric>

namespace evograph::sparql {

using namespace detail;
using rdf::Quad;
using rdf::TermId;

namespace {
struct Rows {
    std::size_t width = 0;
    std::vector<TermId> cells;

    std::size_t size() const { return width ? cells.size() / width : cells.size(); }
    const TermId* row(std::size_t i) const { return cells.data() + i * width; }
    void append(const TermId* row) { cells.insert(cells.end(), row, row + width); }
};

// Which quads a pattern's graph position admits.
struct GraphScope {
    enum class Kind { Fixed, Variable } kind = Kind::Fixed;
    TermId graph = rdf::kNoTerm; // Fixed
    std::uint32_t var = 0; // Variable: ranges over every graph but the default one
    TermId defaultGraph = rdf::kNoTerm;
};

// Sorted permutations of the dataset's quads for lookups by subject (the dataset's own order),
// by predicate (p, o, s) and by object (o, s, p). Built when first needed.
class QuadIndex {
public:
    explicit QuadIndex(const rdf::Dataset& data)
        : m_quads(data.quads())
    {
    }

    // The quads matching the bound positions (kNoTerm: any); the caller checks the graph.
    template <typename Visit> void match(TermId s, TermId p, TermId o, Visit&& visit)
    {
        const auto check = [&](const Quad& q) {
            if ((p == rdf::kNoTerm || q.p == p) && (o == rdf::kNoTerm || q.o == o) && (s == rdf::kNoTerm || q.s == s))
                visit(q);
        };
        if (s != rdf::kNoTerm) {
            auto it = std::lower_bound(m_quads.begin(), m_quads.end(), Quad {s, p, rdf::kNoTerm, rdf::kNoTerm});
            for (; it != m_quads.end() && it->s == s && (p == rdf::kNoTerm || it->p == p); ++it)
                check(*it);
        } else if (p != rdf::kNoTerm) {
            scan(
                byPredicate(), p, o,
                [](const Quad& q) {
                    return std::pair {q.p, q.o};
                },
                check);
        } else if (o != rdf::kNoTerm) {
            scan(
                byObject(), o, rdf::kNoTerm,
                [](const Quad& q) {
                    return std::pair {q.o, q.s};
                },
                check);
        } else {
            for (const Quad& q : m_quads)
                visit(q);
        }
    }

private:
    // Visits the quads of `order` (sorted by `key`) whose key is (first, second); any second when
    // it is kNoTerm.
    template <typename Key, typename Visit>
    void scan(const std::vector<std::uint32_t>& order, TermId first, TermId second, Key key, Visit&& visit)
    {
        auto it = std::partition_point(order.begin(), order.end(), [&](std::uint32_t i) {
            const auto [a, b] = key(m_quads[i]);
            return a < first || (a == first && b < second);
        });
        for (; it != order.end(); ++it) {
            const auto [a, b] = key(m_quads[*it]);
            if (a != first || (second != rdf::kNoTerm && b != second))
                return;
            visit(m_quads[*it]);
        }
    }

    const std::vector<std::uint32_t>& byPredicate()
    {
        return sorted(m_byPredicate, [&](std::uint32_t a, std::uint32_t b) {
            const Quad &x = m_quads[a], &y = m_quads[b];
            return std::tie(x.p, x.o, x.s, x.g) < std::tie(y.p, y.o, y.s, y.g);
        });
    }
    const std::vector<std::uint32_t>& byObject()
    {
        return sorted(m_byObject, [&](std::uint32_t a, std::uint32_t b) {
            const Quad &x = m_quads[a], &y = m_quads[b];
            return std::tie(x.o, x.s, x.p, x.g) < std::tie(y.o, y.s, y.p, y.g);
        });
    }
    template <typename Less> const std::vector<std::uint32_t>& sorted(std::vector<std::uint32_t>& order, Less less)
    {
        if (order.empty() && !m_quads.empty()) {
            order.resize(m_quads.size());
            std::iota(order.begin(), order.end(), 0U);
            std::sort(order.begin(), order.end(), less);
        }
        return order;
    }

    std::span<const Quad> m_quads;
    std::vector<std::uint32_t> m_byPredicate, m_byObject;
};

class Executor {
public:
    Executor(const Request& request, rdf::Dataset& data, const ExecutionScope& scope)
        : m_request(request)
        , m_data(data)
        , m_dictionary(data.dictionary())
        , m_scope(scope)
        , m_functions(data.dictionary())
        , m_width(request.variables.size())
    {
        m_data.finalize();
        for (const Constant& c : request.constants)
            m_constants.push_back(m_dictionary.intern({c.kind, c.value, c.datatype, c.language}));
    }

    bool ask()
    {
        m_index.emplace(m_data);
        return evaluateGroup(*m_request.ask, unitRow(), fixedGraph(m_scope.defaultGraph)).size() > 0;
    }

    void update()
    {
        for (const Operation& op : m_request.operations) {
            m_scope.cancel.checkpoint();
            run(op);
        }
    }

private:
    Rows unitRow() const
    {
        Rows rows;
        rows.width = m_width;
        rows.cells.assign(m_width, rdf::kNoTerm);
        return rows;
    }
    GraphScope fixedGraph(TermId graph) const { return {GraphScope::Kind::Fixed, graph, 0, m_scope.defaultGraph}; }

    TermId resolve(const Node& node, const TermId* row) const
    {
        switch (node.kind) {
        case Node::Kind::Var:
            return row[node.index];
        case Node::Kind::Const:
            return m_constants[node.index];
        default:
            return rdf::kNoTerm;
        }
    }

    // --- patterns ---------------------------------------------------------------------------------
    Rows evaluateGroup(const Group& group, Rows rows, const GraphScope& graph)
    {
        std::vector<const Expr*> filters;
        for (const Element& e : group.elements) {
            if (rows.size() == 0)
                return rows;
            m_scope.cancel.checkpoint();
            switch (e.kind) {
            case Element::Kind::Triples:
                rows = matchTriples(e.triples, std::move(rows), graph);
                break;
            case Element::Kind::Filter:
                filters.push_back(&e.expr);
                break;
            case Element::Kind::Group:
                rows = evaluateGroup(*e.group, std::move(rows), graph);
                break;
            case Element::Kind::Optional:
                rows = optional(*e.group, rows, graph);
                break;
            case Element::Kind::Graph:
                rows = graphPattern(e, rows);
                break;
            case Element::Kind::Bind:
                bind(e, rows, graph);
                break;
            case Element::Kind::Values:
                rows = values(e, rows);
                break;
            }
        }
        if (filters.empty())
            return rows;
        Rows kept;
        kept.width = rows.width;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const bool pass = std::all_of(filters.begin(), filters.end(),
                [&](const Expr* f) { return m_functions.truth(evaluate(*f, rows.row(i), graph)).value_or(false); });
            if (pass)
                kept.append(rows.row(i));
        }
        return kept;
    }

    Rows matchTriples(const std::vector<TriplePattern>& patterns, Rows rows, const GraphScope& graph)
    {
        // Most selective first: what is bound in the first row (rows of a group share their bound
        // variables in the patterns migrations write), subject and object weighing most.
        std::vector<const TriplePattern*> order;
        for (const TriplePattern& t : patterns)
            order.push_back(&t);
        std::vector<bool> bound(m_width, false);
        for (std::size_t v = 0; v < m_width; ++v)
            bound[v] = rows.cells[v] != rdf::kNoTerm;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const auto score = [&](const TriplePattern* t) {
                const auto known = [&](const Node& n) { return n.kind != Node::Kind::Var || bound[n.index]; };
                return (known(t->s) ? 4 : 0) + (known(t->o) ? 3 : 0) + (known(t->p) ? 1 : 0);
            };
            std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(i), order.end(),
                [&](const TriplePattern* a, const TriplePattern* b) { return score(a) > score(b); });
            for (const Node* n : {&order[i]->s, &order[i]->p, &order[i]->o})
                if (n->kind == Node::Kind::Var)
                    bound[n->index] = true;
            rows = matchTriple(*order[i], rows, graph);
            if (rows.size() == 0)
                break;
        }
        return rows;
    }

    Rows matchTriple(const TriplePattern& t, const Rows& rows, const GraphScope& graph)
    {
        Rows out;
        out.width = rows.width;
        std::vector<TermId> scratch(rows.width);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const TermId* row = rows.row(i);
            const TermId s = resolve(t.s, row), p = resolve(t.p, row), o = resolve(t.o, row);
            const TermId g = graph.kind == GraphScope::Kind::Variable ? row[graph.var] : graph.graph;
            const bool graphBound = graph.kind == GraphScope::Kind::Fixed || g != rdf::kNoTerm;
            m_index->match(s, p, o, [&](const Quad& q) {
                if (graphBound ? q.g != g : q.g == graph.defaultGraph)
                    return;
                std::copy(row, row + rows.width, scratch.begin());
                const auto bindVar = [&](const Node& n, TermId value) {
                    if (n.kind != Node::Kind::Var)
                        return true;
                    TermId& cell = scratch[n.index];
                    if (cell != rdf::kNoTerm)
                        return cell == value;
                    cell = value;
                    return true;
                };
                if (bindVar(t.s, q.s) && bindVar(t.p, q.p) && bindVar(t.o, q.o)
                    && (graph.kind == GraphScope::Kind::Fixed || bindVar({Node::Kind::Var, graph.var}, q.g)))
                    appendBounded(out, scratch.data());
            });
        }
        return out;
    }

    // Appends a solution; refuses more than the scope allows, and checks for cancellation as joins grow.
    void appendBounded(Rows& rows, const TermId* row) const
    {
        rows.append(row);
        if (rows.size() % 65536 != 0)
            return;
        m_scope.cancel.checkpoint();
        if (rows.size() > m_scope.maxRows)
            throw Error(m_request.name + ": the pattern matches more than " + std::to_string(m_scope.maxRows)
                + " combinations (variables that no pattern connects multiply); connect them or split the update");
    }

    Rows single(const TermId* row) const
    {
        Rows one;
        one.width = m_width;
        one.append(row);
        return one;
    }

    Rows optional(const Group& group, const Rows& rows, const GraphScope& graph)
    {
        Rows out;
        out.width = rows.width;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            Rows extended = evaluateGroup(group, single(rows.row(i)), graph);
            if (extended.size() == 0)
                out.append(rows.row(i));
            else
                out.cells.insert(out.cells.end(), extended.cells.begin(), extended.cells.end());
        }
        return out;
    }

    Rows graphPattern(const Element& e, const Rows& rows)
    {
        if (e.graph.kind == Node::Kind::Const)
            return evaluateGroup(*e.group, rows, fixedGraph(m_constants[e.graph.index]));
        return evaluateGroup(
            *e.group, rows, {GraphScope::Kind::Variable, rdf::kNoTerm, e.graph.index, m_scope.defaultGraph});
    }

    void bind(const Element& e, Rows& rows, const GraphScope& graph)
    {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            TermId* row = rows.cells.data() + i * rows.width;
            if (row[e.var] != rdf::kNoTerm)
                throw Error(m_request.name + ": BIND assigns ?" + m_request.variables[e.var]
                    + ", which the pattern already binds");
            row[e.var] = evaluate(e.expr, row, graph).value_or(rdf::kNoTerm);
        }
    }

    Rows values(const Element& e, const Rows& rows)
    {
        Rows out;
        out.width = rows.width;
        std::vector<TermId> scratch(rows.width);
        for (std::size_t i = 0; i < rows.size(); ++i)
            for (const auto& data : e.valueRows) {
                std::copy(rows.row(i), rows.row(i) + rows.width, scratch.begin());
                bool compatible = true;
                for (std::size_t c = 0; c < e.valueVars.size() && compatible; ++c) {
                    if (!data[c])
                        continue;
                    TermId& cell = scratch[e.valueVars[c]];
                    const TermId value = m_constants[*data[c]];
                    compatible = cell == rdf::kNoTerm || cell == value;
                    cell = value;
                }
                if (compatible)
                    out.append(scratch.data());
            }
        return out;
    }

    // --- expressions ------------------------------------------------------------------------------
    Value evaluate(const Expr& e, const TermId* row, const GraphScope& graph)
    {
        const auto arg = [&](std::size_t i) { return evaluate(e.args[i], row, graph); };
        switch (e.op) {
        case Expr::Op::Const:
            return m_constants[e.index];
        case Expr::Op::Var:
            return row[e.index] != rdf::kNoTerm ? Value(row[e.index]) : std::nullopt;
        case Expr::Op::Or: {
            const auto a = m_functions.truth(arg(0));
            if (a == true)
                return m_functions.boolean(true);
            const auto b = m_functions.truth(arg(1));
            if (b == true)
                return m_functions.boolean(true);
            return a && b ? m_functions.boolean(false) : std::nullopt;
        }
        case Expr::Op::And: {
            const auto a = m_functions.truth(arg(0));
            if (a == false)
                return m_functions.boolean(false);
            const auto b = m_functions.truth(arg(1));
            if (b == false)
                return m_functions.boolean(false);
            return a && b ? m_functions.boolean(true) : std::nullopt;
        }
        case Expr::Op::Not: {
            const auto a = m_functions.truth(arg(0));
            return a ? m_functions.boolean(!*a) : std::nullopt;
        }
        case Expr::Op::Eq:
            return m_functions.compare("=", arg(0), arg(1));
        case Expr::Op::Ne:
            return m_functions.compare("!=", arg(0), arg(1));
        case Expr::Op::Lt:
            return m_functions.compare("<", arg(0), arg(1));
        case Expr::Op::Gt:
            return m_functions.compare(">", arg(0), arg(1));
        case Expr::Op::Le:
            return m_functions.compare("<=", arg(0), arg(1));
        case Expr::Op::Ge:
            return m_functions.compare(">=", arg(0), arg(1));
        case Expr::Op::Add:
            return m_functions.arithmetic('+', arg(0), arg(1));
        case Expr::Op::Sub:
            return m_functions.arithmetic('-', arg(0), arg(1));
        case Expr::Op::Mul:
            return m_functions.arithmetic('*', arg(0), arg(1));
        case Expr::Op::Div:
            return m_functions.arithmetic('/', arg(0), arg(1));
        case Expr::Op::Negate:
            return m_functions.negate(arg(0));
        case Expr::Op::Plus:
            return m_functions.plus(arg(0));
        case Expr::Op::In:
        case Expr::Op::NotIn:
            return in(e, row, graph);
        case Expr::Op::Exists:
        case Expr::Op::NotExists: {
            const bool found = evaluateGroup(*e.pattern, single(row), graph).size() > 0;
            return m_functions.boolean(found == (e.op == Expr::Op::Exists));
        }
        case Expr::Op::Call:
            return call(e, row, graph);
        }
        return std::nullopt;
    }

    Value in(const Expr& e, const TermId* row, const GraphScope& graph)
    {
        const Value left = evaluate(e.args[0], row, graph);
        bool error = false;
        for (std::size_t i = 1; i < e.args.size(); ++i) {
            const Value equal = m_functions.equals(left, evaluate(e.args[i], row, graph));
            if (!equal)
                error = true;
            else if (m_functions.truth(equal) == true)
                return m_functions.boolean(e.op == Expr::Op::In);
        }
        return error ? std::nullopt : m_functions.boolean(e.op == Expr::Op::NotIn);
    }

    Value call(const Expr& e, const TermId* row, const GraphScope& graph)
    {
        if (e.function == "BOUND")
            return m_functions.boolean(row[e.args[0].index] != rdf::kNoTerm);
        if (e.function == "IF") {
            const auto condition = m_functions.truth(evaluate(e.args[0], row, graph));
            return condition ? evaluate(e.args[*condition ? 1 : 2], row, graph) : std::nullopt;
        }
        if (e.function == "COALESCE") {
            for (const Expr& a : e.args)
                if (const Value v = evaluate(a, row, graph))
                    return v;
            return std::nullopt;
        }
        std::vector<Value> args;
        for (const Expr& a : e.args)
            args.push_back(evaluate(a, row, graph));
        return m_functions.call(e.function, args);
    }

    // --- updates ----------------------------------------------------------------------------------
    // The quads a template gives for one row, skipping those with an unbound or ill-placed term.
    void instantiate(const std::vector<QuadTemplate>& templates, const TermId* row, TermId defaultGraph,
        std::vector<TermId>& blanks, std::vector<Quad>& out)
    {
        std::fill(blanks.begin(), blanks.end(), rdf::kNoTerm);
        const auto value = [&](const Node& n) -> TermId {
            if (n.kind == Node::Kind::Blank) {
                TermId& b = blanks[n.index];
                if (b == rdf::kNoTerm)
                    b = m_dictionary.freshBlank();
                return b;
            }
            if (n.kind == Node::Kind::DefaultGraph)
                return defaultGraph;
            return resolve(n, row);
        };
        for (const QuadTemplate& t : templates) {
            const Quad q {value(t.s), value(t.p), value(t.o), value(t.g)};
            if (q.s == rdf::kNoTerm || q.p == rdf::kNoTerm || q.o == rdf::kNoTerm)
                continue;
            if (m_dictionary.kind(q.s) == rdf::TermKind::Literal || m_dictionary.kind(q.p) != rdf::TermKind::Iri)
                continue;
            if (t.g.kind != Node::Kind::DefaultGraph
                && (q.g == rdf::kNoTerm || m_dictionary.kind(q.g) != rdf::TermKind::Iri))
                continue;
            out.push_back(q);
        }
    }

    void run(const Operation& op)
    {
        const TermId defaultGraph = op.with ? m_constants[op.with->index] : m_scope.defaultGraph;
        std::vector<Quad> deletes, inserts;
        std::vector<TermId> blanks(m_request.templateBlanks);
        if (op.kind == Operation::Kind::Modify) {
            m_index.emplace(m_data);
            const Rows rows = evaluateGroup(op.where, unitRow(), fixedGraph(defaultGraph));
            for (std::size_t i = 0; i < rows.size(); ++i) {
                if (i % 4096 == 0)
                    m_scope.cancel.checkpoint();
                instantiate(op.deletes, rows.row(i), defaultGraph, blanks, deletes);
                instantiate(op.inserts, rows.row(i), defaultGraph, blanks, inserts);
            }
        } else {
            const std::vector<TermId> none(m_width, rdf::kNoTerm);
            instantiate(op.deletes, none.data(), defaultGraph, blanks, deletes);
            instantiate(op.inserts, none.data(), defaultGraph, blanks, inserts);
        }
        m_index.reset();
        apply(std::move(deletes), std::move(inserts));
    }

    // Deletes first, then inserts, as the specification orders them.
    void apply(std::vector<Quad> deletes, std::vector<Quad> inserts)
    {
        if (deletes.empty() && inserts.empty())
            return;
        const auto sortUnique = [](std::vector<Quad>& quads) {
            std::sort(quads.begin(), quads.end());
            quads.erase(std::unique(quads.begin(), quads.end()), quads.end());
        };
        sortUnique(deletes);
        sortUnique(inserts);
        const std::span<const Quad> current = m_data.quads();
        std::vector<Quad> kept;
        kept.reserve(current.size());
        std::set_difference(current.begin(), current.end(), deletes.begin(), deletes.end(), std::back_inserter(kept));
        std::vector<Quad> result;
        result.reserve(kept.size() + inserts.size());
        std::set_union(kept.begin(), kept.end(), inserts.begin(), inserts.end(), std::back_inserter(result));
        m_data.assignSorted(std::move(result));
    }

    const Request& m_request;
    rdf::Dataset& m_data;
    rdf::Dictionary& m_dictionary;
    ExecutionScope m_scope;
    Functions m_functions;
    std::size_t m_width;
    std::vector<TermId> m_constants;
    std::optional<QuadIndex> m_index;
};

// Quads in `a` and not in `b` (both sorted).
std::vector<Quad> difference(std::span<const Quad> a, std::span<const Quad> b)
{
    std::vector<Quad> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}
} // namespace

UpdateEffect executeUpdate(const SparqlRequest& update, rdf::Dataset& data, const ExecutionScope& scope)
{
    if (update.request().ask)
        throw Error(update.request().name + ": an ASK query is not an update");
    data.finalize();
    const std::vector<Quad> before(data.quads().begin(), data.quads().end());
    Executor(update.request(), data, scope).update();
    return {difference(data.quads(), before), difference(before, data.quads())};
}

bool executeAsk(const SparqlRequest& ask, rdf::Dataset& data, const ExecutionScope& scope)
{
    if (!ask.request().ask)
        throw Error(ask.request().name + ": not an ASK query");
    return Executor(ask.request(), data, scope).ask();
}

} // namespace evograph::sparql
