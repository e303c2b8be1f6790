#pragma once
// Choosing and making the embedder a command asked for: "builtin" (evograph's own, trained on the
// ontologies at hand by the caller), a provider of the config's [ai.providers], or "auto" (the
// config's [[ai.routing.rules]], first match; builtin when none matches).

#include "evograph/config/config.h"
#include "evograph/embed/embedder.h"

#include <memory>
#include <string>

namespace evograph::embed {

// The provider's name for a request of `texts` texts of `bytes` bytes in all (tokens are
// estimated as bytes / 4). Throws evograph::Error for an unknown name.
std::string chooseProvider(
    const config::Config& config, const std::string& requested, std::size_t texts, std::size_t bytes);

// The HTTP provider `name` (not "builtin"), behind the response cache when the config enables it.
// The key comes from the provider's api_key_env, or `apiKey` when given (the studio's keyring).
std::unique_ptr<Embedder> makeProviderEmbedder(
    const config::Config& config, const std::string& name, const std::string& apiKey = {});

} // namespace evograph::embed
