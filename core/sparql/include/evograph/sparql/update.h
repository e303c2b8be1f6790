#pragma once
// The SPARQL 1.1 Update subset migrations need, run over an rdf::Dataset:
//   INSERT DATA, DELETE DATA, DELETE/INSERT ... WHERE (and DELETE WHERE), WITH, PREFIX, BASE,
//   several operations separated by ';', and in WHERE: basic graph patterns (with ';' ',' 'a'
//   and [ ] blank nodes), OPTIONAL, FILTER (incl. EXISTS / NOT EXISTS), BIND, VALUES, GRAPH
//   and nested groups. Expressions: || && ! = != < > <= >= + - * / IN, NOT IN and the functions
//   BOUND IF COALESCE sameTerm isIRI isURI isBLANK isLITERAL isNUMERIC STR LANG DATATYPE IRI URI
//   STRLEN UCASE LCASE CONTAINS STRSTARTS STRENDS CONCAT REGEX LANGMATCHES STRDT STRLANG.
// Anything else (LOAD, DROP, UNION, property paths, aggregates, ...) is refused by the parser
// with evograph::Error at NAME:LINE:COL, before anything runs.
//
// Also ASK queries over the same patterns: the checks of a migration plan.
//
// Semantics follow the specification, with one simplification documented in docs/migrations.md:
// a FILTER inside a nested group or OPTIONAL also sees the bindings of the enclosing group.

#include "evograph/engine/cancellation.h"
#include "evograph/rdf/dataset.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace evograph::sparql {

namespace detail {
struct Request;
}

// A parsed request; cheap to copy, runs against any dataset.
class SparqlRequest {
public:
    explicit SparqlRequest(std::shared_ptr<const detail::Request> request);
    const detail::Request& request() const { return *m_request; }
    // Number of update operations (0 for an ASK).
    std::size_t operations() const;

private:
    std::shared_ptr<const detail::Request> m_request;
};

SparqlRequest parseUpdate(std::string_view text, const std::string& name);
SparqlRequest parseAsk(std::string_view text, const std::string& name);

// Where the request runs: `defaultGraph` is the graph patterns and templates use outside GRAPH
// (kNoTerm: the dataset's default graph); GRAPH ?g ranges over every other graph of the dataset.
struct ExecutionScope {
    rdf::TermId defaultGraph = rdf::kNoTerm;
    engine::CancellationToken cancel;
    // Patterns with unconnected variables multiply (ten `?s ?p ?o` over a thousand triples make
    // 10^30 rows): a solution sequence longer than this is refused with an error naming the bound,
    // instead of filling memory for hours.
    std::size_t maxRows = 50'000'000;
};

// What an update changed: quads really added (not there before) and really removed. Sorted.
struct UpdateEffect {
    std::vector<rdf::Quad> added, removed;
};

// Runs every operation in order, each seeing the previous one's result. `data` is finalized
// before and after. A runtime error (e.g. an IRI() of an invalid string) throws; `data` is then
// left as the operations before it made it, so callers that need all-or-nothing work on a copy or
// inside a transaction.
UpdateEffect executeUpdate(const SparqlRequest& update, rdf::Dataset& data, const ExecutionScope& scope = {});
bool executeAsk(const SparqlRequest& ask, rdf::Dataset& data, const ExecutionScope& scope = {});

} // namespace evograph::sparql
