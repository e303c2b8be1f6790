#pragma once
// The difference between two versions of a dataset, blank-node aware.
//
// Ground quads (most of an ontology) are compared by a linear merge of the sorted quad arrays.
// Blank nodes are matched across the versions by their own content and position, never by their
// labels: first exactly (colour refinement over both versions at once: equal colours mean equal
// structure in equal places), then, for structures that changed, by the largest share of
// anchored edges (ground neighbours and already matched blank nodes) where it covers more than
// half of both nodes' edges. So a relabelled copy diffs empty, and a restriction whose
// cardinality changed shows as exactly the changed triple.
//
// Any matching gives a correct diff (applying it to OLD gives NEW); the matching only decides
// how small it is. Blank nodes are named by content labels (blank_node_labels.h): OLD's labels
// for nodes OLD has, NEW's labels with an "n" prefix for nodes only NEW has.

#include "evograph/diff/blank_node_labels.h"
#include "evograph/engine/cancellation.h"
#include "evograph/rdf/dataset.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace evograph::diff {

struct DiffOptions {
    engine::CancellationToken cancel;
    engine::ProgressCallback progress; // steps done of 4
};

struct DiffStatistics {
    std::size_t oldQuads = 0, newQuads = 0;
    std::size_t oldBlankNodes = 0, newBlankNodes = 0;
    std::size_t matchedExactly = 0, matchedBySimilarity = 0;
};

struct GraphDiff {
    std::vector<rdf::Quad> removed; // in OLD's terms, sorted
    std::vector<rdf::Quad> added; // in NEW's terms (a matched blank node keeps NEW's id), sorted
    BlankLabelMap labels; // a label for every blank node in removed and added
    std::unordered_map<rdf::TermId, rdf::TermId> blankMatches; // OLD's blank node -> the NEW one it became
    DiffStatistics statistics;

    bool empty() const { return removed.empty() && added.empty(); }
};

// OLD and NEW must share one Dictionary (read both into datasets over the same one) and be
// finalized. Throws evograph::Error otherwise, Cancelled when cancelled.
GraphDiff diffDatasets(const rdf::Dataset& oldData, const rdf::Dataset& newData, const DiffOptions& options = {});

} // namespace evograph::diff
