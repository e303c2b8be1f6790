#pragma once
// Internal to the embed domain: the terms of several ontologies embedded into one space, as
// search, alignment and rename detection all need. With the built-in embedder the ontologies
// are trained together; with a provider, every term's text goes in one request stream and the
// vectors are normalised (cosine is then the inner product either way). The embedder stays, for
// queries in the same space.

#include "evograph/config/config.h"
#include "evograph/embed/builtin_embedder.h"

#include <memory>
#include <string>
#include <vector>

namespace evograph::embed {

struct JointEmbedding {
    std::string provider; // the one chosen ("auto" resolved)
    std::vector<std::vector<TermDocument>> documents; // per ontology (termDocuments() order)
    std::vector<vector::VectorSet> vectors; // per ontology, a unit row per document
    std::unique_ptr<Embedder> embedder;
};

// `provider`: "builtin", a configured provider, or "auto" (routed by the size of the whole request).
// `apiKey`: the provider's key when the caller has it (the studio's keyring); else its api_key_env.
JointEmbedding embedTogether(const std::vector<const analysis::OntologyIndex*>& ontologies,
    const config::Config& config, const std::string& provider, const BuiltinOptions& builtinOptions = {},
    engine::ThreadPool* pool = nullptr, const engine::TaskContext* task = nullptr, const std::string& apiKey = {});

} // namespace evograph::embed
