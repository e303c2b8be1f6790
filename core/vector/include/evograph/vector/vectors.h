#pragma once
// The vocabulary of the vector engine: ids, metrics, storage kinds, and a dense set of float
// vectors (row-major, one row per vector). Vectors with a NaN or an infinity are refused where
// they enter (evograph::Error naming the row).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace evograph::vector {

using VectorId = std::int64_t;

// Inner product (higher is nearer), squared Euclidean distance (lower is nearer), cosine
// similarity (inner product of the vectors normalised at insert; higher is nearer).
enum class Metric : std::uint8_t { InnerProduct, L2, Cosine };
std::string_view toString(Metric metric); // "ip", "l2", "cos"
std::optional<Metric> parseMetric(std::string_view name);

// How an index keeps its vectors for traversal: 4, 2 or 1 byte per dimension.
enum class Storage : std::uint8_t { F32, F16, Int8 };
std::string_view toString(Storage storage); // "f32", "f16", "int8"
std::optional<Storage> parseStorage(std::string_view name);

class VectorSet {
public:
    VectorSet() = default;
    explicit VectorSet(std::size_t dim)
        : m_dim(dim)
    {
    }
    VectorSet(std::size_t count, std::size_t dim)
        : m_dim(dim)
        , m_data(count * dim, 0.0f)
    {
    }

    std::size_t size() const { return m_dim ? m_data.size() / m_dim : 0; }
    std::size_t dim() const { return m_dim; }
    bool empty() const { return m_data.empty(); }
    const float* row(std::size_t i) const { return m_data.data() + i * m_dim; }
    float* row(std::size_t i) { return m_data.data() + i * m_dim; }
    std::span<const float> rowSpan(std::size_t i) const { return {row(i), m_dim}; }
    const std::vector<float>& values() const { return m_data; }
    std::vector<float>& values() { return m_data; }

    // Throws evograph::Error when `values` does not have dim() entries.
    void append(std::span<const float> values);
    void reserve(std::size_t count) { m_data.reserve(count * m_dim); }

private:
    std::size_t m_dim = 0;
    std::vector<float> m_data;
};

// Throws evograph::Error naming the first row (0-based) holding a NaN or an infinity; `what`
// says whose rows they are ("vector", "query").
void requireFinite(const VectorSet& vectors, std::string_view what = "vector");

// Scales each row to unit length (rows of length 0 stay 0).
void normalizeRows(VectorSet& vectors);

// The k nearest neighbours of each query, nearest first: ids (-1 where fewer than k exist) and
// the metric's value (inner product, squared distance, or cosine).
struct SearchResults {
    std::size_t k = 0;
    std::vector<VectorId> ids; // queries × k
    std::vector<float> distances; // queries × k
    std::size_t queries() const { return k ? ids.size() / k : 0; }
};

} // namespace evograph::vector
