#pragma once
// What every index checks of a batch before it changes anything, and the results it starts a
// search from (internal to vector/).
#include "evograph/error.h"
#include "evograph/vector/vectors.h"

#include <limits>
#include <span>
#include <string>

namespace evograph::vector::detail {

// The ids the batch gets: `ids`, or size, size + 1, ... Throws evograph::Error for a wrong
// dimension, a NaN or infinity, a count mismatch, or an id `present` already holds.
template <typename Present>
std::vector<VectorId> newIds(
    std::size_t dim, const VectorSet& vectors, std::span<const VectorId> ids, std::size_t size, const Present& present)
{
    if (vectors.dim() != dim && !vectors.empty())
        throw Error("vectors of dimension " + std::to_string(vectors.dim()) + " for an index of dimension "
            + std::to_string(dim));
    if (!ids.empty() && ids.size() != vectors.size())
        throw Error(std::to_string(ids.size()) + " ids for " + std::to_string(vectors.size()) + " vectors");
    requireFinite(vectors);
    std::vector<VectorId> out(vectors.size());
    for (std::size_t i = 0; i < vectors.size(); ++i) {
        out[i] = ids.empty() ? static_cast<VectorId>(size + i) : ids[i];
        if (present(out[i]))
            throw Error("the index already holds a vector with id " + std::to_string(out[i]));
    }
    return out;
}

inline void checkQueries(std::size_t dim, const VectorSet& queries)
{
    if (queries.dim() != dim && !queries.empty())
        throw Error("queries of dimension " + std::to_string(queries.dim()) + " for an index of dimension "
            + std::to_string(dim));
    requireFinite(queries, "query");
}

// k places per query, none filled: id -1 at the worst distance of the metric.
inline SearchResults emptyResults(std::size_t queries, std::size_t k, Metric metric)
{
    SearchResults results;
    results.k = k;
    results.ids.assign(queries * k, -1);
    results.distances.assign(queries * k,
        metric == Metric::L2 ? std::numeric_limits<float>::infinity() : -std::numeric_limits<float>::infinity());
    return results;
}

} // namespace evograph::vector::detail
