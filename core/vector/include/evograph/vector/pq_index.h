#pragma once
// Product-quantized exhaustive search ("PQ-flat"): every vector is m bytes of codes; a query
// scores all codes through its distance tables, keeps the best `rerank` candidates and re-ranks
// them with the exact vectors.
#include "evograph/vector/flat_index.h"
#include "evograph/vector/product_quantizer.h"

#include <memory>
#include <unordered_map>

namespace evograph::vector {

class PqIndex {
public:
    // The quantizer is trained on the first vectors added (TrainOptions from `train`).
    PqIndex(std::size_t dim, Metric metric, std::size_t m, std::size_t rerank = 100, TrainOptions train = {});

    std::size_t dim() const { return m_dim; }
    Metric metric() const { return m_metric; }
    std::size_t size() const { return m_ids.size(); }
    std::size_t rerank() const { return m_rerank; }
    const ProductQuantizer& quantizer() const { return *m_pq; }
    std::shared_ptr<const ProductQuantizer> sharedQuantizer() const { return m_pq; }
    std::size_t memoryBytes() const;
    double bytesPerVector() const { return static_cast<double>(m_pq->m()); }

    void add(const VectorSet& vectors, std::span<const VectorId> ids = {}, engine::ThreadPool* pool = nullptr,
        std::size_t threads = 1);
    bool remove(VectorId id);
    SearchResults search(const VectorSet& queries, const SearchOptions& options = {}) const;

    // For persistence: the codes (size × m), exact vectors (size × dim, prepared) and ids.
    const std::vector<std::uint8_t>& codes() const { return m_codes; }
    const std::vector<float>& originals() const { return m_originals; }
    const std::vector<VectorId>& ids() const { return m_ids; }
    void restore(ProductQuantizer quantizer, std::vector<std::uint8_t> codes, std::vector<float> originals,
        std::vector<VectorId> ids);

private:
    std::size_t m_dim;
    Metric m_metric;
    std::size_t m_rerank;
    TrainOptions m_train;
    std::shared_ptr<ProductQuantizer> m_pq;
    std::vector<std::uint8_t> m_codes;
    std::vector<float> m_originals;
    std::vector<VectorId> m_ids;
    std::unordered_map<VectorId, std::size_t> m_rowOf;
};

} // namespace evograph::vector
