#include "evograph/embed/providers.h"

#include "evograph/embed/cached_embedder.h"
#include "evograph/embed/http_embedder.h"

namespace evograph::embed {

std::string chooseProvider(
    const config::Config& config, const std::string& requested, std::size_t texts, std::size_t bytes)
{
    if (requested != "auto") {
        config.provider(requested); // throws for an unknown name
        return requested;
    }
    for (const config::RoutingRule& rule : config.routing.rules)
        if (rule.matches(bytes / 4, texts))
            return rule.provider;
    return config::kBuiltinProvider;
}

std::unique_ptr<Embedder> makeProviderEmbedder(
    const config::Config& config, const std::string& name, const std::string& apiKey)
{
    const config::ProviderConfig* provider = config.provider(name);
    if (!provider)
        throw Error("the built-in embedder is trained on the ontologies it serves; it is no HTTP provider");
    auto http = std::make_unique<HttpEmbedder>(*provider, apiKey.empty() ? apiKeyFromEnvironment(*provider) : apiKey);
    if (!config.aiResponses.enabled)
        return http;
    return std::make_unique<CachedEmbedder>(std::move(http), std::make_shared<ResponseCache>(config.aiResponses));
}

} // namespace evograph::embed
