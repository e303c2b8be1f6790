// Recursive-descent parser for the SPARQL Update subset (grammar names follow SPARQL 1.1 §19.8).
#include "ast.h"
#include "evograph/rdf/iri.h"
#include "evograph/rdf/vocabulary.h"
#include "evograph/sparql/update.h"
#include "lexer.h"

#include <algorithm>
#include <map>
#include <set>

namespace evograph::sparql {

using namespace detail;
using Kind = Token::Kind;

namespace {
std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

// Functions the executor evaluates, with their argument counts (min, max; max -1: any).
const std::map<std::string, std::pair<int, int>>& builtIns()
{
    static const std::map<std::string, std::pair<int, int>> table
        = {{"BOUND", {1, 1}}, {"IF", {3, 3}}, {"COALESCE", {1, -1}}, {"SAMETERM", {2, 2}}, {"ISIRI", {1, 1}},
            {"ISURI", {1, 1}}, {"ISBLANK", {1, 1}}, {"ISLITERAL", {1, 1}}, {"ISNUMERIC", {1, 1}}, {"STR", {1, 1}},
            {"LANG", {1, 1}}, {"DATATYPE", {1, 1}}, {"IRI", {1, 1}}, {"URI", {1, 1}}, {"STRLEN", {1, 1}},
            {"UCASE", {1, 1}}, {"LCASE", {1, 1}}, {"CONTAINS", {2, 2}}, {"STRSTARTS", {2, 2}}, {"STRENDS", {2, 2}},
            {"CONCAT", {0, -1}}, {"REGEX", {2, 3}}, {"LANGMATCHES", {2, 2}}, {"STRDT", {2, 2}}, {"STRLANG", {2, 2}}};
    return table;
}

// Keywords of SPARQL forms this executor does not run, for a clear refusal.
const std::set<std::string>& refusedForms()
{
    static const std::set<std::string> forms
        = {"LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "USING", "UNION", "MINUS", "SERVICE", "SELECT",
            "CONSTRUCT", "DESCRIBE", "ASK", "GROUP", "ORDER", "LIMIT", "OFFSET", "HAVING", "FROM", "NAMED"};
    return forms;
}

class Parser {
public:
    Parser(std::string_view text, const std::string& name)
        : m_tokens(tokenize(text, name))
        , m_request(std::make_shared<Request>())
    {
        m_request->name = name;
    }

    std::shared_ptr<const Request> update()
    {
        prologue();
        while (!at(Kind::End)) {
            m_request->operations.push_back(operation());
            m_blankLabels.clear();
            if (!accept(";"))
                break;
            prologue();
        }
        if (!at(Kind::End))
            fail("expected ';' between operations, or the end of the request");
        return m_request;
    }

    std::shared_ptr<const Request> ask()
    {
        prologue();
        if (!keyword("ASK"))
            fail("expected ASK");
        next();
        if (keyword("WHERE"))
            next();
        m_request->ask = groupGraphPattern();
        if (!at(Kind::End))
            fail("expected the end of the query after ASK's pattern");
        return m_request;
    }

private:
    // Brackets, groups and blank-node lists nest by recursion: deeper than this, a request is refused
    // instead of overflowing the stack (found by fuzz_sparql_update).
    static constexpr int kMaxNesting = 100;
    struct Nesting {
        explicit Nesting(Parser& parser)
            : m_parser(parser)
        {
            if (++m_parser.m_depth > kMaxNesting)
                m_parser.fail("nested more than " + std::to_string(kMaxNesting) + " levels deep");
        }
        ~Nesting() { --m_parser.m_depth; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;
        Parser& m_parser;
    };
    int m_depth = 0;

    enum class Place { Where, Template, InsertData, DeleteData, DeleteTemplate };

    // --- tokens ---------------------------------------------------------------------------------
    const Token& peek(std::size_t ahead = 0) const { return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)]; }
    const Token& next() { return m_tokens[std::min(m_pos++, m_tokens.size() - 1)]; }
    bool at(Kind kind) const { return peek().kind == kind; }
    bool keyword(std::string_view word, std::size_t ahead = 0) const
    {
        return peek(ahead).kind == Kind::Word && upper(peek(ahead).text) == word;
    }
    bool accept(std::string_view punct)
    {
        if (!peek().punct(punct))
            return false;
        ++m_pos;
        return true;
    }
    void expect(std::string_view punct, std::string_view what)
    {
        if (!accept(punct))
            fail("expected '" + std::string(punct) + "' " + std::string(what));
    }
    static std::string describe(const Token& t)
    {
        switch (t.kind) {
        case Kind::End:
            return "the end of the text";
        case Kind::IriRef:
            return "<" + t.text + ">";
        case Kind::PrefixedName:
            return t.text + ":" + t.local;
        case Kind::Var:
            return "?" + t.text;
        case Kind::String:
            return "a string";
        case Kind::LangTag:
            return "@" + t.text;
        case Kind::BlankLabel:
            return "_:" + t.text;
        default:
            return "'" + t.text + "'";
        }
    }
    [[noreturn]] void fail(const std::string& message, const Token* at = nullptr) const
    {
        const Token& t = at ? *at : peek();
        throw Error({m_request->name, t.line, t.column}, message + " (found " + describe(t) + ")");
    }
    [[noreturn]] void refuse(const Token& t) const
    {
        throw Error({m_request->name, t.line, t.column},
            upper(t.text)
                + " is not supported by evograph's migration executor (it runs INSERT DATA, DELETE DATA and "
                  "DELETE/INSERT ... WHERE with basic graph patterns, OPTIONAL, FILTER, BIND, VALUES and GRAPH)");
    }
    void refuseUnsupportedKeyword() const
    {
        if (at(Kind::Word) && refusedForms().count(upper(peek().text)))
            refuse(peek());
    }

    // --- prologue and terms -----------------------------------------------------------------------
    void prologue()
    {
        for (;;) {
            if (keyword("BASE")) {
                next();
                if (!at(Kind::IriRef))
                    fail("expected <iri> after BASE");
                m_base = resolve(next().text);
            } else if (keyword("PREFIX")) {
                next();
                const Token& name = next();
                if (name.kind != Kind::PrefixedName || !name.local.empty())
                    fail("expected a prefix name such as 'ex:' after PREFIX", &name);
                if (!at(Kind::IriRef))
                    fail("expected <iri> after PREFIX " + name.text + ":");
                m_prefixes[name.text] = resolve(next().text);
            } else {
                return;
            }
        }
    }

    std::string resolve(const std::string& iri) const { return m_base.empty() ? iri : rdf::resolveIri(m_base, iri); }

    std::string iriOf(const Token& t) const
    {
        if (t.kind == Kind::IriRef)
            return resolve(t.text);
        const auto prefix = m_prefixes.find(t.text);
        if (prefix == m_prefixes.end())
            fail("undeclared prefix '" + t.text + ":' (declare it with PREFIX " + t.text + ": <...>)", &t);
        return prefix->second + t.local;
    }

    std::uint32_t constant(Constant c)
    {
        auto& constants = m_request->constants;
        const auto found = std::find(constants.begin(), constants.end(), c);
        if (found != constants.end())
            return static_cast<std::uint32_t>(found - constants.begin());
        constants.push_back(std::move(c));
        return static_cast<std::uint32_t>(constants.size() - 1);
    }
    std::uint32_t iriConstant(std::string iri) { return constant({rdf::TermKind::Iri, std::move(iri), {}, {}}); }

    std::uint32_t variable(const std::string& name)
    {
        auto& vars = m_request->variables;
        const auto found = std::find(vars.begin(), vars.end(), name);
        if (found != vars.end())
            return static_cast<std::uint32_t>(found - vars.begin());
        vars.push_back(name);
        return static_cast<std::uint32_t>(vars.size() - 1);
    }
    std::uint32_t hiddenVariable()
    {
        m_request->variables.emplace_back();
        return static_cast<std::uint32_t>(m_request->variables.size() - 1);
    }

    bool atIri() const { return at(Kind::IriRef) || at(Kind::PrefixedName); }
    bool atLiteral() const
    {
        return at(Kind::String) || at(Kind::Integer) || at(Kind::Decimal) || at(Kind::Double) || keyword("TRUE")
            || keyword("FALSE")
            || ((peek().punct("-") || peek().punct("+"))
                && (peek(1).kind == Kind::Integer || peek(1).kind == Kind::Decimal || peek(1).kind == Kind::Double));
    }

    Constant literal()
    {
        std::string sign;
        if (peek().punct("-") || peek().punct("+"))
            sign = next().text == "-" ? "-" : "+";
        const Token& t = next();
        switch (t.kind) {
        case Kind::Integer:
            return {rdf::TermKind::Literal, sign + t.text, std::string(rdf::vocab::xsdInteger), {}};
        case Kind::Decimal:
            return {rdf::TermKind::Literal, sign + t.text, std::string(rdf::vocab::xsdDecimal), {}};
        case Kind::Double:
            return {rdf::TermKind::Literal, sign + t.text, std::string(rdf::vocab::xsdDouble), {}};
        case Kind::Word:
            return {rdf::TermKind::Literal, upper(t.text) == "TRUE" ? "true" : "false",
                std::string(rdf::vocab::xsdBoolean), {}};
        default:
            break;
        }
        Constant c {rdf::TermKind::Literal, t.text, {}, {}};
        if (at(Kind::LangTag)) {
            c.language = next().text;
            std::transform(c.language.begin(), c.language.end(), c.language.begin(),
                [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        } else if (accept("^^")) {
            if (!atIri())
                fail("expected a datatype IRI after ^^");
            c.datatype = iriOf(next());
        }
        return c;
    }

    // A subject, predicate, object or graph position.
    Node term(Place place)
    {
        const Token& t = peek();
        if (t.kind == Kind::Var) {
            if (place == Place::InsertData || place == Place::DeleteData)
                fail("INSERT DATA and DELETE DATA take no variables");
            next();
            return {Node::Kind::Var, variable(t.text)};
        }
        if (atIri()) {
            next();
            return {Node::Kind::Const, iriConstant(iriOf(t))};
        }
        if (keyword("A") && t.text == "a") {
            next();
            return {Node::Kind::Const, iriConstant(std::string(rdf::vocab::rdfType))};
        }
        if (atLiteral())
            return {Node::Kind::Const, constant(literal())};
        if (t.kind == Kind::BlankLabel || (t.punct("[") && peek(1).punct("]"))) {
            next();
            if (t.punct("["))
                next();
            return blankNode(place, t.kind == Kind::BlankLabel ? t.text : std::string());
        }
        if (t.punct("("))
            fail("RDF collections ( ... ) are not supported in migrations; write the rdf:first/rdf:rest triples");
        refuseUnsupportedKeyword();
        fail("expected a variable, an IRI, a literal or a blank node");
    }

    Node blankNode(Place place, const std::string& label)
    {
        if (place == Place::DeleteData || place == Place::DeleteTemplate)
            fail("blank nodes are not allowed in DELETE templates and DELETE DATA (use a variable)");
        if (!label.empty()) {
            const auto known = m_blankLabels.find(label);
            if (known != m_blankLabels.end())
                return known->second;
        }
        const Node node = place == Place::Where ? Node {Node::Kind::Var, hiddenVariable()}
                                                : Node {Node::Kind::Blank, m_request->templateBlanks++};
        if (!label.empty())
            m_blankLabels.emplace(label, node);
        return node;
    }

    // --- triples ----------------------------------------------------------------------------------
    // TriplesSameSubject: appends its triples (and those of [ ... ] nodes) to `out`.
    void triplesSameSubject(Place place, std::vector<TriplePattern>& out)
    {
        if (peek().punct("[") && !peek(1).punct("]")) {
            const Node subject = blankPropertyList(place, out);
            if (!peek().punct(".") && !peek().punct("}"))
                propertyList(subject, place, out);
            return;
        }
        const Node subject = term(place);
        propertyList(subject, place, out);
    }

    Node blankPropertyList(Place place, std::vector<TriplePattern>& out)
    {
        const Nesting nesting(*this);
        expect("[", "");
        const Node node = blankNode(place, {});
        propertyList(node, place, out);
        expect("]", "to close the blank node's property list");
        return node;
    }

    void propertyList(const Node& subject, Place place, std::vector<TriplePattern>& out)
    {
        for (;;) {
            const Token& verbToken = peek();
            const Node verb = term(place == Place::Where ? Place::Where : place);
            if (verb.kind == Node::Kind::Const && m_request->constants[verb.index].kind != rdf::TermKind::Iri)
                fail("a predicate must be an IRI or a variable", &verbToken);
            if (verb.kind == Node::Kind::Blank)
                fail("a predicate cannot be a blank node", &verbToken);
            if (peek().punct("/") || peek().punct("|") || peek().punct("*") || peek().punct("+"))
                fail("property paths are not supported in migrations");
            for (;;) {
                const Node object
                    = peek().punct("[") && !peek(1).punct("]") ? blankPropertyList(place, out) : term(place);
                out.push_back({subject, verb, object});
                if (!accept(","))
                    break;
            }
            if (!accept(";"))
                return;
            while (accept(";")) { }
            if (peek().punct(".") || peek().punct("]") || peek().punct("}"))
                return;
        }
    }

    // '{' Quads '}' for templates and data: triples, and GRAPH g { triples }.
    std::vector<QuadTemplate> quadPattern(Place place)
    {
        expect("{", "to open the template");
        std::vector<QuadTemplate> quads;
        const auto addTriples = [&](const Node& graph) {
            std::vector<TriplePattern> triples;
            while (!peek().punct("}") && !keyword("GRAPH")) {
                triplesSameSubject(place, triples);
                if (!accept("."))
                    break;
            }
            for (const TriplePattern& t : triples)
                quads.push_back({t.s, t.p, t.o, graph});
        };
        for (;;) {
            addTriples(Node {});
            if (!keyword("GRAPH"))
                break;
            next();
            const Token& graphToken = peek();
            const Node graph = term(place == Place::Where ? Place::Where : place);
            if (graph.kind == Node::Kind::Blank
                || (graph.kind == Node::Kind::Const && m_request->constants[graph.index].kind != rdf::TermKind::Iri))
                fail("a graph name must be an IRI or a variable", &graphToken);
            expect("{", "to open the GRAPH block");
            addTriples(graph);
            expect("}", "to close the GRAPH block");
            accept(".");
        }
        expect("}", "to close the template");
        return quads;
    }

    // --- group graph patterns ---------------------------------------------------------------------
    Group groupGraphPattern()
    {
        const Nesting nesting(*this);
        expect("{", "to open a group graph pattern");
        if (keyword("SELECT"))
            fail("sub-queries are not supported in migrations");
        Group group;
        for (;;) {
            if (accept("}"))
                return group;
            if (accept("."))
                continue;
            if (keyword("OPTIONAL")) {
                next();
                group.elements.push_back(nested(Element::Kind::Optional));
            } else if (keyword("FILTER")) {
                next();
                Element e;
                e.kind = Element::Kind::Filter;
                e.expr = constraint();
                group.elements.push_back(std::move(e));
            } else if (keyword("BIND")) {
                group.elements.push_back(bind());
            } else if (keyword("VALUES")) {
                next();
                group.elements.push_back(values());
            } else if (keyword("GRAPH")) {
                next();
                Element e;
                const Token& graphToken = peek();
                e.graph = term(Place::Where);
                if (e.graph.kind == Node::Kind::Const && m_request->constants[e.graph.index].kind != rdf::TermKind::Iri)
                    fail("a graph name must be an IRI or a variable", &graphToken);
                e.kind = Element::Kind::Graph;
                e.group = std::make_shared<Group>(groupGraphPattern());
                group.elements.push_back(std::move(e));
            } else if (peek().punct("{")) {
                group.elements.push_back(nested(Element::Kind::Group));
                if (keyword("UNION"))
                    refuse(peek());
            } else if (at(Kind::End)) {
                fail("expected '}' to close the group graph pattern");
            } else {
                refuseUnsupportedKeyword();
                if (!startsTriples())
                    fail("expected a triple pattern, OPTIONAL, FILTER, BIND, VALUES, GRAPH or '}'");
                Element e;
                e.kind = Element::Kind::Triples;
                while (startsTriples()) {
                    triplesSameSubject(Place::Where, e.triples);
                    if (!accept("."))
                        break;
                }
                group.elements.push_back(std::move(e));
            }
        }
    }

    // A triples block may begin with a word only when it is 'a' (never a subject), true/false or a
    // prefixed name, which the lexer gives as its own kind.
    bool startsTriples() const
    {
        if (peek().punct("}") || peek().punct("{") || at(Kind::End))
            return false;
        if (at(Kind::Word))
            return keyword("TRUE") || keyword("FALSE");
        return true;
    }

    Element nested(Element::Kind kind)
    {
        Element e;
        e.kind = kind;
        e.group = std::make_shared<Group>(groupGraphPattern());
        return e;
    }

    Element bind()
    {
        next();
        expect("(", "after BIND");
        Element e;
        e.kind = Element::Kind::Bind;
        e.expr = expression();
        if (!keyword("AS"))
            fail("expected AS ?variable in BIND");
        next();
        if (!at(Kind::Var))
            fail("expected a variable after AS");
        e.var = variable(next().text);
        expect(")", "to close BIND");
        return e;
    }

    Element values()
    {
        Element e;
        e.kind = Element::Kind::Values;
        const bool single = at(Kind::Var);
        if (single) {
            e.valueVars.push_back(variable(next().text));
        } else {
            expect("(", "or a variable after VALUES");
            while (at(Kind::Var))
                e.valueVars.push_back(variable(next().text));
            expect(")", "to close VALUES' variables");
        }
        expect("{", "to open VALUES' data");
        while (!accept("}")) {
            if (at(Kind::End))
                fail("expected '}' to close VALUES' data");
            std::vector<std::optional<std::uint32_t>> row;
            if (!single)
                expect("(", "to open a row of VALUES");
            const std::size_t count = single ? 1 : e.valueVars.size();
            for (std::size_t i = 0; i < count; ++i) {
                if (keyword("UNDEF")) {
                    next();
                    row.emplace_back();
                } else if (atIri()) {
                    row.emplace_back(iriConstant(iriOf(next())));
                } else if (atLiteral()) {
                    row.emplace_back(constant(literal()));
                } else {
                    fail("expected an IRI, a literal or UNDEF in VALUES");
                }
            }
            if (!single)
                expect(")", "to close the row (it has one value per variable)");
            e.valueRows.push_back(std::move(row));
        }
        return e;
    }

    // --- expressions ------------------------------------------------------------------------------
    Expr constraint()
    {
        if (peek().punct("("))
            return bracketted();
        if (at(Kind::Word) || atIri())
            return primary();
        fail("expected a bracketed expression or a function call after FILTER");
    }

    Expr bracketted()
    {
        expect("(", "");
        Expr e = expression();
        expect(")", "to close the expression");
        return e;
    }

    static Expr binary(Expr::Op op, Expr left, Expr right)
    {
        Expr e;
        e.op = op;
        e.args.push_back(std::move(left));
        e.args.push_back(std::move(right));
        return e;
    }

    Expr expression()
    {
        const Nesting nesting(*this);
        Expr left = conjunction();
        while (accept("||"))
            left = binary(Expr::Op::Or, std::move(left), conjunction());
        return left;
    }

    Expr conjunction()
    {
        Expr left = relational();
        while (accept("&&"))
            left = binary(Expr::Op::And, std::move(left), relational());
        return left;
    }

    Expr relational()
    {
        Expr left = additive();
        static const std::pair<std::string_view, Expr::Op> kOps[] = {{"=", Expr::Op::Eq}, {"!=", Expr::Op::Ne},
            {"<", Expr::Op::Lt}, {">", Expr::Op::Gt}, {"<=", Expr::Op::Le}, {">=", Expr::Op::Ge}};
        for (const auto& [text, op] : kOps)
            if (accept(text))
                return binary(op, std::move(left), additive());
        const bool negated = keyword("NOT") && keyword("IN", 1);
        if (negated || keyword("IN")) {
            next();
            if (negated)
                next();
            Expr e;
            e.op = negated ? Expr::Op::NotIn : Expr::Op::In;
            e.args.push_back(std::move(left));
            for (Expr& item : argumentList())
                e.args.push_back(std::move(item));
            return e;
        }
        return left;
    }

    Expr additive()
    {
        Expr left = multiplicative();
        for (;;) {
            if (accept("+"))
                left = binary(Expr::Op::Add, std::move(left), multiplicative());
            else if (accept("-"))
                left = binary(Expr::Op::Sub, std::move(left), multiplicative());
            else
                return left;
        }
    }

    Expr multiplicative()
    {
        Expr left = unary();
        for (;;) {
            if (accept("*"))
                left = binary(Expr::Op::Mul, std::move(left), unary());
            else if (accept("/"))
                left = binary(Expr::Op::Div, std::move(left), unary());
            else
                return left;
        }
    }

    Expr unary()
    {
        for (const auto& [text, op] :
            {std::pair {"!", Expr::Op::Not}, std::pair {"-", Expr::Op::Negate}, std::pair {"+", Expr::Op::Plus}})
            if (accept(text)) {
                Expr e;
                e.op = op;
                e.args.push_back(primary());
                return e;
            }
        return primary();
    }

    std::vector<Expr> argumentList()
    {
        expect("(", "to open the argument list");
        std::vector<Expr> args;
        if (accept(")"))
            return args;
        do
            args.push_back(expression());
        while (accept(","));
        expect(")", "to close the argument list");
        return args;
    }

    Expr primary()
    {
        const Token& t = peek();
        if (t.punct("("))
            return bracketted();
        if (t.kind == Kind::Var) {
            next();
            Expr e;
            e.op = Expr::Op::Var;
            e.index = variable(t.text);
            return e;
        }
        if (atLiteral()) {
            Expr e;
            e.index = constant(literal());
            return e;
        }
        if (atIri()) {
            next();
            if (peek().punct("("))
                fail("calls of functions named by IRI (" + iriOf(t) + ") are not supported", &t);
            Expr e;
            e.index = iriConstant(iriOf(t));
            return e;
        }
        if (t.kind == Kind::Word) {
            const std::string name = upper(t.text);
            if (name == "EXISTS" || (name == "NOT" && keyword("EXISTS", 1))) {
                next();
                if (name == "NOT")
                    next();
                Expr e;
                e.op = name == "NOT" ? Expr::Op::NotExists : Expr::Op::Exists;
                e.pattern = std::make_shared<Group>(groupGraphPattern());
                return e;
            }
            const auto builtIn = builtIns().find(name);
            if (builtIn == builtIns().end())
                fail("the function " + t.text + " is not supported in migrations", &t);
            next();
            Expr e;
            e.op = Expr::Op::Call;
            e.function = name;
            if (name == "BOUND") {
                expect("(", "after BOUND");
                if (!at(Kind::Var))
                    fail("BOUND takes a variable");
                Expr var;
                var.op = Expr::Op::Var;
                var.index = variable(next().text);
                e.args.push_back(std::move(var));
                expect(")", "to close BOUND");
                return e;
            }
            e.args = argumentList();
            const auto [least, most] = builtIn->second;
            const int count = static_cast<int>(e.args.size());
            if (count < least || (most >= 0 && count > most))
                fail(name + " takes " + std::to_string(least)
                        + (most == least   ? ""
                                : most < 0 ? " or more"
                                           : " to " + std::to_string(most))
                        + " argument" + (most == 1 && least == 1 ? "" : "s"),
                    &t);
            return e;
        }
        fail("expected an expression");
    }

    // --- operations -------------------------------------------------------------------------------
    Operation operation()
    {
        const Token& start = peek();
        Operation op;
        op.at = {m_request->name, start.line, start.column};
        if (keyword("INSERT") && keyword("DATA", 1)) {
            next(), next();
            op.kind = Operation::Kind::InsertData;
            op.inserts = quadPattern(Place::InsertData);
            return op;
        }
        if (keyword("DELETE") && keyword("DATA", 1)) {
            next(), next();
            op.kind = Operation::Kind::DeleteData;
            op.deletes = quadPattern(Place::DeleteData);
            return op;
        }
        if (keyword("DELETE") && keyword("WHERE", 1)) {
            next(), next();
            op.deletes = quadPattern(Place::DeleteTemplate);
            // The template is the pattern: each triple, in its graph, must match.
            for (const QuadTemplate& q : op.deletes) {
                Element e;
                e.kind = q.g.kind == Node::Kind::DefaultGraph ? Element::Kind::Triples : Element::Kind::Graph;
                Group inner;
                Element triples;
                triples.kind = Element::Kind::Triples;
                triples.triples.push_back({q.s, q.p, q.o});
                if (e.kind == Element::Kind::Graph) {
                    inner.elements.push_back(std::move(triples));
                    e.graph = q.g;
                    e.group = std::make_shared<Group>(std::move(inner));
                    op.where.elements.push_back(std::move(e));
                } else {
                    op.where.elements.push_back(std::move(triples));
                }
            }
            return op;
        }
        if (keyword("WITH")) {
            next();
            if (!atIri())
                fail("expected <iri> after WITH");
            op.with = Node {Node::Kind::Const, iriConstant(iriOf(next()))};
        }
        bool any = false;
        if (keyword("DELETE")) {
            next();
            op.deletes = quadPattern(Place::DeleteTemplate);
            any = true;
        }
        if (keyword("INSERT")) {
            next();
            op.inserts = quadPattern(Place::Template);
            any = true;
        }
        if (!any) {
            refuseUnsupportedKeyword();
            fail("expected INSERT DATA, DELETE DATA, DELETE WHERE, or DELETE/INSERT ... WHERE");
        }
        refuseUnsupportedKeyword();
        if (!keyword("WHERE"))
            fail("expected WHERE after the templates");
        next();
        op.where = groupGraphPattern();
        return op;
    }

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    std::shared_ptr<Request> m_request;
    std::string m_base;
    std::map<std::string, std::string> m_prefixes;
    std::map<std::string, Node> m_blankLabels;
};
} // namespace

SparqlRequest::SparqlRequest(std::shared_ptr<const sparql::Request> request)
    : m_request(std::move(request))
{
}

std::size_t SparqlRequest::operations() const
{
    return m_request->operations.size();
}

SparqlRequest parseUpdate(std::string_view text, const std::string& name)
{
    return SparqlRequest(Parser(text, name).update());
}

SparqlRequest parseAsk(std::string_view text, const std::string& name)
{
    return SparqlRequest(Parser(text, name).ask());
}

} // namespace evograph::sparql
