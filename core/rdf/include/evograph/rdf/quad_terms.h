#pragma once
// What the diff and the patch code do with the terms of one quad: visit its blank nodes, map
// them to other nodes, and hash the quad for sets.

#include "evograph/engine/hashing.h"
#include "evograph/rdf/dataset.h"

#include <unordered_map>

namespace evograph::diff::detail {

// Calls f(node) for each blank node of the quad's subject, object and graph (a predicate never is one).
template <typename F> void forEachBlank(const rdf::Dictionary& dictionary, const rdf::Quad& quad, F f)
{
    for (const rdf::TermId t : {quad.s, quad.o, quad.g})
        if (t != rdf::kNoTerm && dictionary.isBlank(t))
            f(t);
}

inline bool hasBlank(const rdf::Dictionary& dictionary, const rdf::Quad& quad)
{
    bool found = false;
    forEachBlank(dictionary, quad, [&](rdf::TermId) { found = true; });
    return found;
}

// The quad with every term found in `map` replaced by what it maps to.
inline rdf::Quad mapped(const rdf::Quad& quad, const std::unordered_map<rdf::TermId, rdf::TermId>& map)
{
    auto to = [&](rdf::TermId t) {
        const auto it = map.find(t);
        return it == map.end() ? t : it->second;
    };
    return {to(quad.s), quad.p, to(quad.o), quad.g == rdf::kNoTerm ? quad.g : to(quad.g)};
}

struct QuadHash {
    std::size_t operator()(const rdf::Quad& q) const
    {
        return engine::combine(engine::combine(q.s, q.p), engine::combine(q.o, q.g));
    }
};

} // namespace evograph::diff::detail
