#include "evograph/vector/hnsw_index.h"

#include "batch_checks.h"
#include "codec.h"
#include "evograph/engine/hashing.h"
#include "evograph/engine/parallel_for.h"
#include "evograph/error.h"
#include "evograph/vector/kernels.h"
#include "top_k.h"

#include <hwy/cache_control.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <queue>

namespace evograph::vector {

namespace detail {
// Visited marks that need no clearing between searches: a node is visited when its tag equals
// the current epoch; a search takes a list from the pool and gives it back.
class VisitedPool {
public:
    struct List {
        std::vector<std::uint16_t> tags;
        std::uint16_t epoch = 0;
        void reset(std::size_t size)
        {
            if (tags.size() < size)
                tags.resize(size, 0);
            if (++epoch == 0) { // wrapped: clear once every 65535 searches
                std::fill(tags.begin(), tags.end(), 0);
                epoch = 1;
            }
        }
        bool visit(std::uint32_t node) // true the first time
        {
            if (tags[node] == epoch)
                return false;
            tags[node] = epoch;
            return true;
        }
    };

    std::unique_ptr<List> take(std::size_t size)
    {
        std::unique_ptr<List> list;
        {
            std::lock_guard lock(m_mutex);
            if (!m_free.empty()) {
                list = std::move(m_free.back());
                m_free.pop_back();
            }
        }
        if (!list)
            list = std::make_unique<List>();
        list->reset(size);
        return list;
    }
    void give(std::unique_ptr<List> list)
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(std::move(list));
    }

private:
    std::mutex m_mutex;
    std::vector<std::unique_ptr<List>> m_free;
};
} // namespace detail

namespace {
constexpr std::size_t kLockStripes = 4096;
constexpr std::uint32_t kNoNode = 0xffffffffu;

// Gives a visited list back when the search ends, however it ends.
struct VisitedLease {
    detail::VisitedPool& pool;
    std::unique_ptr<detail::VisitedPool::List> list;
    ~VisitedLease() { pool.give(std::move(list)); }
};
} // namespace

HnswIndex::HnswIndex(std::size_t dim, Metric metric, const HnswParams& params)
    : HnswIndex(dim, metric, params, nullptr)
{
}

HnswIndex::HnswIndex(
    std::size_t dim, Metric metric, const HnswParams& params, std::shared_ptr<const ProductQuantizer> pq)
    : m_dim(dim)
    , m_metric(metric)
    , m_params(params)
    , m_pq(std::move(pq))
    , m_locks(std::make_unique<std::mutex[]>(kLockStripes))
    , m_visited(std::make_unique<detail::VisitedPool>())
{
    if (dim == 0)
        throw Error("a vector index needs a dimension of at least 1");
    if (params.m < 2)
        throw Error("HNSW needs M of at least 2, not " + std::to_string(params.m));
    if (m_pq && (!m_pq->trained() || m_pq->dim() != dim))
        throw Error("HNSW over product quantization needs a trained quantizer of the index's dimension");
    m_codec = m_pq ? detail::makePqCodec(*m_pq) : detail::makeCodec(params.storage, dim, metric);
    m_codeBytes = m_codec->codeBytes();
    m_separateOriginals = m_pq || params.storage != Storage::F32;
    m_maxM0 = 2 * params.m;
    m_linkBytes = sizeof(std::uint32_t) * (1 + m_maxM0);
    m_blockBytes = (m_linkBytes + m_codeBytes + 3) / 4 * 4;
}

HnswIndex::~HnswIndex() = default;
HnswIndex::HnswIndex(HnswIndex&&) noexcept = default;
HnswIndex& HnswIndex::operator=(HnswIndex&&) noexcept = default;

std::size_t HnswIndex::memoryBytes() const
{
    std::size_t upper = 0;
    for (const auto& u : m_upper)
        upper += u.capacity() * sizeof(std::uint32_t) + sizeof(u);
    return m_level0.capacity() + upper + m_originals.capacity() * sizeof(float)
        + m_labels.capacity() * (sizeof(VectorId) + sizeof(std::int32_t) + 1)
        + m_nodeOf.size() * (sizeof(VectorId) + sizeof(std::uint32_t) + 16);
}

double HnswIndex::bytesPerVector() const
{
    if (m_labels.empty())
        return static_cast<double>(m_blockBytes);
    std::size_t upper = 0;
    for (const auto& u : m_upper)
        upper += u.size() * sizeof(std::uint32_t);
    return static_cast<double>(m_blockBytes) + static_cast<double>(upper) / static_cast<double>(m_labels.size());
}

std::uint32_t* HnswIndex::links(std::uint32_t node, int level)
{
    if (level == 0)
        return reinterpret_cast<std::uint32_t*>(block(node));
    return m_upper[node].data() + std::size_t(level - 1) * (1 + m_params.m);
}

const std::uint32_t* HnswIndex::links(std::uint32_t node, int level) const
{
    if (level == 0)
        return reinterpret_cast<const std::uint32_t*>(block(node));
    return m_upper[node].data() + std::size_t(level - 1) * (1 + m_params.m);
}

const float* HnswIndex::original(std::uint32_t node) const
{
    return m_separateOriginals ? m_originals.data() + std::size_t(node) * m_dim
                               : reinterpret_cast<const float*>(code(node));
}

float HnswIndex::exact(const float* a, const float* b) const
{
    return detail::exactDistance(m_metric, a, b, m_dim);
}

int HnswIndex::randomLevel(std::uint32_t node) const
{
    // Deterministic per node and seed, whatever the thread schedule: -ln(u) / ln(M).
    const std::uint64_t bits = engine::mix(m_params.seed * 0x9e3779b97f4a7c15ULL + node);
    const double u = (static_cast<double>(bits >> 11) + 0.5) / 9007199254740992.0;
    return static_cast<int>(-std::log(u) / std::log(static_cast<double>(m_params.m)));
}

std::mutex& HnswIndex::lockOf(std::uint32_t node) const
{
    return m_locks[node % kLockStripes];
}

template <typename Distance>
std::pair<std::uint32_t, float> HnswIndex::greedy(
    std::uint32_t current, float currentDistance, int from, int to, const Distance& distance, bool lock) const
{
    std::vector<std::uint32_t> neighbours;
    for (int level = from; level > to; --level) {
        for (bool changed = true; changed;) {
            changed = false;
            {
                std::unique_lock guard(lockOf(current), std::defer_lock);
                if (lock)
                    guard.lock();
                const std::uint32_t* list = links(current, level);
                neighbours.assign(list + 1, list + 1 + list[0]);
            }
            for (const std::uint32_t n : neighbours) {
                const float d = distance(n);
                if (d < currentDistance)
                    currentDistance = d, current = n, changed = true;
            }
        }
    }
    return {current, currentDistance};
}

// The ef nearest nodes to the query on one level, nearest first (hnswlib's searchBaseLayer).
// `accept` (when given) keeps rejected nodes out of the results while still exploring them.
template <typename Distance>
std::vector<HnswIndex::Candidate> HnswIndex::searchLayer(std::uint32_t entry, float entryDistance, int level,
    std::size_t ef, const Distance& distance, const std::function<bool(std::uint32_t)>* accept, bool lock) const
{
    VisitedLease visited {*m_visited, m_visited->take(m_labels.size())};
    std::priority_queue<Candidate> top; // farthest on top
    std::priority_queue<Candidate> frontier; // nearest on top (negated distances)
    visited.list->visit(entry);
    if (!accept || (*accept)(entry))
        top.push({entryDistance, entry});
    frontier.push({-entryDistance, entry});
    float bound = top.empty() ? std::numeric_limits<float>::infinity() : entryDistance;
    std::vector<std::uint32_t> neighbours;
    while (!frontier.empty()) {
        const Candidate current = frontier.top();
        if (-current.distance > bound && top.size() >= ef)
            break;
        frontier.pop();
        {
            std::unique_lock guard(lockOf(current.node), std::defer_lock);
            if (lock)
                guard.lock();
            const std::uint32_t* list = links(current.node, level);
            neighbours.assign(list + 1, list + 1 + list[0]);
        }
        for (std::size_t i = 0; i < neighbours.size(); ++i) {
            if (i + 1 < neighbours.size())
                hwy::Prefetch(block(neighbours[i + 1]) + m_linkBytes);
            const std::uint32_t n = neighbours[i];
            if (!visited.list->visit(n))
                continue;
            const float d = distance(n);
            if (top.size() < ef || d < bound) {
                frontier.push({-d, n});
                if (level == 0)
                    hwy::Prefetch(block(frontier.top().node));
                if (!accept || (*accept)(n)) {
                    top.push({d, n});
                    if (top.size() > ef)
                        top.pop();
                }
                if (!top.empty())
                    bound = top.top().distance;
            }
        }
    }
    std::vector<Candidate> out(top.size());
    for (std::size_t i = out.size(); i-- > 0; top.pop())
        out[i] = top.top();
    return out;
}

// hnswlib's getNeighborsByHeuristic2: nearest first, keep a candidate only if it is nearer to the
// new node than to every neighbour already kept (so links spread in all directions).
std::vector<HnswIndex::Candidate> HnswIndex::selectNeighbours(std::vector<Candidate> candidates, std::size_t m) const
{
    std::sort(candidates.begin(), candidates.end());
    if (candidates.size() <= m)
        return candidates;
    std::vector<Candidate> kept;
    for (const Candidate& c : candidates) {
        if (kept.size() >= m)
            break;
        const float* v = original(c.node);
        bool diverse = true;
        for (const Candidate& k : kept)
            if (exact(v, original(k.node)) < c.distance) {
                diverse = false;
                break;
            }
        if (diverse)
            kept.push_back(c);
    }
    return kept;
}

void HnswIndex::connect(std::uint32_t node, std::vector<Candidate> found, int level)
{
    const std::size_t maxM = level == 0 ? m_maxM0 : m_params.m;
    const std::vector<Candidate> chosen = selectNeighbours(std::move(found), m_params.m);
    {
        std::lock_guard guard(lockOf(node));
        std::uint32_t* list = links(node, level);
        list[0] = static_cast<std::uint32_t>(chosen.size());
        for (std::size_t i = 0; i < chosen.size(); ++i)
            list[1 + i] = chosen[i].node;
    }
    for (const Candidate& c : chosen) {
        std::lock_guard guard(lockOf(c.node));
        std::uint32_t* list = links(c.node, level);
        if (std::find(list + 1, list + 1 + list[0], node) != list + 1 + list[0])
            continue;
        if (list[0] < maxM) {
            list[1 + list[0]++] = node;
            continue;
        }
        // Full: re-choose among its links and the new node.
        const float* v = original(c.node);
        std::vector<Candidate> pool {{c.distance, node}};
        for (std::uint32_t i = 0; i < list[0]; ++i)
            pool.push_back({exact(v, original(list[1 + i])), list[1 + i]});
        const std::vector<Candidate> kept = selectNeighbours(std::move(pool), maxM);
        list[0] = static_cast<std::uint32_t>(kept.size());
        for (std::size_t i = 0; i < kept.size(); ++i)
            list[1 + i] = kept[i].node;
    }
}

void HnswIndex::insert(std::uint32_t node)
{
    const int level = m_levels[node];
    std::unique_lock entryGuard(*m_entryMutex);
    if (m_entry < 0) {
        m_entry = node, m_maxLevel = level;
        return;
    }
    const std::int64_t entry = m_entry;
    const int maxLevel = m_maxLevel;
    if (level <= maxLevel)
        entryGuard.unlock(); // only a new top level keeps the entry point locked while it links
    const float* v = original(node);
    auto distance = [&](std::uint32_t n) { return exact(v, original(n)); };
    auto current = greedy(static_cast<std::uint32_t>(entry), distance(static_cast<std::uint32_t>(entry)), maxLevel,
        level, distance, true);
    for (int l = std::min(level, maxLevel); l >= 0; --l) {
        std::vector<Candidate> found
            = searchLayer(current.first, current.second, l, m_params.efConstruction, distance, nullptr, true);
        if (!found.empty())
            current = {found.front().node, found.front().distance};
        connect(node, std::move(found), l);
    }
    if (level > maxLevel) {
        m_entry = node;
        m_maxLevel = level;
    }
}

void HnswIndex::add(const VectorSet& input, std::span<const VectorId> ids, const BuildOptions& options)
{
    const std::size_t first = m_labels.size(), count = input.size();
    const std::vector<VectorId> labels
        = detail::newIds(m_dim, input, ids, first, [&](VectorId id) { return m_nodeOf.contains(id); });
    if (first + count >= kNoNode)
        throw Error("an HNSW index holds at most " + std::to_string(kNoNode - 1) + " vectors");
    engine::ScopedTimer timer(engine::MetricsRegistry::global().histogram("vector.build.seconds"));
    // Everything a node needs is allocated before the threads start linking.
    m_level0.resize((first + count) * m_blockBytes, 0);
    m_upper.resize(first + count);
    if (m_separateOriginals)
        m_originals.resize((first + count) * m_dim);
    std::vector<float> prepared(m_dim);
    for (std::size_t i = 0; i < count; ++i) {
        const auto node = static_cast<std::uint32_t>(first + i);
        std::memcpy(prepared.data(), input.row(i), m_dim * sizeof(float));
        detail::prepareQuery(m_metric, prepared.data(), m_dim);
        if (m_separateOriginals)
            std::memcpy(m_originals.data() + std::size_t(node) * m_dim, prepared.data(), m_dim * sizeof(float));
        m_codec->encode(prepared.data(), block(node) + m_linkBytes);
        const int level = randomLevel(node);
        m_levels.push_back(level);
        m_upper[node].assign(std::size_t(level) * (1 + m_params.m), 0);
        m_labels.push_back(labels[i]);
        m_deleted.push_back(0);
        m_nodeOf.emplace(labels[i], node);
    }
    std::atomic<std::uint64_t> done {0};
    constexpr std::size_t kChunk = 64;
    engine::parallelFor(options.pool, options.threads, (count + kChunk - 1) / kChunk, [&](std::size_t chunk) {
        for (std::size_t i = chunk * kChunk; i < std::min(count, (chunk + 1) * kChunk); ++i)
            insert(static_cast<std::uint32_t>(first + i));
        options.cancel.checkpoint();
        const std::uint64_t now
            = done.fetch_add(std::min(kChunk, count - chunk * kChunk)) + std::min(kChunk, count - chunk * kChunk);
        if (options.progress)
            options.progress(now, count);
    });
}

bool HnswIndex::remove(VectorId id)
{
    const auto it = m_nodeOf.find(id);
    if (it == m_nodeOf.end() || m_deleted[it->second])
        return false;
    m_deleted[it->second] = 1;
    ++m_deletedCount;
    return true;
}

void HnswIndex::rebuild(const BuildOptions& options)
{
    VectorSet live(m_dim);
    std::vector<VectorId> ids;
    for (std::uint32_t node = 0; node < m_labels.size(); ++node)
        if (!m_deleted[node]) {
            live.append({original(node), m_dim});
            ids.push_back(m_labels[node]);
        }
    HnswIndex fresh(m_dim, m_metric, m_params, m_pq);
    fresh.add(live, ids, options);
    *this = std::move(fresh);
}

SearchResults HnswIndex::search(const VectorSet& queries, const SearchOptions& options) const
{
    detail::checkQueries(m_dim, queries);
    engine::ScopedTimer timer(engine::MetricsRegistry::global().histogram("vector.search.latency"));
    const std::size_t nq = queries.size(), k = options.k;
    const std::size_t ef = std::max({k, options.ef ? options.ef : m_params.efSearch, std::size_t {1}});
    const bool rerank = m_separateOriginals;
    const std::size_t keep = rerank ? std::max(k,
                                 options.rerank        ? options.rerank
                                     : m_params.rerank ? m_params.rerank
                                                       : ef)
                                    : k;
    const bool l2 = m_metric == Metric::L2;
    SearchResults results = detail::emptyResults(nq, k, m_metric);
    std::function<bool(std::uint32_t)> accept;
    if (options.filter || m_deletedCount)
        accept = [&](std::uint32_t node) {
            return !m_deleted[node] && (!options.filter || options.filter(m_labels[node]));
        };
    std::atomic<std::uint64_t> done {0};
    engine::parallelFor(options.pool, options.threads, nq, [&](std::size_t i) {
        if (i % 16 == 0)
            options.cancel.checkpoint();
        if (m_entry < 0)
            return;
        std::vector<float> q(queries.row(i), queries.row(i) + m_dim);
        detail::prepareQuery(m_metric, q.data(), m_dim);
        const auto measure = m_codec->query(q.data());
        auto distance = [&](std::uint32_t n) { return (*measure)(code(n)); };
        const auto entry = static_cast<std::uint32_t>(m_entry);
        const auto start = greedy(entry, distance(entry), m_maxLevel, 0, distance, false);
        std::vector<Candidate> found = searchLayer(
            start.first, start.second, 0, std::max(ef, keep), distance, accept ? &accept : nullptr, false);
        if (found.size() > keep)
            found.resize(keep);
        if (rerank) {
            for (Candidate& c : found)
                c.distance = exact(q.data(), original(c.node));
            std::sort(found.begin(), found.end());
        }
        for (std::size_t j = 0; j < std::min(k, found.size()); ++j) {
            results.ids[i * k + j] = m_labels[found[j].node];
            results.distances[i * k + j] = l2 ? found[j].distance : -found[j].distance;
        }
        if (options.progress)
            options.progress(done.fetch_add(1) + 1, nq);
    });
    return results;
}

HnswIndex::Graph HnswIndex::graph() const
{
    Graph g;
    g.labels = m_labels;
    g.deleted = m_deleted;
    g.levels = m_levels;
    g.entry = m_entry;
    g.maxLevel = m_maxLevel;
    g.originals = m_originals;
    const std::size_t n = m_labels.size();
    g.level0.reserve(n * (1 + m_maxM0));
    g.codes.reserve(n * m_codeBytes);
    for (std::uint32_t node = 0; node < n; ++node) {
        const std::uint32_t* list = links(node, 0);
        g.level0.insert(g.level0.end(), list, list + 1 + m_maxM0);
        g.codes.insert(g.codes.end(), code(node), code(node) + m_codeBytes);
        g.upper.insert(g.upper.end(), m_upper[node].begin(), m_upper[node].end());
    }
    return g;
}

void HnswIndex::setGraph(Graph g)
{
    const std::size_t n = g.labels.size();
    auto corrupt = [](const std::string& what) { throw Error("corrupt HNSW graph: " + what); };
    if (g.deleted.size() != n || g.levels.size() != n || g.level0.size() != n * (1 + m_maxM0)
        || g.codes.size() != n * m_codeBytes || g.originals.size() != (m_separateOriginals ? n * m_dim : 0))
        corrupt("section sizes do not match " + std::to_string(n) + " nodes");
    if ((n == 0) != (g.entry < 0) || (n && (g.entry >= static_cast<std::int64_t>(n) || g.maxLevel < 0)))
        corrupt("entry point");
    std::size_t upperNeeded = 0;
    for (const std::int32_t level : g.levels) {
        if (level < 0 || level > 64 || level > g.maxLevel)
            corrupt("node level " + std::to_string(level));
        upperNeeded += std::size_t(level) * (1 + m_params.m);
    }
    if (upperNeeded != g.upper.size() || (n && g.levels[static_cast<std::size_t>(g.entry)] != g.maxLevel))
        corrupt("upper levels");
    auto checkList = [&](const std::uint32_t* list, std::size_t capacity) {
        if (list[0] > capacity)
            corrupt("link count " + std::to_string(list[0]));
        for (std::uint32_t i = 0; i < list[0]; ++i)
            if (list[1 + i] >= n)
                corrupt("link to node " + std::to_string(list[1 + i]));
    };
    HnswIndex fresh(m_dim, m_metric, m_params, m_pq);
    fresh.m_level0.assign(n * fresh.m_blockBytes, 0);
    fresh.m_upper.resize(n);
    std::size_t offset = 0;
    for (std::uint32_t node = 0; node < n; ++node) {
        const std::uint32_t* list = g.level0.data() + std::size_t(node) * (1 + m_maxM0);
        checkList(list, m_maxM0);
        std::memcpy(fresh.block(node), list, m_linkBytes);
        std::memcpy(fresh.block(node) + m_linkBytes, g.codes.data() + std::size_t(node) * m_codeBytes, m_codeBytes);
        const std::size_t upper = std::size_t(g.levels[node]) * (1 + m_params.m);
        fresh.m_upper[node].assign(g.upper.begin() + static_cast<std::ptrdiff_t>(offset),
            g.upper.begin() + static_cast<std::ptrdiff_t>(offset + upper));
        for (std::int32_t l = 1; l <= g.levels[node]; ++l)
            checkList(fresh.links(node, l), m_params.m);
        offset += upper;
        if (!fresh.m_nodeOf.emplace(g.labels[node], node).second)
            corrupt("duplicate id " + std::to_string(g.labels[node]));
        if (g.deleted[node] > 1)
            corrupt("deletion mark");
        fresh.m_deletedCount += g.deleted[node];
    }
    fresh.m_labels = std::move(g.labels);
    fresh.m_deleted = std::move(g.deleted);
    fresh.m_levels = std::move(g.levels);
    fresh.m_originals = std::move(g.originals);
    fresh.m_entry = g.entry;
    fresh.m_maxLevel = g.maxLevel;
    *this = std::move(fresh);
}

} // namespace evograph::vector
