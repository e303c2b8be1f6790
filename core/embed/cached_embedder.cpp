#include "evograph/embed/cached_embedder.h"

#include "evograph/error.h"

namespace evograph::embed {

CachedEmbedder::CachedEmbedder(std::unique_ptr<Embedder> inner, std::shared_ptr<ResponseCache> cache)
    : m_inner(std::move(inner))
    , m_cache(std::move(cache))
    , m_key(m_inner->model())
{
}

vector::VectorSet CachedEmbedder::embed(std::span<const std::string> texts, const engine::TaskContext* task)
{
    std::vector<std::optional<std::vector<float>>> found = m_cache->lookup(m_key, texts);
    std::vector<std::string> missing;
    std::vector<std::size_t> missingAt;
    for (std::size_t i = 0; i < texts.size(); ++i)
        if (!found[i])
            missing.push_back(texts[i]), missingAt.push_back(i);
    vector::VectorSet fresh;
    if (!missing.empty()) {
        fresh = m_inner->embed(missing, task);
        m_cache->store(m_key, missing, fresh);
        for (std::size_t j = 0; j < missingAt.size(); ++j)
            found[missingAt[j]] = std::vector<float>(fresh.row(j), fresh.row(j) + fresh.dim());
    }
    const std::size_t dim = texts.empty() ? m_inner->model().dimension : found[0]->size();
    vector::VectorSet result(dim);
    result.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (found[i]->size() != dim)
            throw Error("provider " + m_key.provider + ": cached vectors of " + std::to_string(found[i]->size())
                + " and " + std::to_string(dim) + " dimensions for one model; run `evograph cache clear`");
        result.append(*found[i]);
    }
    if (task)
        task->setProgress(texts.size(), texts.size());
    return result;
}

} // namespace evograph::embed
