#include "evograph/embed/http_embedder.h"

#include "evograph/embed/embedding_answer.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace evograph::embed {

namespace {
net::HttpOptions httpOptions(const config::ProviderConfig& p)
{
    net::HttpOptions o;
    o.connectTimeout = std::chrono::milliseconds(static_cast<std::int64_t>(p.connectTimeoutSeconds * 1000));
    o.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(p.timeoutSeconds * 1000));
    o.maxRetries = p.maxRetries;
    o.requestsPerSecond = p.requestsPerSecond;
    o.caFile = p.caFile;
    return o;
}

const char* kindName(config::ProviderKind kind)
{
    return kind == config::ProviderKind::Ollama ? "ollama" : "openai";
}

} // namespace

std::string apiKeyFromEnvironment(const config::ProviderConfig& provider)
{
    if (provider.apiKeyEnv.empty())
        return {};
    const char* key = std::getenv(provider.apiKeyEnv.c_str());
    if (!key || !*key)
        throw Error(provider.where,
            "provider " + provider.name + ": the environment variable " + provider.apiKeyEnv
                + " (api_key_env) is not set");
    return key;
}

HttpEmbedder::HttpEmbedder(config::ProviderConfig provider, std::string apiKey)
    : m_provider(std::move(provider))
    , m_apiKey(std::move(apiKey))
    , m_client(std::make_unique<net::HttpClient>(httpOptions(m_provider)))
    , m_dimension(m_provider.dimensions)
{
}

EmbeddingModel HttpEmbedder::model() const
{
    return {m_provider.name, m_provider.model, m_dimension};
}

std::string HttpEmbedder::endpoint() const
{
    return m_provider.url + (m_provider.kind == config::ProviderKind::Ollama ? "/api/embed" : "/embeddings");
}

void HttpEmbedder::fail(const std::string& message) const
{
    std::string text = "provider " + m_provider.name + " (" + kindName(m_provider.kind) + ", "
        + net::displayUrl(endpoint()) + "): " + message;
    // A service may quote the key it was given; it goes no further than here.
    if (m_apiKey.size() >= 4)
        for (std::size_t at; (at = text.find(m_apiKey)) != std::string::npos;)
            text.replace(at, m_apiKey.size(), "[key]");
    throw Error(text);
}

vector::VectorSet HttpEmbedder::embed(std::span<const std::string> texts, const engine::TaskContext* task)
{
    std::optional<vector::VectorSet> all;
    std::size_t done = 0;
    while (done < texts.size()) {
        std::size_t end = done, bytes = 0;
        while (end < texts.size() && end - done < m_provider.maxBatch
            && (end == done || bytes + texts[end].size() <= m_provider.maxBatchBytes))
            bytes += texts[end++].size();
        vector::VectorSet batch = embedBatch(texts.subspan(done, end - done), task ? &task->cancellation() : nullptr);
        if (!all)
            all.emplace(batch.dim()), all->reserve(texts.size());
        all->values().insert(all->values().end(), batch.values().begin(), batch.values().end());
        done = end;
        if (task)
            task->setProgress(done, texts.size());
    }
    return all ? std::move(*all) : vector::VectorSet(m_dimension);
}

vector::VectorSet HttpEmbedder::embedBatch(std::span<const std::string> texts, const engine::CancellationToken* cancel)
{
    net::HttpRequest request;
    request.method = "POST";
    request.url = endpoint();
    request.headers.push_back({"Content-Type", "application/json"});
    request.headers.push_back({"Accept", "application/json"});
    if (!m_apiKey.empty())
        request.headers.push_back({"Authorization", "Bearer " + m_apiKey, true});
    nlohmann::json body = {{"model", m_provider.model}, {"input", texts}};
    if (m_provider.kind == config::ProviderKind::OpenAi)
        body["encoding_format"] = "float";
    request.body = body.dump();

    net::HttpResponse response;
    try {
        response = m_client->send(request, cancel);
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& e) {
        fail(e.message());
    }
    if (response.status != 200)
        fail("HTTP " + std::to_string(response.status) + ": " + providerMessage(response.body));

    vector::VectorSet result;
    try {
        result = readEmbeddingAnswer(m_provider.kind, response.body, texts.size());
    } catch (const Error& e) {
        fail(e.message());
    }
    const std::size_t dim = result.dim();
    if (m_dimension && dim != m_dimension)
        fail("the model gave vectors of " + std::to_string(dim) + " dimensions; "
            + (m_provider.dimensions ? "the config says " : "earlier answers had ") + std::to_string(m_dimension));
    m_dimension = dim;
    return result;
}

} // namespace evograph::embed
