#include "evograph/embed/http_embedder.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
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

// The provider's own words from an error body: {"error": {"message": ...}}, {"error": "..."},
// {"message": ...}, or the start of the text.
std::string providerMessage(const std::string& body)
{
    const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    std::string message;
    if (json.is_object()) {
        if (json.contains("error") && json["error"].is_object() && json["error"].contains("message")
            && json["error"]["message"].is_string())
            message = json["error"]["message"].get<std::string>();
        else if (json.contains("error") && json["error"].is_string())
            message = json["error"].get<std::string>();
        else if (json.contains("message") && json["message"].is_string())
            message = json["message"].get<std::string>();
    }
    if (message.empty())
        message = body;
    if (message.size() > 300)
        message = message.substr(0, 300) + "…";
    std::replace(message.begin(), message.end(), '\n', ' ');
    return message;
}

void appendVector(vector::VectorSet& into, const nlohmann::json& values, std::size_t row,
    const std::function<void(const std::string&)>& fail)
{
    if (!values.is_array())
        fail("malformed answer: vector " + std::to_string(row) + " is no array of numbers");
    if (values.size() != into.dim())
        fail("the model gave a vector of " + std::to_string(values.size()) + " dimensions; expected "
            + std::to_string(into.dim()));
    std::vector<float> v;
    v.reserve(values.size());
    for (const nlohmann::json& x : values) {
        if (!x.is_number())
            fail("malformed answer: vector " + std::to_string(row) + " holds a value that is no number");
        const double d = x.get<double>();
        if (!std::isfinite(d) || std::abs(d) > 3.0e38)
            fail("vector " + std::to_string(row) + " holds a value that is not finite");
        v.push_back(static_cast<float>(d));
    }
    into.append(v);
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

    const nlohmann::json json = nlohmann::json::parse(response.body, nullptr, false);
    const auto failHere = [this](const std::string& m) { fail(m); };
    if (json.is_discarded() || !json.is_object())
        fail("malformed answer: not a JSON object (" + std::to_string(response.body.size()) + " bytes)");
    std::vector<const nlohmann::json*> vectors(texts.size(), nullptr);
    if (m_provider.kind == config::ProviderKind::Ollama) {
        if (!json.contains("embeddings") || !json["embeddings"].is_array())
            fail("malformed answer: no \"embeddings\" array");
        const nlohmann::json& list = json["embeddings"];
        if (list.size() != texts.size())
            fail("asked for " + std::to_string(texts.size()) + " vectors, got " + std::to_string(list.size()));
        for (std::size_t i = 0; i < list.size(); ++i)
            vectors[i] = &list[i];
    } else {
        if (!json.contains("data") || !json["data"].is_array())
            fail("malformed answer: no \"data\" array");
        const nlohmann::json& data = json["data"];
        if (data.size() != texts.size())
            fail("asked for " + std::to_string(texts.size()) + " vectors, got " + std::to_string(data.size()));
        for (std::size_t i = 0; i < data.size(); ++i) {
            const nlohmann::json& item = data[i];
            if (!item.is_object() || !item.contains("embedding"))
                fail("malformed answer: data[" + std::to_string(i) + "] has no \"embedding\"");
            std::size_t index = i;
            if (item.contains("index")) {
                if (!item["index"].is_number_unsigned() || item["index"].get<std::size_t>() >= texts.size())
                    fail("malformed answer: data[" + std::to_string(i) + "].index is out of range");
                index = item["index"].get<std::size_t>();
            }
            if (vectors[index])
                fail("malformed answer: two vectors for input " + std::to_string(index));
            vectors[index] = &item["embedding"];
        }
    }
    const std::size_t dim = vectors.empty() || !vectors[0]->is_array() ? 0 : vectors[0]->size();
    if (m_dimension && dim != m_dimension)
        fail("the model gave vectors of " + std::to_string(dim) + " dimensions; "
            + (m_provider.dimensions ? "the config says " : "earlier answers had ") + std::to_string(m_dimension));
    if (!dim)
        fail("malformed answer: empty vectors");
    vector::VectorSet result(dim);
    result.reserve(texts.size());
    for (std::size_t i = 0; i < vectors.size(); ++i)
        appendVector(result, *vectors[i], i, failHere);
    m_dimension = dim;
    return result;
}

} // namespace evograph::embed
