#pragma once
// What the diff, the patch and the store code do with the terms of one quad: visit its blank nodes, map
// them to other nodes, and hash the quad for sets.

#include "evograph/engine/hashing.h"
#include "evograph/rdf/dataset.h"

#include <unordered_map>

namespace evograph::rdf {

// Calls f(node) for each blank node of the quad's subject, object and graph (a predicate never is one).
template <typename F> void forEachBlank(const Dictionary& dictionary, const Quad& quad, F f)
{
    for (const TermId t : {quad.s, quad.o, quad.g})
        if (t != kNoTerm && dictionary.isBlank(t))
            f(t);
}

inline bool hasBlank(const Dictionary& dictionary, const Quad& quad)
{
    bool found = false;
    forEachBlank(dictionary, quad, [&](TermId) { found = true; });
    return found;
}

// The quad with every term found in `map` replaced by what it maps to.
inline Quad mapped(const Quad& quad, const std::unordered_map<TermId, TermId>& map)
{
    auto to = [&](TermId t) {
        const auto it = map.find(t);
        return it == map.end() ? t : it->second;
    };
    return {to(quad.s), quad.p, to(quad.o), quad.g == kNoTerm ? quad.g : to(quad.g)};
}

struct QuadHash {
    std::size_t operator()(const Quad& q) const
    {
        return engine::combine(engine::combine(q.s, q.p), engine::combine(q.o, q.g));
    }
};

} // namespace evograph::rdf
