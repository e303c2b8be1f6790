#pragma once
// Product quantization: a vector is cut into m sub-vectors of dim/m values, each replaced by the
// nearest of 256 centroids learnt for its subspace, so a vector is m bytes (8 × 256 in the seed
// document's example). Training is k-means++ on a sample (seeded, so the same data and seed give
// the same centroids), Lloyd iterations after it; the subspaces train in parallel on the engine's
// threads. A query measures codes through per-subspace tables (asymmetric distance).
#include "evograph/engine/cancellation.h"
#include "evograph/engine/thread_pool.h"
#include "evograph/vector/vectors.h"

#include <cstdint>
#include <vector>

namespace evograph::vector {

struct TrainOptions {
    std::size_t sample = 65536; // vectors the centroids are learnt from (a seeded sample)
    std::size_t iterations = 20; // Lloyd iterations after k-means++
    std::uint64_t seed = 42;
    engine::ThreadPool* pool = nullptr;
    std::size_t threads = 1;
    engine::CancellationToken cancel;
    engine::ProgressCallback progress; // subspaces trained of m
};

class ProductQuantizer {
public:
    static constexpr std::size_t kCentroids = 256;

    // Throws evograph::Error unless m divides dim.
    ProductQuantizer(std::size_t dim, std::size_t m, Metric metric);

    std::size_t dim() const { return m_dim; }
    std::size_t m() const { return m_m; }
    std::size_t subDim() const { return m_dim / m_m; }
    Metric metric() const { return m_metric; }
    bool trained() const { return !m_centroids.empty(); }

    // Needs at least 256 vectors (the vectors an index quantizes, normalised for cosine).
    void train(const VectorSet& vectors, const TrainOptions& options = {});
    // Codes of many vectors (rows × m bytes), a cache-blocked nearest-centroid search per subspace.
    std::vector<std::uint8_t> encode(
        const VectorSet& vectors, engine::ThreadPool* pool = nullptr, std::size_t threads = 1) const;
    void encode(const float* vector, std::uint8_t* code) const;
    void decode(const std::uint8_t* code, float* vector) const;
    // m × 256 distances of the query's sub-vectors to the centroids, lower is nearer: the negated
    // inner product (ip, cos) or the squared distance (l2); a code's distance is the sum of its m.
    std::vector<float> distanceTables(const float* query) const;

    // m × 256 × subDim, subspace by subspace; for saving, and loading through setCentroids.
    const std::vector<float>& centroids() const { return m_centroids; }
    void setCentroids(std::vector<float> centroids);

private:
    std::size_t m_dim, m_m;
    Metric m_metric;
    std::vector<float> m_centroids;
};

} // namespace evograph::vector
