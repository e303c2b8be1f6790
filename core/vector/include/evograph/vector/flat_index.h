#pragma once
// Exact nearest-neighbour search: every vector is scored against every query. The vectors are
// kept in panels of 16 (k-major, as BLAS packs a matrix), so a batch of queries is a cache-blocked
// matrix product with a 6 × 16 register tile (the dotPanel kernel) whose scores feed one bounded
// heap per query; the work is split over the engine's threads by queries, or by vectors when
// there are few queries (an interactive search).
//
// On a CPU with VNNI (AVX-512 or AVX-VNNI) the first pass is narrower and exact all the same: every
// vector is scored in int8 (int8_sketch.h) with a bound on that score's error; the k-th best lower
// bound rules out every vector whose upper bound is below it, and the few that remain are scored
// again in f32. The answer is the f32 answer: the bound is proved, not tuned.
#include "evograph/engine/cancellation.h"
#include "evograph/engine/thread_pool.h"
#include "evograph/vector/aligned_vector.h"
#include "evograph/vector/int8_sketch.h"
#include "evograph/vector/kernels.h"
#include "evograph/vector/vectors.h"

#include <functional>
#include <span>
#include <unordered_map>

namespace evograph::vector {

namespace detail {
enum class Int8Path : std::uint8_t;
}

struct SearchOptions {
    std::size_t k = 10;
    std::size_t ef = 0; // HNSW: candidates kept while searching (0: the index's efSearch; at least k)
    std::size_t rerank = 0; // compressed storage and PQ: candidates re-ranked exactly (0: the index's default)
    std::function<bool(VectorId)> filter; // empty: every vector; else only those it accepts
    engine::ThreadPool* pool = nullptr; // with `threads` > 1: where the helpers run
    std::size_t threads = 1;
    engine::CancellationToken cancel;
    engine::ProgressCallback progress;
};

class FlatIndex {
public:
    FlatIndex(std::size_t dim, Metric metric);

    std::size_t dim() const { return m_dim; }
    Metric metric() const { return m_metric; }
    std::size_t size() const { return m_ids.size(); }
    std::size_t memoryBytes() const;

    // Adds the vectors under `ids` (default: size(), size() + 1, ...). Throws evograph::Error for a
    // wrong dimension, a NaN or infinity, or an id already present; nothing is added then.
    void add(const VectorSet& vectors, std::span<const VectorId> ids = {});
    // Removes a vector; false when the id is not there.
    bool remove(VectorId id);
    bool contains(VectorId id) const { return m_rowOf.contains(id); }

    SearchResults search(const VectorSet& queries, const SearchOptions& options = {}) const;

    // The vectors as stored (normalised for cosine), and their ids, in row order.
    VectorSet vectors() const;
    const std::vector<VectorId>& ids() const { return m_ids; }
    // The stored vector of `id` (normalised for cosine); throws evograph::Error when absent.
    std::vector<float> vector(VectorId id) const;

private:
    const float* panel(std::size_t i) const { return m_panels.data() + i / kPanelRows * kPanelRows * m_stride; }
    float& at(std::size_t row, std::size_t k)
    {
        return m_panels[row / kPanelRows * kPanelRows * m_stride + k * kPanelRows + row % kPanelRows];
    }
    float at(std::size_t row, std::size_t k) const
    {
        return m_panels[row / kPanelRows * kPanelRows * m_stride + k * kPanelRows + row % kPanelRows];
    }
    void copyRow(std::size_t row, float* out) const;
    // The VNNI first pass and the f32 re-rank of what it cannot rule out (flat_narrow_search.cpp).
    SearchResults searchNarrow(const VectorSet& queries, const SearchOptions& options, detail::Int8Path path) const;
    // Queries normalised for cosine, zero-padded to the stride, and their squared norms.
    std::vector<float> prepareQueries(const VectorSet& queries, std::vector<float>& squaredNorms) const;

    std::size_t m_dim;
    std::size_t m_stride; // dim rounded up to kPadding; the padding is zero
    Metric m_metric;
    detail::AlignedVector<float> m_panels; // rows in panels of kPanelRows, k-major
    std::vector<float> m_squaredNorms; // for L2
    std::vector<VectorId> m_ids;
    std::unordered_map<VectorId, std::size_t> m_rowOf;
    detail::Int8Sketch m_sketch; // the narrow copy for the first pass
};

} // namespace evograph::vector
