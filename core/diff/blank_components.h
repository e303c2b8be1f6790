#pragma once
// Blank structures that no named entity owns (a SWRL rule, an owl:AllDisjointClasses axiom) as
// connected components of the blank node graph, and which components of OLD continue as which of
// NEW (internal to the diff). The matcher keeps the nodes of one such structure from pairing with
// the nodes of another: two rules whose bodies hold the same atoms stay two rules.
#include "blank_structure.h"

#include <unordered_set>
#include <vector>

namespace evograph::diff::detail {

class BlankComponents {
public:
    explicit BlankComponents(const BlankStructure& structure);

    std::size_t of(std::size_t node) const { return m_component[node]; }

    // Relates the components of OLD's nodes (`old[i]`) with those of NEW's: through nodes already
    // paired (`partner`, BlankStructure::kNone when not), and for components with nodes left to
    // pair, each with the one that shares the most of its ground edges (so a component that split
    // or merged relates to each of its parts).
    void relate(const std::vector<std::int32_t>& partner, const std::vector<bool>& old);

    // Whether OLD's component `a` and NEW's component `b` may hold the same structure: they are
    // related, or neither relates to any.
    bool compatible(std::size_t a, std::size_t b) const
    {
        return m_related.contains(key(a, b)) || (!m_hasRelation[a] && !m_hasRelation[b]);
    }

private:
    std::uint64_t key(std::size_t a, std::size_t b) const { return a * m_hasRelation.size() + b; }
    void add(std::size_t a, std::size_t b);

    const BlankStructure& m_structure;
    std::vector<std::size_t> m_component; // by node
    std::unordered_set<std::uint64_t> m_related; // (OLD's component, NEW's component)
    std::vector<bool> m_hasRelation; // by component
};

} // namespace evograph::diff::detail
