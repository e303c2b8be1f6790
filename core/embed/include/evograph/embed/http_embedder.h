#pragma once
// Embeddings from a service over HTTP, through the one HTTP layer (net/http_client.h):
//  - kind "openai": POST {url}/embeddings {"model", "input": [...]} → {"data": [{"index", "embedding"}]}
//    (OpenAI, llama.cpp's server, vLLM, LM Studio);
//  - kind "ollama": POST {url}/api/embed {"model", "input": [...]} → {"embeddings": [[...]]}.
// Texts go in batches of at most max_batch texts and max_batch_bytes bytes; the provider's rate
// limit, timeouts and retries are the config's. Every answer is checked: valid JSON of the
// expected shape, one finite vector per text, the configured dimension (or, without one, the
// same dimension every time). A failure is an evograph::Error naming the provider, the HTTP
// status and the provider's own message, and nothing of the request is returned.
//
// The API key is sent as "Authorization: Bearer KEY" and appears nowhere else: not in errors
// (any echo of it in a provider's message is masked), logs or results.

#include "evograph/config/config.h"
#include "evograph/embed/embedder.h"
#include "evograph/net/http_client.h"

#include <memory>
#include <optional>

namespace evograph::embed {

class HttpEmbedder final : public Embedder {
public:
    // `apiKey` empty: no Authorization header.
    HttpEmbedder(config::ProviderConfig provider, std::string apiKey);

    EmbeddingModel model() const override;
    vector::VectorSet embed(std::span<const std::string> texts, const engine::TaskContext* task = nullptr) override;

    const config::ProviderConfig& provider() const { return m_provider; }
    net::HttpClient& client() { return *m_client; }

private:
    vector::VectorSet embedBatch(std::span<const std::string> texts, const engine::CancellationToken* cancel);
    [[noreturn]] void fail(const std::string& message) const;
    std::string endpoint() const;

    config::ProviderConfig m_provider;
    std::string m_apiKey;
    std::unique_ptr<net::HttpClient> m_client;
    std::size_t m_dimension; // the configured one, else the first answer's
};

// The key of a provider: the environment variable its api_key_env names (empty when it names
// none). Throws evograph::Error when the variable is named but unset.
std::string apiKeyFromEnvironment(const config::ProviderConfig& provider);

} // namespace evograph::embed
