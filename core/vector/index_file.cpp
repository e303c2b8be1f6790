// The index file (vector_index.h): a fixed header, tagged sections, a SHA-256 trailer.
#include "evograph/engine/digest.h"
#include "evograph/error.h"
#include "evograph/vector/vector_index.h"

#include <cstring>
#include <map>
#include <type_traits>

namespace evograph::vector {

namespace {
constexpr char kMagic[8] = {'E', 'V', 'G', 'V', 'I', 'D', 'X', '\0'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kDigestLength = 64; // hex SHA-256

enum Section : std::uint32_t {
    kIds = 1,
    kVectors,
    kLabels,
    kDeleted,
    kLevels,
    kLevel0,
    kUpper,
    kCodes,
    kOriginals,
    kCentroids,
    kEntry,
};

class Writer {
public:
    template <typename T> void value(T v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    template <typename T> void section(Section tag, const std::vector<T>& items)
    {
        value(static_cast<std::uint32_t>(tag));
        value(static_cast<std::uint64_t>(items.size() * sizeof(T)));
        m_bytes.append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
    }
    void raw(std::string_view bytes) { m_bytes.append(bytes); }
    std::string take()
    {
        m_bytes += engine::hexDigest(engine::HashAlgorithm::Sha256, m_bytes);
        return std::move(m_bytes);
    }

private:
    std::string m_bytes;
};

class Reader {
public:
    Reader(std::string_view bytes, const std::string& name)
        : m_bytes(bytes)
        , m_name(name)
    {
    }

    [[noreturn]] void fail(const std::string& what) const
    {
        throw Error(SourcePosition {m_name, 0, 0}, "not a valid evograph vector index: " + what);
    }

    template <typename T> T value()
    {
        T v;
        take(&v, sizeof v);
        return v;
    }
    void take(void* out, std::size_t size)
    {
        if (m_bytes.size() - m_at < size)
            fail("it ends early (truncated?)");
        std::memcpy(out, m_bytes.data() + m_at, size);
        m_at += size;
    }
    bool atEnd() const { return m_at == m_bytes.size(); }

    // Every section until the end, by tag; each once.
    std::map<std::uint32_t, std::string_view> sections()
    {
        std::map<std::uint32_t, std::string_view> out;
        while (!atEnd()) {
            const auto tag = value<std::uint32_t>();
            const auto length = value<std::uint64_t>();
            if (length > m_bytes.size() - m_at)
                fail("section " + std::to_string(tag) + " runs past the end");
            if (!out.emplace(tag, m_bytes.substr(m_at, length)).second)
                fail("section " + std::to_string(tag) + " appears twice");
            m_at += length;
        }
        return out;
    }

    template <typename T>
    std::vector<T> array(
        const std::map<std::uint32_t, std::string_view>& sections, Section tag, std::size_t count) const
    {
        const auto it = sections.find(tag);
        if (it == sections.end())
            fail("section " + std::to_string(tag) + " is missing");
        if (it->second.size() % sizeof(T) != 0 || (count != kAny && it->second.size() != count * sizeof(T)))
            fail("section " + std::to_string(tag) + " has " + std::to_string(it->second.size()) + " bytes");
        std::vector<T> out(it->second.size() / sizeof(T));
        if (!out.empty()) // an empty section: no memcpy from a null pointer
            std::memcpy(out.data(), it->second.data(), it->second.size());
        return out;
    }
    static constexpr std::size_t kAny = static_cast<std::size_t>(-1);

private:
    std::string_view m_bytes;
    std::string m_name;
    std::size_t m_at = 0;
};
} // namespace

std::string VectorIndex::serialize() const
{
    Writer w;
    w.raw({kMagic, sizeof kMagic});
    w.value(kVersion);
    w.value(static_cast<std::uint32_t>(m_params.kind));
    w.value(static_cast<std::uint32_t>(m_params.metric));
    w.value(static_cast<std::uint32_t>(m_params.storage));
    w.value(static_cast<std::uint64_t>(m_dim));
    w.value(static_cast<std::uint64_t>(size()));
    for (const std::size_t p : {m_params.m, m_params.efConstruction, m_params.efSearch, m_params.pqM, m_params.rerank})
        w.value(static_cast<std::uint64_t>(p));
    w.value(m_params.seed);
    if (const auto* flat = std::get_if<FlatIndex>(&m_index)) {
        w.section(kIds, flat->ids());
        w.section(kVectors, flat->vectors().values());
    } else if (const auto* pq = std::get_if<PqIndex>(&m_index)) {
        w.section(kIds, pq->ids());
        w.section(kCodes, pq->codes());
        w.section(kOriginals, pq->originals());
        w.section(kCentroids, pq->quantizer().centroids());
    } else if (const auto* hnsw = std::get_if<HnswIndex>(&m_index)) {
        const HnswIndex::Graph g = hnsw->graph();
        w.section(kLabels, g.labels);
        w.section(kDeleted, g.deleted);
        w.section(kLevels, g.levels);
        w.section(kLevel0, g.level0);
        w.section(kUpper, g.upper);
        w.section(kCodes, g.codes);
        w.section(kOriginals, g.originals);
        w.section(kEntry, std::vector<std::int64_t> {g.entry, g.maxLevel});
        if (hnsw->quantizer())
            w.section(kCentroids, hnsw->quantizer()->centroids());
    }
    return w.take();
}

VectorIndex VectorIndex::deserialize(std::string_view bytes, const std::string& name)
{
    Reader check(bytes, name);
    if (bytes.size() < sizeof kMagic + kDigestLength || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        check.fail("it does not start with the index file's signature");
    const std::string_view body = bytes.substr(0, bytes.size() - kDigestLength);
    if (engine::hexDigest(engine::HashAlgorithm::Sha256, body) != bytes.substr(body.size()))
        check.fail("its checksum does not match its content (the file is damaged or truncated)");

    Reader r(body, name);
    char magic[sizeof kMagic];
    r.take(magic, sizeof magic);
    if (const auto version = r.value<std::uint32_t>(); version != kVersion)
        r.fail(
            "format version " + std::to_string(version) + ", this evograph reads version " + std::to_string(kVersion));
    IndexParams params;
    const auto kind = r.value<std::uint32_t>(), metric = r.value<std::uint32_t>(), storage = r.value<std::uint32_t>();
    if (kind > 3 || metric > 2 || storage > 2)
        r.fail("unknown kind, metric or storage");
    params.kind = static_cast<IndexKind>(kind);
    params.metric = static_cast<Metric>(metric);
    params.storage = static_cast<Storage>(storage);
    const auto dim = r.value<std::uint64_t>(), count = r.value<std::uint64_t>();
    for (std::size_t* p : {&params.m, &params.efConstruction, &params.efSearch, &params.pqM, &params.rerank})
        *p = static_cast<std::size_t>(r.value<std::uint64_t>());
    params.seed = r.value<std::uint64_t>();
    if (dim == 0 || dim > (1u << 20) || count > (1ull << 32) || params.m < 2 || params.m > 4096 || params.pqM == 0
        || params.efConstruction == 0 || params.efSearch == 0)
        r.fail("implausible header values");
    const auto sections = r.sections();
    try {
        VectorIndex index(static_cast<std::size_t>(dim), params);
        const auto n = static_cast<std::size_t>(count);
        const std::size_t sub = params.pqM ? static_cast<std::size_t>(dim) / params.pqM : 0;
        auto quantizer = [&] {
            ProductQuantizer pq(static_cast<std::size_t>(dim), params.pqM, params.metric);
            pq.setCentroids(r.array<float>(sections, kCentroids, params.pqM * ProductQuantizer::kCentroids * sub));
            return pq;
        };
        switch (params.kind) {
        case IndexKind::Flat: {
            FlatIndex flat(static_cast<std::size_t>(dim), params.metric);
            const auto ids = r.array<VectorId>(sections, kIds, n);
            VectorSet vectors(static_cast<std::size_t>(dim));
            vectors.values() = r.array<float>(sections, kVectors, n * static_cast<std::size_t>(dim));
            flat.add(vectors, ids);
            index.m_index = std::move(flat);
            break;
        }
        case IndexKind::Pq: {
            PqIndex pq(static_cast<std::size_t>(dim), params.metric, params.pqM, params.rerank);
            pq.restore(quantizer(), r.array<std::uint8_t>(sections, kCodes, n * params.pqM),
                r.array<float>(sections, kOriginals, n * static_cast<std::size_t>(dim)),
                r.array<VectorId>(sections, kIds, n));
            index.m_index = std::move(pq);
            break;
        }
        case IndexKind::Hnsw:
        case IndexKind::HnswPq: {
            if (params.kind == IndexKind::HnswPq && n == 0)
                break; // the graph and its quantizer come with the first vectors
            std::shared_ptr<const ProductQuantizer> pq;
            if (params.kind == IndexKind::HnswPq)
                pq = std::make_shared<ProductQuantizer>(quantizer());
            HnswIndex hnsw(static_cast<std::size_t>(dim), params.metric, hnswParams(params), pq);
            HnswIndex::Graph g;
            g.labels = r.array<VectorId>(sections, kLabels, Reader::kAny);
            const std::size_t nodes = g.labels.size();
            g.deleted = r.array<std::uint8_t>(sections, kDeleted, nodes);
            g.levels = r.array<std::int32_t>(sections, kLevels, nodes);
            g.level0 = r.array<std::uint32_t>(sections, kLevel0, Reader::kAny);
            g.upper = r.array<std::uint32_t>(sections, kUpper, Reader::kAny);
            g.codes = r.array<std::uint8_t>(sections, kCodes, Reader::kAny);
            g.originals = r.array<float>(sections, kOriginals, Reader::kAny);
            const auto entry = r.array<std::int64_t>(sections, kEntry, 2);
            g.entry = entry[0];
            g.maxLevel = static_cast<std::int32_t>(entry[1]);
            hnsw.setGraph(std::move(g));
            if (hnsw.size() != n)
                r.fail("the header counts " + std::to_string(n) + " vectors, the graph holds "
                    + std::to_string(hnsw.size()));
            index.m_index = std::move(hnsw);
            break;
        }
        }
        if (index.size() != n)
            r.fail("the header counts " + std::to_string(n) + " vectors, the sections hold "
                + std::to_string(index.size()));
        index.account();
        return index;
    } catch (const Error& e) {
        if (e.where())
            throw;
        r.fail(e.message()); // a check of the index itself: name the file
    }
}

} // namespace evograph::vector
