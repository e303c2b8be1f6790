#pragma once
// Reading an embedding provider's HTTP answer (the JSON shapes in http_embedder.h). Kept apart
// from the transport so it can be checked, and fuzzed, on bytes alone.

#include "evograph/config/config.h"
#include "evograph/vector/vectors.h"

#include <string>
#include <string_view>

namespace evograph::embed {

// One finite vector per text, in input order, all of the answer's dimension (the first vector's).
// Throws evograph::Error saying what is malformed (no provider context: the caller adds it).
vector::VectorSet readEmbeddingAnswer(config::ProviderKind kind, std::string_view body, std::size_t texts);

// The provider's own words from an error body: {"error": {"message": ...}}, {"error": "..."},
// {"message": ...}, or the start of the text; one line, at most 300 bytes.
std::string providerMessage(std::string_view body);

} // namespace evograph::embed
