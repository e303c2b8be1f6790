#pragma once
// Approximate nearest neighbours through a hierarchical navigable small-world graph (Malkov and
// Yashunin): each vector links to M neighbours per level (2M on level 0), chosen by the
// diversity heuristic; a search descends greedily from the top level and explores level 0 with
// a candidate list of ef. Vectors are kept for traversal as f32, f16, int8 or product-
// quantization codes; with the compressed kinds the best candidates are re-ranked with the
// exact vectors. Building is multi-threaded (node-striped locks); adding later is incremental;
// removing marks a tombstone (never returned, still traversed) until rebuild() drops them.
#include "evograph/vector/flat_index.h"
#include "evograph/vector/product_quantizer.h"

#include <memory>
#include <mutex>
#include <span>
#include <unordered_map>

namespace evograph::vector {

namespace detail {
class Codec;
class VisitedPool;
} // namespace detail

struct HnswParams {
    std::size_t m = 16; // the seed document's defaults: M 16, efConstruction 200, efSearch 50
    std::size_t efConstruction = 200;
    std::size_t efSearch = 50;
    Storage storage = Storage::F32;
    std::size_t rerank = 0; // default re-rank for compressed storage (0: max(k, ef))
    std::uint64_t seed = 100;
};

struct BuildOptions {
    engine::ThreadPool* pool = nullptr;
    std::size_t threads = 1;
    engine::CancellationToken cancel;
    engine::ProgressCallback progress; // vectors inserted of the batch
};

class HnswIndex {
public:
    // Vectors kept as params.storage.
    HnswIndex(std::size_t dim, Metric metric, const HnswParams& params);
    // Vectors kept as the quantizer's codes (trained, of the same dimension and metric).
    HnswIndex(std::size_t dim, Metric metric, const HnswParams& params, std::shared_ptr<const ProductQuantizer> pq);
    ~HnswIndex();
    HnswIndex(HnswIndex&&) noexcept;
    HnswIndex& operator=(HnswIndex&&) noexcept;

    std::size_t dim() const { return m_dim; }
    Metric metric() const { return m_metric; }
    const HnswParams& params() const { return m_params; }
    const ProductQuantizer* quantizer() const { return m_pq.get(); }
    std::size_t size() const { return m_labels.size() - m_deletedCount; } // live vectors
    std::size_t nodes() const { return m_labels.size(); } // live and tombstoned
    std::size_t deletedCount() const { return m_deletedCount; }
    std::size_t memoryBytes() const;
    // What a search reads per vector: its code and its links.
    double bytesPerVector() const;

    // Throws evograph::Error for a wrong dimension, a NaN or infinity, or an id already present
    // (nothing is added then); Cancelled when cancelled (the vectors inserted so far stay).
    void add(const VectorSet& vectors, std::span<const VectorId> ids = {}, const BuildOptions& options = {});
    // Marks the vector deleted; false when the id is not there (or already deleted).
    bool remove(VectorId id);
    // A new graph over the live vectors only.
    void rebuild(const BuildOptions& options = {});

    SearchResults search(const VectorSet& queries, const SearchOptions& options = {}) const;

    // The pieces persistence writes and reads back (vector/index_file.cpp).
    struct Graph {
        std::vector<VectorId> labels;
        std::vector<std::uint8_t> deleted;
        std::vector<std::int32_t> levels;
        std::vector<std::uint32_t> level0; // per node: count, then 2M ids
        std::vector<std::uint32_t> upper; // per node and level above 0: count, then M ids
        std::vector<std::uint8_t> codes; // per node: the codec's bytes
        std::vector<float> originals; // per node: the exact vector (empty for plain f32 storage)
        std::int64_t entry = -1;
        std::int32_t maxLevel = -1;
    };
    Graph graph() const;
    // Throws evograph::Error when the pieces do not fit together (a corrupt file).
    void setGraph(Graph graph);

private:
    struct Candidate {
        float distance;
        std::uint32_t node;
        bool operator<(const Candidate& other) const { return distance < other.distance; }
    };
    template <typename Distance>
    std::vector<Candidate> searchLayer(std::uint32_t entry, float entryDistance, int level, std::size_t ef,
        const Distance& distance, const std::function<bool(std::uint32_t)>* accept, bool lock) const;
    template <typename Distance>
    std::pair<std::uint32_t, float> greedy(
        std::uint32_t entry, float entryDistance, int from, int to, const Distance& distance, bool lock) const;
    std::vector<Candidate> selectNeighbours(std::vector<Candidate> candidates, std::size_t m) const;
    void insert(std::uint32_t node);
    void connect(std::uint32_t node, std::vector<Candidate> found, int level);

    std::uint32_t* links(std::uint32_t node, int level);
    const std::uint32_t* links(std::uint32_t node, int level) const;
    // A node's level-0 block: its link count, 2M links, then its code (read together, as hnswlib does).
    std::uint8_t* block(std::uint32_t node) { return m_level0.data() + std::size_t(node) * m_blockBytes; }
    const std::uint8_t* block(std::uint32_t node) const { return m_level0.data() + std::size_t(node) * m_blockBytes; }
    const std::uint8_t* code(std::uint32_t node) const { return block(node) + m_linkBytes; }
    const float* original(std::uint32_t node) const;
    float exact(const float* a, const float* b) const;
    int randomLevel(std::uint32_t node) const;
    std::mutex& lockOf(std::uint32_t node) const;

    std::size_t m_dim;
    Metric m_metric;
    HnswParams m_params;
    std::shared_ptr<const ProductQuantizer> m_pq;
    std::unique_ptr<detail::Codec> m_codec;
    std::size_t m_codeBytes = 0;
    bool m_separateOriginals = true; // false for plain f32: the codes are the vectors
    std::size_t m_maxM0 = 0;

    std::vector<VectorId> m_labels;
    std::unordered_map<VectorId, std::uint32_t> m_nodeOf;
    std::vector<std::uint8_t> m_deleted;
    std::size_t m_deletedCount = 0;
    std::vector<std::int32_t> m_levels;
    std::size_t m_linkBytes = 0, m_blockBytes = 0;
    std::vector<std::uint8_t> m_level0; // nodes × block
    std::vector<std::vector<std::uint32_t>> m_upper; // per node: levels × (1 + M)
    std::vector<float> m_originals;
    std::int64_t m_entry = -1;
    std::int32_t m_maxLevel = -1;

    std::unique_ptr<std::mutex[]> m_locks;
    std::unique_ptr<std::mutex> m_entryMutex = std::make_unique<std::mutex>();
    std::unique_ptr<detail::VisitedPool> m_visited;
};

} // namespace evograph::vector
