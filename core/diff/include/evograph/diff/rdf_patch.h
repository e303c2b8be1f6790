#pragma once
// RDF Patch (the rdf-delta format, https://afs.github.io/rdf-delta/rdf-patch.html): header rows
// "H id <...> ." and "H prev <...> .", a transaction "TX ." ... "TC ." (or "TA ." to abort),
// prefix rows "PA"/"PD", and data rows "A"/"D" followed by an N-Quads statement.
//
// Blank nodes in a patch carry content labels (blank_node_labels.h): applying a patch computes
// the labels of the target's blank nodes and finds there the nodes the patch names; labels the
// target does not have are new blank nodes.

#include "evograph/diff/graph_diff.h"
#include "evograph/rdf/dataset.h"

#include <optional>
#include <string>
#include <string_view>

namespace evograph::diff {

struct PatchHeader {
    std::string id; // an IRI; empty: derived from the patch's content
    std::string prev; // the patch this one follows; empty: none
};

// The diff as one patch transaction: prefix changes, every D row, then every A row.
std::string writePatch(
    const GraphDiff& diff, const rdf::Dataset& oldData, const rdf::Dataset& newData, const PatchHeader& header = {});

struct PatchReport {
    PatchHeader header;
    std::size_t added = 0, removed = 0; // rows that changed the target
    std::size_t transactions = 0;
};

// Applies the patch to `target` (finalized). Throws evograph::Error naming PATCH:LINE:COL for a
// malformed row, and refuses, leaving `target` unchanged, a patch that does not apply: a D row
// for a quad the target lacks, a blank node label it cannot find, an unfinished transaction.
PatchReport applyPatch(rdf::Dataset& target, std::string_view patch, const std::string& patchName,
    const engine::CancellationToken& cancel = {});

// The patch that undoes `patch` after it was applied to `target`: rows reversed, A and D swapped,
// blank nodes named as they are labelled in the patched dataset. `target` is left unchanged.
std::string invertPatch(const rdf::Dataset& target, std::string_view patch, const std::string& patchName);

} // namespace evograph::diff
