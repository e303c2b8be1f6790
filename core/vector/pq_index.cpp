#include "evograph/vector/pq_index.h"

#include "batch_checks.h"
#include "codec.h"
#include "evograph/engine/parallel_for.h"
#include "evograph/error.h"
#include "evograph/vector/kernels.h"
#include "top_k.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace evograph::vector {

PqIndex::PqIndex(std::size_t dim, Metric metric, std::size_t m, std::size_t rerank, TrainOptions train)
    : m_dim(dim)
    , m_metric(metric)
    , m_rerank(rerank)
    , m_train(std::move(train))
    , m_pq(std::make_shared<ProductQuantizer>(dim, m, metric))
{
}

std::size_t PqIndex::memoryBytes() const
{
    return m_codes.capacity() + m_originals.capacity() * sizeof(float) + m_ids.capacity() * sizeof(VectorId)
        + m_pq->centroids().capacity() * sizeof(float) + m_rowOf.size() * (sizeof(VectorId) + sizeof(std::size_t) + 16);
}

void PqIndex::add(const VectorSet& input, std::span<const VectorId> ids, engine::ThreadPool* pool, std::size_t threads)
{
    const std::vector<VectorId> newIds
        = detail::newIds(m_dim, input, ids, m_ids.size(), [&](VectorId id) { return m_rowOf.contains(id); });
    VectorSet prepared = input;
    for (std::size_t i = 0; i < prepared.size(); ++i)
        detail::prepareQuery(m_metric, prepared.row(i), m_dim);
    engine::ScopedTimer timer(engine::MetricsRegistry::global().histogram("vector.build.seconds"));
    if (!m_pq->trained()) {
        TrainOptions train = m_train;
        train.pool = pool, train.threads = threads;
        m_pq->train(prepared, train);
    }
    const std::vector<std::uint8_t> codes = m_pq->encode(prepared, pool, threads);
    m_codes.insert(m_codes.end(), codes.begin(), codes.end());
    m_originals.insert(m_originals.end(), prepared.values().begin(), prepared.values().end());
    for (const VectorId id : newIds) {
        m_rowOf.emplace(id, m_ids.size());
        m_ids.push_back(id);
    }
}

bool PqIndex::remove(VectorId id)
{
    const auto it = m_rowOf.find(id);
    if (it == m_rowOf.end())
        return false;
    const std::size_t row = it->second, last = m_ids.size() - 1, m = m_pq->m();
    m_rowOf.erase(it);
    if (row != last) {
        std::memcpy(m_codes.data() + row * m, m_codes.data() + last * m, m);
        std::memcpy(m_originals.data() + row * m_dim, m_originals.data() + last * m_dim, m_dim * sizeof(float));
        m_ids[row] = m_ids[last];
        m_rowOf[m_ids[row]] = row;
    }
    m_codes.resize(last * m);
    m_originals.resize(last * m_dim);
    m_ids.pop_back();
    return true;
}

void PqIndex::restore(ProductQuantizer quantizer, std::vector<std::uint8_t> codes, std::vector<float> originals,
    std::vector<VectorId> ids)
{
    const std::size_t n = ids.size();
    if (quantizer.dim() != m_dim || !quantizer.trained() || codes.size() != n * quantizer.m()
        || originals.size() != n * m_dim)
        throw Error("corrupt PQ index: section sizes do not match " + std::to_string(n) + " vectors");
    std::unordered_map<VectorId, std::size_t> rowOf;
    for (std::size_t i = 0; i < n; ++i)
        if (!rowOf.emplace(ids[i], i).second)
            throw Error("corrupt PQ index: duplicate id " + std::to_string(ids[i]));
    m_pq = std::make_shared<ProductQuantizer>(std::move(quantizer));
    m_codes = std::move(codes);
    m_originals = std::move(originals);
    m_ids = std::move(ids);
    m_rowOf = std::move(rowOf);
}

SearchResults PqIndex::search(const VectorSet& queries, const SearchOptions& options) const
{
    detail::checkQueries(m_dim, queries);
    engine::ScopedTimer timer(engine::MetricsRegistry::global().histogram("vector.search.latency"));
    const std::size_t nq = queries.size(), k = options.k, n = size(), m = m_pq->m();
    const std::size_t keep = std::max(k, options.rerank ? options.rerank : m_rerank);
    const bool l2 = m_metric == Metric::L2;
    SearchResults results = detail::emptyResults(nq, k, m_metric);
    engine::parallelFor(options.pool, options.threads, nq, [&](std::size_t i) {
        options.cancel.checkpoint();
        std::vector<float> q(queries.row(i), queries.row(i) + m_dim);
        detail::prepareQuery(m_metric, q.data(), m_dim);
        const std::vector<float> tables = m_pq->distanceTables(q.data());
        std::vector<float> approx(n);
        adcScan(tables.data(), m_codes.data(), n, m, approx.data());
        detail::TopK candidates(keep); // on the negated approximate distance
        for (std::size_t r = 0; r < n; ++r)
            if (-approx[r] > candidates.threshold() && (!options.filter || options.filter(m_ids[r])))
                candidates.push(-approx[r], static_cast<VectorId>(r));
        detail::TopK best(k);
        for (const detail::Scored& c : candidates.sorted()) {
            const auto row = static_cast<std::size_t>(c.id);
            best.push(-detail::exactDistance(m_metric, q.data(), m_originals.data() + row * m_dim, m_dim), m_ids[row]);
        }
        const auto sorted = best.sorted();
        for (std::size_t j = 0; j < sorted.size(); ++j) {
            results.ids[i * k + j] = sorted[j].id;
            results.distances[i * k + j] = l2 ? -sorted[j].score : sorted[j].score;
        }
    });
    return results;
}

} // namespace evograph::vector
