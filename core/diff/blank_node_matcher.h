#pragma once
// Pairs the blank nodes of OLD with those of NEW: exactly by colour refinement over both
// versions, then greedily by shared anchored edges for structures that changed (see graph_diff.h).

#include "evograph/diff/graph_diff.h"

#include <functional>
#include <span>
#include <unordered_map>

namespace evograph::diff::detail {

// Whether NEW's subject `replacement` is OLD's subject `original` under a new IRI (a rename).
using OwnerReplaced = std::function<bool(rdf::TermId original, rdf::TermId replacement)>;

// OLD's blank node -> NEW's blank node. The quads are each version's quads with a blank node.
// A blank node owned by a ground subject (S P _:x) is matched only to one owned by the same
// subject or by its replacement: blank structures belong to their owner and do not move between
// entities.
std::unordered_map<rdf::TermId, rdf::TermId> matchBlankNodes(const rdf::Dictionary& dictionary,
    std::span<const rdf::Quad> oldQuads, std::span<const rdf::Quad> newQuads, const OwnerReplaced& ownerReplaced,
    const engine::CancellationToken& cancel, DiffStatistics& statistics);

} // namespace evograph::diff::detail
