#include "evograph/vector/flat_index.h"

#include "batch_checks.h"
#include "evograph/engine/parallel_for.h"
#include "evograph/error.h"
#include "int8_kernels.h"
#include "top_k.h"

#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>

namespace evograph::vector {

namespace {
// Queries are scored in blocks of at most this many against one panel at a time: the panel stays
// in L1 while the packed queries stream past it (measured best of 32..1024 on 100k × 384).
constexpr std::size_t kQueryBlock = 1024;

std::size_t padded(std::size_t dim)
{
    return (dim + kPadding - 1) / kPadding * kPadding;
}
} // namespace

FlatIndex::FlatIndex(std::size_t dim, Metric metric)
    : m_dim(dim)
    , m_stride(padded(dim))
    , m_metric(metric)
    , m_sketch(dim)
{
    if (dim == 0)
        throw Error("a vector index needs a dimension of at least 1");
}

std::size_t FlatIndex::memoryBytes() const
{
    return m_panels.capacity() * sizeof(float) + m_sketch.memoryBytes() + m_squaredNorms.capacity() * sizeof(float)
        + m_ids.capacity() * sizeof(VectorId) + m_rowOf.size() * (sizeof(VectorId) + sizeof(std::size_t) + 16);
}

void FlatIndex::copyRow(std::size_t row, float* out) const
{
    for (std::size_t k = 0; k < m_dim; ++k)
        out[k] = at(row, k);
}

void FlatIndex::add(const VectorSet& vectors, std::span<const VectorId> ids)
{
    const std::vector<VectorId> newIds
        = detail::newIds(m_dim, vectors, ids, m_ids.size(), [&](VectorId id) { return m_rowOf.contains(id); });
    const std::size_t first = m_ids.size(), total = first + vectors.size();
    m_panels.resize((total + kPanelRows - 1) / kPanelRows * kPanelRows * m_stride, 0.0f);
    m_sketch.resize(total);
    std::vector<float> stored(m_dim);
    for (std::size_t i = 0; i < vectors.size(); ++i) {
        const float* v = vectors.row(i);
        float norm = dot(v, v, m_dim);
        const float scale = m_metric == Metric::Cosine && norm > 0 ? 1.0f / std::sqrt(norm) : 1.0f;
        for (std::size_t k = 0; k < m_dim; ++k)
            at(first + i, k) = stored[k] = v[k] * scale;
        m_sketch.set(first + i, stored.data());
        m_squaredNorms.push_back(m_metric == Metric::Cosine && norm > 0 ? 1.0f : norm);
        m_rowOf.emplace(newIds[i], first + i);
        m_ids.push_back(newIds[i]);
    }
}

bool FlatIndex::remove(VectorId id)
{
    const auto it = m_rowOf.find(id);
    if (it == m_rowOf.end())
        return false;
    const std::size_t row = it->second, last = m_ids.size() - 1;
    m_rowOf.erase(it);
    if (row != last) { // the last row fills the hole
        for (std::size_t k = 0; k < m_dim; ++k)
            at(row, k) = at(last, k);
        m_squaredNorms[row] = m_squaredNorms[last];
        m_sketch.copy(last, row);
        m_ids[row] = m_ids[last];
        m_rowOf[m_ids[row]] = row;
    }
    for (std::size_t k = 0; k < m_dim; ++k) // padding rows are zero
        at(last, k) = 0.0f;
    m_sketch.clear(last);
    m_sketch.resize(last);
    m_squaredNorms.pop_back();
    m_ids.pop_back();
    m_panels.resize((m_ids.size() + kPanelRows - 1) / kPanelRows * kPanelRows * m_stride);
    return true;
}

VectorSet FlatIndex::vectors() const
{
    VectorSet out(size(), m_dim);
    for (std::size_t i = 0; i < size(); ++i)
        copyRow(i, out.row(i));
    return out;
}

std::vector<float> FlatIndex::vector(VectorId id) const
{
    const auto it = m_rowOf.find(id);
    if (it == m_rowOf.end())
        throw Error("no vector with id " + std::to_string(id));
    std::vector<float> out(m_dim);
    copyRow(it->second, out.data());
    return out;
}

std::vector<float> FlatIndex::prepareQueries(const VectorSet& queries, std::vector<float>& squaredNorms) const
{
    const std::size_t nq = queries.size();
    std::vector<float> rows(nq * m_stride, 0.0f);
    squaredNorms.resize(nq);
    for (std::size_t i = 0; i < nq; ++i) {
        float* q = rows.data() + i * m_stride;
        std::memcpy(q, queries.row(i), m_dim * sizeof(float));
        squaredNorms[i] = dot(q, q, m_dim);
        if (m_metric == Metric::Cosine && squaredNorms[i] > 0) {
            const float scale = 1.0f / std::sqrt(squaredNorms[i]);
            for (std::size_t j = 0; j < m_dim; ++j)
                q[j] *= scale;
        }
    }
    return rows;
}

SearchResults FlatIndex::search(const VectorSet& queries, const SearchOptions& options) const
{
    detail::checkQueries(m_dim, queries);
    engine::ScopedTimer timer(engine::MetricsRegistry::global().histogram("vector.search.latency"));
    if (const detail::Int8Path path = detail::int8Path(); path != detail::Int8Path::None && size() > 0)
        return searchNarrow(queries, options, path);
    const std::size_t nq = queries.size(), n = size(), k = options.k;
    const bool l2 = m_metric == Metric::L2;
    std::vector<float> queryNorms;
    const std::vector<float> rows = prepareQueries(queries, queryNorms);
    std::vector<float> packed(rows.size());
    packQueries(rows.data(), nq, m_stride, packed.data());

    const std::size_t threads = std::max<std::size_t>(1, options.threads);
    const std::size_t panels = (n + kPanelRows - 1) / kPanelRows;
    std::atomic<std::uint64_t> done {0};

    // Scores queries [q0, q1) (q0 a multiple of 6, so their packed tiles stay whole) against
    // panels [p0, p1) into heaps[q - q0].
    auto scan = [&](std::size_t q0, std::size_t q1, std::size_t p0, std::size_t p1, std::vector<detail::TopK>& heaps) {
        std::vector<float> scores(std::min(kQueryBlock, q1 - q0) * kPanelRows);
        for (std::size_t qb = q0; qb < q1; qb += kQueryBlock) {
            const std::size_t qn = std::min(kQueryBlock, q1 - qb);
            for (std::size_t p = p0; p < p1; ++p) {
                if (p % 64 == 0)
                    options.cancel.checkpoint();
                const std::size_t first = p * kPanelRows, count = std::min(kPanelRows, n - first);
                dotPanel(packed.data() + qb * m_stride, qn, m_stride, panel(first), m_dim, scores.data(), kPanelRows);
                for (std::size_t i = 0; i < qn; ++i) {
                    detail::TopK& heap = heaps[qb - q0 + i];
                    float* s = scores.data() + i * kPanelRows;
                    // Nearer is higher: the inner product, or 2 q.x - |x|^2 for L2 (|q|^2 is added back at the end).
                    if (l2)
                        for (std::size_t j = 0; j < count; ++j)
                            s[j] = 2 * s[j] - m_squaredNorms[first + j];
                    float best = s[0];
                    for (std::size_t j = 1; j < count; ++j) // most panels beat no heap once they are full
                        best = std::max(best, s[j]);
                    if (best <= heap.threshold())
                        continue;
                    for (std::size_t j = 0; j < count; ++j)
                        if (s[j] > heap.threshold() && (!options.filter || options.filter(m_ids[first + j])))
                            heap.push(s[j], m_ids[first + j]);
                }
                const std::uint64_t now = done.fetch_add(qn) + qn;
                if (options.progress && (p % 256 == 0 || p + 1 == p1))
                    options.progress(now, std::uint64_t(nq) * panels);
            }
        }
    };

    std::vector<detail::TopK> heaps(nq, detail::TopK(k));
    if (threads == 1 || nq >= 6 * threads) {
        // By queries: each thread its share of the queries against every vector.
        const std::size_t share = std::min(kQueryBlock, ((nq + threads - 1) / threads + 5) / 6 * 6);
        engine::parallelFor(options.pool, threads, (nq + share - 1) / share, [&](std::size_t b) {
            const std::size_t q0 = b * share, q1 = std::min(nq, q0 + share);
            std::vector<detail::TopK> local(q1 - q0, detail::TopK(k));
            scan(q0, q1, 0, panels, local);
            std::move(local.begin(), local.end(), heaps.begin() + static_cast<std::ptrdiff_t>(q0));
        });
    } else {
        // By vectors: few queries (an interactive search), each thread a slice of the panels.
        const std::size_t slices = std::max<std::size_t>(1, std::min(threads, panels));
        std::vector<std::vector<detail::TopK>> partial(slices, std::vector<detail::TopK>(nq, detail::TopK(k)));
        engine::parallelFor(options.pool, threads, slices, [&](std::size_t t) {
            const std::size_t per = (panels + slices - 1) / slices;
            scan(0, nq, std::min(panels, t * per), std::min(panels, (t + 1) * per), partial[t]);
        });
        for (const auto& slice : partial)
            for (std::size_t i = 0; i < nq; ++i)
                heaps[i].merge(slice[i]);
    }

    SearchResults results = detail::emptyResults(nq, k, m_metric);
    for (std::size_t i = 0; i < nq; ++i) {
        const auto best = heaps[i].sorted();
        for (std::size_t j = 0; j < best.size(); ++j) {
            results.ids[i * k + j] = best[j].id;
            results.distances[i * k + j] = l2 ? std::max(0.0f, queryNorms[i] - best[j].score) : best[j].score;
        }
    }
    return results;
}

} // namespace evograph::vector
