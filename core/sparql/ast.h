#pragma once
// The parsed form of a SPARQL Update request or ASK query (internal to the migration executor).
// Terms are kept as text until execution interns them into the dataset's Dictionary, so one
// parsed request runs against any dataset.

#include "evograph/error.h"
#include "evograph/rdf/term.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace evograph::sparql::detail {

struct Constant {
    rdf::TermKind kind = rdf::TermKind::Iri;
    std::string value, datatype, language;
    bool operator==(const Constant&) const = default;
};

// A position in a pattern or template: a variable (WHERE blank nodes are hidden variables), a
// constant, a template blank node (a fresh node per solution), or "the default graph".
struct Node {
    enum class Kind : std::uint8_t { Var, Const, Blank, DefaultGraph };
    Kind kind = Kind::DefaultGraph;
    std::uint32_t index = 0;
};

struct TriplePattern {
    Node s, p, o;
};

struct Group;

struct Expr {
    enum class Op : std::uint8_t {
        Const,
        Var,
        Or,
        And,
        Not,
        Eq,
        Ne,
        Lt,
        Gt,
        Le,
        Ge,
        Add,
        Sub,
        Mul,
        Div,
        Negate,
        Plus,
        In,
        NotIn,
        Call,
        Exists,
        NotExists
    };
    Op op = Op::Const;
    std::uint32_t index = 0; // Const: constant, Var: variable
    std::string function; // Call: the upper-case name, e.g. "STRSTARTS"
    std::vector<Expr> args;
    std::shared_ptr<const Group> pattern; // Exists, NotExists
};

struct Element {
    enum class Kind : std::uint8_t { Triples, Optional, Filter, Bind, Values, Graph, Group };
    Kind kind = Kind::Triples;
    std::vector<TriplePattern> triples;
    std::shared_ptr<const Group> group; // Optional, Graph, Group
    Node graph; // Graph
    Expr expr; // Filter, Bind
    std::uint32_t var = 0; // Bind
    std::vector<std::uint32_t> valueVars; // Values
    std::vector<std::vector<std::optional<std::uint32_t>>> valueRows; // constants; none: UNDEF
};

struct Group {
    std::vector<Element> elements;
};

struct QuadTemplate {
    Node s, p, o, g; // g: DefaultGraph unless inside GRAPH
};

struct Operation {
    enum class Kind : std::uint8_t { InsertData, DeleteData, Modify };
    Kind kind = Kind::Modify;
    SourcePosition at;
    std::vector<QuadTemplate> deletes, inserts;
    Group where; // Modify
    std::optional<Node> with; // WITH <g>: the graph used where none is named
};

struct Request {
    std::string name;
    std::vector<std::string> variables; // index -> name ("" for hidden ones)
    std::vector<Constant> constants;
    std::uint32_t templateBlanks = 0;
    std::vector<Operation> operations; // updates
    std::optional<Group> ask; // ASK queries
};

} // namespace evograph::sparql::detail
