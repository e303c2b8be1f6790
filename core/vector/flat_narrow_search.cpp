// The flat index's exact search with a narrow first pass (flat_index.h): int8 scores with a proved
// error bound rule out almost every vector, and what they cannot rule out is scored in f32.
#include "evograph/vector/flat_index.h"

#include "batch_checks.h"
#include "evograph/engine/metrics.h"
#include "evograph/engine/parallel_for.h"
#include "int8_kernels.h"
#include "top_k.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace evograph::vector {

namespace {
// Queries scored against one panel at a time in blocks of this many: their int8 codes (384 bytes
// each at d = 384) stay in L2 while the panels stream past.
constexpr std::size_t kQueryBlock = 1024;

struct Candidate {
    float upper;
    std::uint32_t row;
};

// One query's first pass: the k best lower bounds (the bar every vector's upper bound must reach)
// and the vectors that reached it when they were scored.
struct FirstPass {
    detail::TopK lower;
    std::vector<Candidate> candidates;
    explicit FirstPass(std::size_t k)
        : lower(k)
    {
    }
};
} // namespace

SearchResults FlatIndex::searchNarrow(
    const VectorSet& queries, const SearchOptions& options, detail::Int8Path path) const
{
    const std::size_t nq = queries.size(), n = size(), k = options.k, groups = m_sketch.groups();
    const bool l2 = m_metric == Metric::L2;
    std::vector<float> queryNorms;
    const std::vector<float> rows = prepareQueries(queries, queryNorms);
    const detail::Int8Queries narrow = detail::quantizeQueries(rows.data(), nq, m_stride, m_dim, groups);
    const std::size_t panels = (n + kPanelRows - 1) / kPanelRows;
    // Float rounding on top of the bound: the f32 score's own error is at most about d ulp of |q||x|.
    const float rounding = 4.0f * static_cast<float>(m_dim) * std::numeric_limits<float>::epsilon();
    std::atomic<std::uint64_t> done {0};
    engine::Counter& reranked = engine::MetricsRegistry::global().counter("vector.search.reranked");

    const detail::NarrowQueries narrowQueries {
        narrow.codes.data(), narrow.stride, narrow.scale.data(), narrow.norm.data(), narrow.residual.data()};
    const detail::NarrowScoring scoring {m_sketch.scales(), m_sketch.offsets(), m_sketch.residualNorms(),
        m_sketch.approxNorms(), l2 ? m_squaredNorms.data() : nullptr, rounding};

    // The first pass of queries [q0, q1) over panels [p0, p1), into passes[q - q0]: per panel, the
    // kernel marks the rows whose upper bound reaches each query's bar; only those are looked at.
    // With several slices of the vectors, `shared` holds each query's best bar of any slice (a k-th
    // lower bound of one slice is a lower bound for all of them): a slice raises it and reads it
    // back every 16 pairs of panels, so no slice scores what another has already ruled out.
    auto firstPass = [&](std::size_t q0, std::size_t q1, std::size_t p0, std::size_t p1, std::vector<FirstPass>& passes,
                         std::atomic<float>* shared) {
        const std::size_t block = std::min(kQueryBlock, q1 - q0);
        std::vector<std::int32_t> products(block * detail::kNarrowRows);
        std::vector<std::uint32_t> masks(block);
        std::vector<float> bars(block);
        for (std::size_t qb = q0; qb < q1; qb += kQueryBlock) {
            const std::size_t qn = std::min(kQueryBlock, q1 - qb);
            detail::NarrowQueries blockQueries = narrowQueries;
            blockQueries.codes += qb * narrow.stride;
            blockQueries.scale += qb, blockQueries.norm += qb, blockQueries.residual += qb;
            for (std::size_t i = 0; i < qn; ++i)
                bars[i] = passes[qb + i - q0].lower.threshold();
            for (std::size_t p = p0; p < p1; p += 2) { // two panels at a time
                if ((p - p0) % 64 == 0)
                    options.cancel.checkpoint();
                if (shared && (p - p0) % 32 == 0)
                    for (std::size_t i = 0; i < qn; ++i) {
                        std::atomic<float>& best = shared[qb + i];
                        float seen = best.load(std::memory_order_relaxed);
                        while (
                            bars[i] > seen && !best.compare_exchange_weak(seen, bars[i], std::memory_order_relaxed)) { }
                        bars[i] = std::max(bars[i], seen);
                    }
                const std::size_t first = p * kPanelRows;
                const std::size_t count = std::min({detail::kNarrowRows, n - first, (p1 - p) * kPanelRows});
                detail::int8PanelMasks(path, blockQueries, qn, m_sketch.panel(p), groups, first, count, scoring,
                    bars.data(), masks.data(), products.data());
                for (std::size_t i = 0; i < qn; ++i) {
                    if (!masks[i])
                        continue;
                    FirstPass& pass = passes[qb + i - q0];
                    for (std::uint32_t bits = masks[i]; bits; bits &= bits - 1) {
                        const std::size_t j = static_cast<std::size_t>(__builtin_ctz(bits)), row = first + j;
                        const detail::Bounds b = detail::narrowBounds(
                            products[i * detail::kNarrowRows + j], blockQueries, i, row, scoring);
                        if (b.upper < bars[i] || (options.filter && !options.filter(m_ids[row])))
                            continue;
                        pass.lower.push(b.lower, row);
                        pass.candidates.push_back({b.upper, static_cast<std::uint32_t>(row)});
                        bars[i] = std::max(bars[i], pass.lower.threshold());
                    }
                }
                const std::uint64_t scored = qn * ((count + kPanelRows - 1) / kPanelRows);
                const std::uint64_t now = done.fetch_add(scored) + scored;
                if (options.progress && ((p - p0) % 256 == 0 || p + 2 >= p1))
                    options.progress(now, std::uint64_t(nq) * panels);
            }
        }
    };

    // The f32 scores of what the first pass of queries [q0, q1) could not rule out (a candidate
    // whose upper bound is below its query's bar, bars[q - q0], is out), into exact[q - q0]. The
    // candidates are sorted by panel, so each panel is read once for every query that needs it (a
    // panel holds 16 vectors k-major: reading one of them reads the whole panel).
    auto rerank = [&](std::size_t q0, std::size_t q1, std::vector<FirstPass>& passes, const std::vector<float>& bars,
                      std::vector<detail::TopK>& exact) {
        struct Pending {
            std::uint32_t panel, query, row;
        };
        std::vector<Pending> pending;
        for (std::size_t q = q0; q < q1; ++q) {
            for (const Candidate& c : passes[q - q0].candidates)
                if (c.upper >= bars[q - q0])
                    pending.push_back(
                        {static_cast<std::uint32_t>(c.row / kPanelRows), static_cast<std::uint32_t>(q), c.row});
            passes[q - q0].candidates = {};
        }
        reranked.add(pending.size());
        std::sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
            return a.panel != b.panel ? a.panel < b.panel : a.query != b.query ? a.query < b.query : a.row < b.row;
        });
        std::vector<float> gathered, packed, scores;
        std::vector<std::uint32_t> queriesOfPanel;
        for (std::size_t begin = 0; begin < pending.size();) {
            std::size_t end = begin;
            queriesOfPanel.clear();
            for (; end < pending.size() && pending[end].panel == pending[begin].panel; ++end)
                if (queriesOfPanel.empty() || queriesOfPanel.back() != pending[end].query)
                    queriesOfPanel.push_back(pending[end].query);
            const std::size_t m = queriesOfPanel.size();
            gathered.resize(m * m_stride), packed.resize(m * m_stride), scores.resize(m * kPanelRows);
            for (std::size_t i = 0; i < m; ++i)
                std::copy_n(rows.data() + queriesOfPanel[i] * m_stride, m_stride, gathered.data() + i * m_stride);
            packQueries(gathered.data(), m, m_stride, packed.data());
            dotPanel(
                packed.data(), m, m_stride, panel(pending[begin].panel * kPanelRows), m_dim, scores.data(), kPanelRows);
            for (std::size_t at = begin, i = 0; at < end; ++at) {
                while (queriesOfPanel[i] != pending[at].query)
                    ++i;
                const std::uint32_t row = pending[at].row;
                const float s = scores[i * kPanelRows + row % kPanelRows];
                exact[pending[at].query - q0].push(l2 ? 2 * s - m_squaredNorms[row] : s, m_ids[row]);
            }
            begin = end;
        }
    };
    SearchResults results = detail::emptyResults(nq, k, m_metric);
    auto write = [&](std::size_t q, const detail::TopK& exact) {
        const auto best = exact.sorted();
        for (std::size_t j = 0; j < best.size(); ++j) {
            results.ids[q * k + j] = best[j].id;
            results.distances[q * k + j] = l2 ? std::max(0.0f, queryNorms[q] - best[j].score) : best[j].score;
        }
    };

    const std::size_t threads = std::max<std::size_t>(1, options.threads);
    if (threads == 1) {
        for (std::size_t q0 = 0; q0 < nq; q0 += kQueryBlock) {
            const std::size_t q1 = std::min(nq, q0 + kQueryBlock);
            std::vector<FirstPass> passes(q1 - q0, FirstPass(k));
            firstPass(q0, q1, 0, panels, passes, nullptr);
            std::vector<float> bars(q1 - q0);
            for (std::size_t q = q0; q < q1; ++q)
                bars[q - q0] = passes[q - q0].lower.threshold();
            std::vector<detail::TopK> exact(q1 - q0, detail::TopK(k));
            rerank(q0, q1, passes, bars, exact);
            for (std::size_t q = q0; q < q1; ++q)
                write(q, exact[q - q0]);
        }
        return results;
    }
    // Several threads split the vectors, not the queries: each streams its own slice of the sketch
    // (a batch's int8 queries fit every core's L2) and re-ranks its own candidates against the bar
    // of all slices together, so no panel is read by two threads. Per query, the slices' bars are
    // merged first and their k best last.
    const std::size_t slices = std::max<std::size_t>(1, std::min(threads, (panels + 1) / 2));
    const std::size_t per = ((panels + slices - 1) / slices + 1) / 2 * 2; // whole pairs of panels
    std::vector<std::vector<FirstPass>> partial(slices, std::vector<FirstPass>(nq, FirstPass(k)));
    std::vector<std::atomic<float>> shared(nq);
    for (auto& bar : shared)
        bar.store(-std::numeric_limits<float>::infinity(), std::memory_order_relaxed);
    engine::parallelFor(options.pool, threads, slices, [&](std::size_t t) {
        firstPass(0, nq, std::min(panels, t * per), std::min(panels, (t + 1) * per), partial[t], shared.data());
    });
    std::vector<float> bars(nq);
    for (std::size_t q = 0; q < nq; ++q) {
        detail::TopK lower = partial[0][q].lower;
        for (std::size_t t = 1; t < slices; ++t)
            lower.merge(partial[t][q].lower);
        bars[q] = lower.threshold();
    }
    std::vector<std::vector<detail::TopK>> exact(slices, std::vector<detail::TopK>(nq, detail::TopK(k)));
    engine::parallelFor(
        options.pool, threads, slices, [&](std::size_t t) { rerank(0, nq, partial[t], bars, exact[t]); });
    for (std::size_t q = 0; q < nq; ++q) {
        for (std::size_t t = 1; t < slices; ++t)
            exact[0][q].merge(exact[t][q]);
        write(q, exact[0][q]);
    }
    return results;
}

} // namespace evograph::vector
