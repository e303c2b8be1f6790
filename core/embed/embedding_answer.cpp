#include "evograph/embed/embedding_answer.h"

#include "evograph/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace evograph::embed {

namespace {
void appendVector(vector::VectorSet& into, const nlohmann::json& values, std::size_t row)
{
    if (!values.is_array())
        throw Error("malformed answer: vector " + std::to_string(row) + " is no array of numbers");
    if (values.size() != into.dim())
        throw Error("the model gave a vector of " + std::to_string(values.size()) + " dimensions; expected "
            + std::to_string(into.dim()));
    std::vector<float> v;
    v.reserve(values.size());
    for (const nlohmann::json& x : values) {
        if (!x.is_number())
            throw Error("malformed answer: vector " + std::to_string(row) + " holds a value that is no number");
        const double d = x.get<double>();
        if (!std::isfinite(d) || std::abs(d) > 3.0e38)
            throw Error("vector " + std::to_string(row) + " holds a value that is not finite");
        v.push_back(static_cast<float>(d));
    }
    into.append(v);
}

// The answer's vectors in input order: Ollama's "embeddings" list, or OpenAI's "data" items
// placed by their "index".
std::vector<const nlohmann::json*> vectorsInOrder(
    config::ProviderKind kind, const nlohmann::json& json, std::size_t texts)
{
    std::vector<const nlohmann::json*> vectors(texts, nullptr);
    const char* field = kind == config::ProviderKind::Ollama ? "embeddings" : "data";
    if (!json.contains(field) || !json[field].is_array())
        throw Error(std::string("malformed answer: no \"") + field + "\" array");
    const nlohmann::json& list = json[field];
    if (list.size() != texts)
        throw Error("asked for " + std::to_string(texts) + " vectors, got " + std::to_string(list.size()));
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (kind == config::ProviderKind::Ollama) {
            vectors[i] = &list[i];
            continue;
        }
        const nlohmann::json& item = list[i];
        if (!item.is_object() || !item.contains("embedding"))
            throw Error("malformed answer: data[" + std::to_string(i) + "] has no \"embedding\"");
        std::size_t index = i;
        if (item.contains("index")) {
            if (!item["index"].is_number_unsigned() || item["index"].get<std::size_t>() >= texts)
                throw Error("malformed answer: data[" + std::to_string(i) + "].index is out of range");
            index = item["index"].get<std::size_t>();
        }
        if (vectors[index])
            throw Error("malformed answer: two vectors for input " + std::to_string(index));
        vectors[index] = &item["embedding"];
    }
    return vectors;
}
} // namespace

vector::VectorSet readEmbeddingAnswer(config::ProviderKind kind, std::string_view body, std::size_t texts)
{
    const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        throw Error("malformed answer: not a JSON object (" + std::to_string(body.size()) + " bytes)");
    const std::vector<const nlohmann::json*> vectors = vectorsInOrder(kind, json, texts);
    const std::size_t dim = vectors.empty() || !vectors[0]->is_array() ? 0 : vectors[0]->size();
    if (!dim)
        throw Error("malformed answer: empty vectors");
    vector::VectorSet result(dim);
    result.reserve(texts);
    for (std::size_t i = 0; i < vectors.size(); ++i)
        appendVector(result, *vectors[i], i);
    return result;
}

std::string providerMessage(std::string_view body)
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

} // namespace evograph::embed
