#pragma once
// The providers' answers, kept so that the same text is never sent twice: the seed's
// [cache.ai_responses]. One SQLite file in the user's cache folder
// ($XDG_CACHE_HOME/evograph/ai-responses.sqlite, or ~/.cache/...), keyed by the SHA-256 of
// (provider, model, dimension, text); entries older than ttl_seconds are misses (0: they never
// expire); past max_size_mb the least recently used go first. Only complete answers are stored,
// in one transaction. Hits, misses, evictions and lookup time are counted in the file, so
// `evograph cache stats` sees every process's use.

#include "evograph/config/config.h"
#include "evograph/embed/embedder.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace evograph::embed {

struct CacheStats {
    std::uint64_t entries = 0, bytes = 0, maxBytes = 0;
    std::uint64_t hits = 0, misses = 0, evictions = 0;
    double averageLookupMs = 0; // per text looked up
    double hitRate() const
    {
        return hits + misses ? static_cast<double>(hits) / static_cast<double>(hits + misses) : 0;
    }
};

class ResponseCache {
public:
    explicit ResponseCache(const config::ResponseCacheConfig& config);
    ~ResponseCache();
    ResponseCache(const ResponseCache&) = delete;
    ResponseCache& operator=(const ResponseCache&) = delete;

    static std::filesystem::path defaultPath();
    const std::filesystem::path& path() const { return m_path; }

    // The cached vector of each text, nullopt where there is none (or it expired).
    std::vector<std::optional<std::vector<float>>> lookup(
        const EmbeddingModel& model, std::span<const std::string> texts);
    // Stores one vector per text (rows of `vectors`), then evicts beyond the size limit.
    void store(const EmbeddingModel& model, std::span<const std::string> texts, const vector::VectorSet& vectors);

    CacheStats stats();
    // Removes every entry and resets the counters.
    void clear();

private:
    struct Impl;
    std::filesystem::path m_path;
    config::ResponseCacheConfig m_config;
    std::unique_ptr<Impl> m_impl;
};

} // namespace evograph::embed
