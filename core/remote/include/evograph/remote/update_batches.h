#pragma once
// The minimal change from one version of a graph to another as SPARQL 1.1 Update requests for a
// store's named graph, in batches of about N triples each.
//
// Ground triples go as DELETE DATA and INSERT DATA. Blank nodes cannot be named across requests
// (the store gives them its own identities), so each structure of blank nodes that changed (a
// connected component through blank nodes: a restriction, a list) is addressed by its
// surrounding statements: its removed and added triples with the old blank nodes as variables,
// WHERE the old component's statements as they are in the store. New structures go several to
// an INSERT {...} WHERE {...} (Virtuoso refuses blank nodes in INSERT DATA), guarded by FILTER
// NOT EXISTS of the first of them. So every request is idempotent: sending a batch twice
// (resuming after an interruption whose last batch may or may not have arrived) gives the same
// graph. Deletions come first.
//
// A component is never split across batches; one larger than N is a batch of its own, and so is
// every operation with a template (stores compile several badly; see the source). DATA blocks
// hold at most kMaxDataTriples triples each (Virtuoso's SPARQL parser gives up near 5,000), a batch
// as many blocks as it needs. Where the store has a Graph Store Protocol endpoint, ground
// insertions go as GSP POST of N-Triples instead (merging is idempotent too, and much faster).

#include "evograph/diff/graph_diff.h"
#include "evograph/rdf/dataset.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace evograph::remote {

inline constexpr std::size_t kMaxDataTriples = 2000;
// Triples in one INSERT template (Virtuoso's SQL generation gives up near 1,000).
inline constexpr std::size_t kMaxTemplateTriples = 500;

struct UpdateBatch {
    std::string request; // one SPARQL Update request (operations separated by ';'), or empty
    std::string ntriples; // or ground triples to merge in by GSP POST
    std::size_t deletes = 0, inserts = 0; // triples
};

struct UpdatePlan {
    std::vector<UpdateBatch> batches;
    std::size_t deletes = 0, inserts = 0;
    std::size_t blankGroups = 0; // structures addressed by their surrounding statements
};

// For OLD and NEW compared by value (literal_values.h): each value-form literal and the literal
// OLD (NEW) wrote it as, so that requests carry the lexical forms the versions have.
struct LexicalForms {
    std::unordered_map<rdf::TermId, rdf::TermId> old, updated;
};

// OLD and NEW share one Dictionary and are finalized graphs; `diff` is diffDatasets(OLD, NEW).
UpdatePlan planUpdate(const rdf::Dataset& oldData, const rdf::Dataset& newData, const diff::GraphDiff& diff,
    const std::string& graphIri, std::size_t batchTriples, bool insertsByGraphStore = false,
    const LexicalForms* forms = nullptr);

} // namespace evograph::remote
