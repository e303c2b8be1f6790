#pragma once
// Term embeddings: texts in, one vector per text out, tagged with where they came from.
// Implementations: the built-in embedder (builtin_embedder.h, learnt from the ontologies at
// hand, offline) and the HTTP providers (http_embedder.h), the latter usually behind the response
// cache (cached_embedder.h). Vectors of different providers, models or dimensions never mix:
// EmbeddingModel says which space a vector lives in.

#include "evograph/engine/thread_pool.h"
#include "evograph/vector/vectors.h"

#include <span>
#include <string>

namespace evograph::embed {

struct EmbeddingModel {
    std::string provider; // "builtin" or the config's provider name
    std::string model;
    std::size_t dimension = 0;

    friend bool operator==(const EmbeddingModel&, const EmbeddingModel&) = default;
};

class Embedder {
public:
    virtual ~Embedder() = default;
    virtual EmbeddingModel model() const = 0;
    // One row per text, in order. `task` (optional) receives progress and is checked for
    // cancellation between batches. Throws evograph::Error (naming the provider) or Cancelled;
    // either way nothing partial is returned.
    virtual vector::VectorSet embed(std::span<const std::string> texts, const engine::TaskContext* task = nullptr) = 0;
};

} // namespace evograph::embed
