#pragma once
// Labels for blank nodes that depend only on the graph's content: the same document read twice,
// or re-serialised with other blank node labels, gives every blank node the same label. Diffs
// and RDF Patches name blank nodes this way, so a patch can find the blank nodes it touches in a
// freshly read file.
//
// A label is "b" and 16 hex digits of the node's colour after colour refinement. Nodes that stay
// tied (symmetric structures) are told apart by individualising one of them and refining again,
// which labels automorphic nodes consistently; after kMaxIndividualisations the remaining ties
// are broken by reading order (only highly regular blank-node-only graphs get there).

#include "evograph/engine/cancellation.h"
#include "evograph/rdf/dataset.h"
#include "evograph/rdf/ntriples_writer.h"

#include <string>
#include <unordered_map>

namespace evograph::diff {

using BlankLabelMap = rdf::BlankNames;

inline constexpr int kMaxIndividualisations = 256;

BlankLabelMap contentLabels(const rdf::Dataset& dataset, const engine::CancellationToken& cancel = {});

} // namespace evograph::diff
