#pragma once
// One vector index of any kind behind one interface, for the CLI, the workspace and the studio:
// flat (exact), HNSW, PQ-flat and HNSW over PQ codes, with their parameters, and the index file
// they are saved to and loaded from:
//   "EVGVIDX\0", format version, kind, metric, storage, dimension, count, parameters,
//   then tagged sections (ids, vectors, graph, codes, centroids, ...),
//   then the SHA-256 of everything before it (64 hex digits).
// Loading checks the checksum first and every size, id and link after it: a truncated or
// altered file is refused with an error naming it, never read into a wrong answer.
#include "evograph/vector/flat_index.h"
#include "evograph/vector/hnsw_index.h"
#include "evograph/vector/pq_index.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace evograph::vector {

namespace detail {
class MemoryAccount;
}

enum class IndexKind : std::uint8_t { Flat, Hnsw, Pq, HnswPq };
std::string_view toString(IndexKind kind); // "flat", "hnsw", "pq", "hnsw-pq"
std::optional<IndexKind> parseIndexKind(std::string_view name);

struct IndexParams {
    IndexKind kind = IndexKind::Flat;
    Metric metric = Metric::InnerProduct;
    Storage storage = Storage::F32; // HNSW's vectors
    std::size_t m = 16, efConstruction = 200, efSearch = 50; // HNSW
    std::size_t pqM = 48; // PQ sub-vectors (256 centroids each)
    std::size_t rerank = 100; // PQ and compressed HNSW: candidates re-ranked exactly
    std::uint64_t seed = 42;
};

// HNSW's parameters among an index's.
HnswParams hnswParams(const IndexParams& params);

class VectorIndex {
public:
    // Throws evograph::Error for parameters the kind cannot take (PQ's m must divide dim, ...).
    VectorIndex(std::size_t dim, const IndexParams& params);
    ~VectorIndex();
    VectorIndex(VectorIndex&&) noexcept;
    VectorIndex& operator=(VectorIndex&&) noexcept;

    const IndexParams& params() const { return m_params; }
    IndexKind kind() const { return m_params.kind; }
    Metric metric() const { return m_params.metric; }
    std::size_t dim() const { return m_dim; }
    std::size_t size() const;
    std::size_t memoryBytes() const;
    // What a search reads per vector (code and links; PQ's exact vectors for re-ranking aside).
    double bytesPerVector() const;

    // An engine task's work: progress over the vectors, cancellation between chunks. PQ kinds
    // train their quantizer on the first vectors added (at least 256).
    void add(const VectorSet& vectors, std::span<const VectorId> ids = {}, const BuildOptions& options = {});
    bool remove(VectorId id);
    SearchResults search(const VectorSet& queries, const SearchOptions& options = {}) const;

    std::string serialize() const;
    // `name` is what errors call the bytes (the file's path).
    static VectorIndex deserialize(std::string_view bytes, const std::string& name);
    void save(const std::string& path) const; // atomically
    static VectorIndex load(const std::string& path);

private:
    void account();

    std::size_t m_dim;
    IndexParams m_params;
    std::variant<std::monostate, FlatIndex, HnswIndex, PqIndex> m_index;
    std::unique_ptr<detail::MemoryAccount> m_memory;
};

} // namespace evograph::vector
