#include "evograph/vector/vector_index.h"

#include "evograph/engine/enum_names.h"

#include "evograph/engine/file_read.h"

#include "batch_checks.h"
#include "evograph/engine/atomic_file.h"
#include "evograph/error.h"
#include "memory_account.h"

namespace evograph::vector {

namespace {
constexpr auto kKindNames = engine::enumNames<IndexKind>(
    {{IndexKind::Flat, "flat"}, {IndexKind::Hnsw, "hnsw"}, {IndexKind::Pq, "pq"}, {IndexKind::HnswPq, "hnsw-pq"}});
} // namespace

std::string_view toString(IndexKind kind)
{
    return kKindNames.name(kind);
}

std::optional<IndexKind> parseIndexKind(std::string_view name)
{
    return kKindNames.parse(name);
}

HnswParams hnswParams(const IndexParams& p)
{
    return {p.m, p.efConstruction, p.efSearch, p.storage, p.rerank, p.seed};
}

namespace {
TrainOptions trainOptions(const IndexParams& p)
{
    TrainOptions train;
    train.seed = p.seed;
    return train;
}
} // namespace

VectorIndex::VectorIndex(std::size_t dim, const IndexParams& params)
    : m_dim(dim)
    , m_params(params)
    , m_memory(std::make_unique<detail::MemoryAccount>())
{
    if (dim == 0)
        throw Error("a vector index needs a dimension of at least 1");
    switch (params.kind) {
    case IndexKind::Flat:
        m_index.emplace<FlatIndex>(dim, params.metric);
        break;
    case IndexKind::Hnsw:
        m_index.emplace<HnswIndex>(dim, params.metric, hnswParams(params));
        break;
    case IndexKind::Pq:
        m_index.emplace<PqIndex>(dim, params.metric, params.pqM, params.rerank, trainOptions(params));
        break;
    case IndexKind::HnswPq: // the graph comes with the first vectors, over a quantizer trained on them
        ProductQuantizer(dim, params.pqM, params.metric); // refuses an m that does not divide dim now
        break;
    }
}

VectorIndex::~VectorIndex() = default;
VectorIndex::VectorIndex(VectorIndex&&) noexcept = default;
VectorIndex& VectorIndex::operator=(VectorIndex&&) noexcept = default;

std::size_t VectorIndex::size() const
{
    return std::visit(
        [](const auto& index) -> std::size_t {
            if constexpr (std::is_same_v<std::decay_t<decltype(index)>, std::monostate>)
                return 0;
            else
                return index.size();
        },
        m_index);
}

std::size_t VectorIndex::memoryBytes() const
{
    return std::visit(
        [](const auto& index) -> std::size_t {
            if constexpr (std::is_same_v<std::decay_t<decltype(index)>, std::monostate>)
                return 0;
            else
                return index.memoryBytes();
        },
        m_index);
}

double VectorIndex::bytesPerVector() const
{
    if (std::holds_alternative<FlatIndex>(m_index))
        return 4.0 * static_cast<double>((m_dim + kPadding - 1) / kPadding * kPadding);
    if (const auto* hnsw = std::get_if<HnswIndex>(&m_index))
        return hnsw->bytesPerVector();
    if (const auto* pq = std::get_if<PqIndex>(&m_index))
        return pq->bytesPerVector();
    return 0;
}

void VectorIndex::account()
{
    m_memory->set(memoryBytes());
    engine::MetricsRegistry::global().gauge("vector.index.size").set(static_cast<std::int64_t>(size()));
}

void VectorIndex::add(const VectorSet& vectors, std::span<const VectorId> ids, const BuildOptions& options)
{
    if (auto* flat = std::get_if<FlatIndex>(&m_index)) {
        engine::ScopedTimer timer(engine::MetricsRegistry::global().histogram("vector.build.seconds"));
        flat->add(vectors, ids);
        if (options.progress)
            options.progress(vectors.size(), vectors.size());
    } else if (auto* hnsw = std::get_if<HnswIndex>(&m_index)) {
        hnsw->add(vectors, ids, options);
    } else if (auto* pq = std::get_if<PqIndex>(&m_index)) {
        pq->add(vectors, ids, options.pool, options.threads);
    } else {
        // HNSW over PQ codes: the quantizer trains on this first batch, then the graph is built.
        auto quantizer = std::make_shared<ProductQuantizer>(m_dim, m_params.pqM, m_params.metric);
        TrainOptions train = trainOptions(m_params);
        train.pool = options.pool, train.threads = options.threads, train.cancel = options.cancel;
        VectorSet prepared = vectors;
        if (m_params.metric == Metric::Cosine)
            normalizeRows(prepared);
        quantizer->train(prepared, train);
        HnswIndex graph(m_dim, m_params.metric, hnswParams(m_params), std::move(quantizer));
        graph.add(vectors, ids, options);
        m_index = std::move(graph);
    }
    account();
}

bool VectorIndex::remove(VectorId id)
{
    const bool removed = std::visit(
        [&](auto& index) {
            if constexpr (std::is_same_v<std::decay_t<decltype(index)>, std::monostate>)
                return false;
            else
                return index.remove(id);
        },
        m_index);
    account();
    return removed;
}

SearchResults VectorIndex::search(const VectorSet& queries, const SearchOptions& options) const
{
    return std::visit(
        [&](const auto& index) -> SearchResults {
            if constexpr (std::is_same_v<std::decay_t<decltype(index)>, std::monostate>) {
                detail::checkQueries(m_dim, queries); // HNSW over PQ before its first vectors
                return detail::emptyResults(queries.size(), options.k, m_params.metric);
            } else
                return index.search(queries, options);
        },
        m_index);
}

void VectorIndex::save(const std::string& path) const
{
    engine::writeFileAtomically(path, serialize());
}

VectorIndex VectorIndex::load(const std::string& path)
{
    return deserialize(engine::readWholeFile(path, "the index file"), path);
}

} // namespace evograph::vector
