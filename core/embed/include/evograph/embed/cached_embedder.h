#pragma once
// An embedder behind the response cache: texts the cache holds are not sent; the rest go to the
// inner embedder in one call, and only its complete answer is stored (an error stores nothing).

#include "evograph/embed/embedder.h"
#include "evograph/embed/response_cache.h"

#include <memory>

namespace evograph::embed {

class CachedEmbedder final : public Embedder {
public:
    CachedEmbedder(std::unique_ptr<Embedder> inner, std::shared_ptr<ResponseCache> cache);

    EmbeddingModel model() const override { return m_inner->model(); }
    vector::VectorSet embed(std::span<const std::string> texts, const engine::TaskContext* task = nullptr) override;

    Embedder& inner() { return *m_inner; }

private:
    std::unique_ptr<Embedder> m_inner;
    std::shared_ptr<ResponseCache> m_cache;
    EmbeddingModel m_key; // the model as configured: the cache's key does not wait for a first answer
};

} // namespace evograph::embed
