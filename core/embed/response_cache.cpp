#include "evograph/embed/response_cache.h"

#include "evograph/engine/digest.h"
#include "evograph/workspace/sqlite.h"

#include <chrono>
#include <cstdlib>
#include <cstring>

namespace evograph::embed {

namespace sql = workspace::sql;

namespace {
std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string keyOf(const EmbeddingModel& model, const std::string& text)
{
    std::string material = model.provider;
    material += '\0';
    material += model.model;
    material += '\0';
    material += std::to_string(model.dimension);
    material += '\0';
    material += text;
    return engine::hexDigest(engine::HashAlgorithm::Sha256, material);
}
} // namespace

struct ResponseCache::Impl {
    explicit Impl(const std::string& path)
        : db(path, workspace::sql::OpenMode::Create)
    {
        db.execute(
            "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
            "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, type TEXT NOT NULL, "
            "  created INTEGER NOT NULL, last_used INTEGER NOT NULL, bytes INTEGER NOT NULL, value BLOB NOT NULL);"
            "CREATE INDEX IF NOT EXISTS entries_by_use ON entries (last_used);"
            "CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);");
    }
    void add(const char* counter, std::int64_t amount)
    {
        sql::Statement(db,
            "INSERT INTO counters (name, value) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value")
            .bind(counter)
            .bind(amount)
            .run();
    }
    std::int64_t counter(const char* name)
    {
        sql::Statement s(db, "SELECT value FROM counters WHERE name = ?");
        s.bind(name);
        return s.step() ? s.integer(0) : 0;
    }
    sql::Connection db;
};

std::filesystem::path ResponseCache::defaultPath()
{
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        base = xdg;
    else
        base = std::filesystem::path(std::getenv("HOME") ? std::getenv("HOME") : ".") / ".cache";
    return base / "evograph" / "ai-responses.sqlite";
}

ResponseCache::ResponseCache(const config::ResponseCacheConfig& config)
    : m_path(config.path.empty() ? defaultPath() : std::filesystem::path(config.path))
    , m_config(config)
{
    std::error_code ec;
    std::filesystem::create_directories(m_path.parent_path(), ec);
    m_impl = std::make_unique<Impl>(m_path.string());
}

ResponseCache::~ResponseCache() = default;

std::vector<std::optional<std::vector<float>>> ResponseCache::lookup(
    const EmbeddingModel& model, std::span<const std::string> texts)
{
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::optional<std::vector<float>>> found(texts.size());
    const std::int64_t now = nowSeconds();
    const std::int64_t oldest = m_config.ttlSeconds ? now - static_cast<std::int64_t>(m_config.ttlSeconds) : INT64_MIN;
    std::int64_t hits = 0;
    sql::Transaction transaction(m_impl->db);
    sql::Statement select(m_impl->db, "SELECT value, created FROM entries WHERE key = ?");
    sql::Statement touch(m_impl->db, "UPDATE entries SET last_used = ? WHERE key = ?");
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string key = keyOf(model, texts[i]);
        select.reset();
        select.bind(key);
        if (!select.step() || select.integer(1) < oldest)
            continue;
        const std::string blob = select.blob(0);
        if (blob.empty() || blob.size() % sizeof(float) != 0)
            continue; // not what store() writes: a miss, overwritten on the next store
        std::vector<float> v(blob.size() / sizeof(float));
        std::memcpy(v.data(), blob.data(), blob.size());
        found[i] = std::move(v);
        ++hits;
        touch.reset();
        touch.bind(now).bind(key).run();
    }
    m_impl->add("hits", hits);
    m_impl->add("misses", static_cast<std::int64_t>(texts.size()) - hits);
    m_impl->add("lookups", static_cast<std::int64_t>(texts.size()));
    m_impl->add("lookup_ns",
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started).count());
    transaction.commit();
    return found;
}

void ResponseCache::store(
    const EmbeddingModel& model, std::span<const std::string> texts, const vector::VectorSet& vectors)
{
    if (vectors.size() != texts.size())
        throw Error("response cache: " + std::to_string(vectors.size()) + " vectors for " + std::to_string(texts.size())
            + " texts; nothing stored");
    const std::int64_t now = nowSeconds();
    sql::Transaction transaction(m_impl->db);
    sql::Statement insert(m_impl->db,
        "INSERT OR REPLACE INTO entries (key, type, created, last_used, bytes, value) "
        "VALUES (?, 'embeddings', ?, ?, ?, ?)");
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string_view bytes(reinterpret_cast<const char*>(vectors.row(i)), vectors.dim() * sizeof(float));
        insert.reset();
        insert.bind(keyOf(model, texts[i]))
            .bind(now)
            .bind(now)
            .bind(static_cast<std::int64_t>(bytes.size() + 64 + texts[i].size() / 8))
            .bindBlob(bytes)
            .run();
    }
    // Least recently used first, until the entries fit.
    const std::int64_t limit = static_cast<std::int64_t>(m_config.maxSizeMb) << 20;
    sql::Statement total(m_impl->db, "SELECT COALESCE(SUM(bytes), 0) FROM entries");
    total.step();
    std::int64_t excess = total.integer(0) - limit;
    if (excess > 0) {
        std::vector<std::pair<std::string, std::int64_t>> victims;
        sql::Statement oldest(m_impl->db, "SELECT key, bytes FROM entries ORDER BY last_used, created");
        while (excess > 0 && oldest.step()) {
            victims.emplace_back(oldest.text(0), oldest.integer(1));
            excess -= oldest.integer(1);
        }
        sql::Statement remove(m_impl->db, "DELETE FROM entries WHERE key = ?");
        for (const auto& [key, bytes] : victims) {
            remove.reset();
            remove.bind(key).run();
        }
        m_impl->add("evictions", static_cast<std::int64_t>(victims.size()));
    }
    transaction.commit();
}

CacheStats ResponseCache::stats()
{
    CacheStats s;
    sql::Statement sizes(m_impl->db, "SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM entries");
    sizes.step();
    s.entries = static_cast<std::uint64_t>(sizes.integer(0));
    s.bytes = static_cast<std::uint64_t>(sizes.integer(1));
    s.maxBytes = m_config.maxSizeMb << 20;
    s.hits = static_cast<std::uint64_t>(m_impl->counter("hits"));
    s.misses = static_cast<std::uint64_t>(m_impl->counter("misses"));
    s.evictions = static_cast<std::uint64_t>(m_impl->counter("evictions"));
    const std::int64_t lookups = m_impl->counter("lookups");
    s.averageLookupMs
        = lookups ? static_cast<double>(m_impl->counter("lookup_ns")) / 1e6 / static_cast<double>(lookups) : 0;
    return s;
}

void ResponseCache::clear()
{
    sql::Transaction transaction(m_impl->db);
    m_impl->db.execute("DELETE FROM entries; DELETE FROM counters;");
    transaction.commit();
}

} // namespace evograph::embed
