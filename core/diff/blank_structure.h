#pragma once
// The blank-node part of one or more datasets as a small graph of its own, and colour refinement
// over it: each blank node's colour summarises its ground neighbourhood (by term content, so
// equal structures get equal colours in any dictionary or run), refined by its blank neighbours'
// colours until the partition stops splitting. Shared by blank node labelling and matching.

#include "evograph/engine/cancellation.h"
#include "evograph/engine/hashing.h"
#include "evograph/rdf/dataset.h"

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace evograph::diff::detail {

using Colour = std::uint64_t;

using engine::combine;
using engine::mix;

class BlankStructure {
public:
    static constexpr std::int32_t kNone = -1;

    // One quad seen from one of its blank nodes: what it says about the node without its blank
    // neighbours (`base`), and those neighbours by local index.
    struct Edge {
        std::uint64_t base;
        std::int32_t first = kNone;
        std::int32_t second = kNone;
        // For a quad "S P node" with a ground S: its owner, which decides whose structure this is.
        rdf::TermId ownerSubject = rdf::kNoTerm;
        rdf::TermId ownerPredicate = rdf::kNoTerm;
        // For a quad "B P node" with a blank B: B, the node's parent in the structure.
        std::int32_t parent = kNone;
    };

    // Adds every quad of `quads` that has a blank node. All datasets must share `dictionary`.
    BlankStructure(const rdf::Dictionary& dictionary, std::initializer_list<std::span<const rdf::Quad>> quads);

    std::size_t size() const { return m_nodes.size(); }
    rdf::TermId node(std::size_t index) const { return m_nodes[index]; }
    std::int32_t indexOf(rdf::TermId node) const;
    const std::vector<Edge>& edges(std::size_t index) const { return m_edges[index]; }

    // Colours from the ground neighbourhood alone.
    std::vector<Colour> initialColours() const;
    // Refines until the number of distinct colours stops growing (the stable partition).
    void refine(std::vector<Colour>& colours, const engine::CancellationToken& cancel) const;

private:
    const rdf::Dictionary& m_dictionary;
    std::vector<rdf::TermId> m_nodes;
    std::unordered_map<rdf::TermId, std::int32_t> m_index;
    std::vector<std::vector<Edge>> m_edges;
};

std::size_t distinctCount(std::vector<Colour> colours);

} // namespace evograph::diff::detail
