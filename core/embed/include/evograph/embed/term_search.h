#pragma once
// Semantic search over the terms of one or more ontologies: every class, property and individual
// is embedded once (by the built-in embedder trained on them, or by a provider from its text),
// kept in an exact cosine index of the vector engine, and a query is embedded the same way and
// matched against them. Building is the slow part (an engine task's work); a search then takes
// well under a millisecond for tens of thousands of terms.

#include "evograph/analysis/ontology_index.h"
#include "evograph/config/config.h"
#include "evograph/embed/embedder.h"

#include <memory>
#include <string>
#include <vector>

namespace evograph::vector {
class VectorIndex;
}

namespace evograph::embed {

struct SearchableOntology {
    std::string version; // what results call it: a file name, or "GRAPH@SEQ"
    const analysis::OntologyIndex* index = nullptr;
};

struct TermHit {
    std::string iri, label, kind, version;
    double score = 0; // cosine similarity
};

class TermSearch {
public:
    // `provider`: "builtin", a configured provider's name, or "auto" (config routing). `apiKey`:
    // the provider's key when the caller has it (the studio's keyring); else its api_key_env.
    TermSearch(const std::vector<SearchableOntology>& ontologies, const config::Config& config,
        const std::string& provider, engine::ThreadPool* pool = nullptr, const engine::TaskContext* task = nullptr,
        const std::string& apiKey = {});
    ~TermSearch();

    // The k terms nearest the query, best first. Not thread-safe (a provider may be asked).
    std::vector<TermHit> search(const std::string& query, std::size_t k);
    const EmbeddingModel& model() const { return m_model; }
    std::size_t terms() const { return m_hits.size(); }

private:
    std::unique_ptr<Embedder> m_queryEmbedder;
    std::unique_ptr<vector::VectorIndex> m_index;
    std::vector<TermHit> m_hits; // by vector id, score 0
    EmbeddingModel m_model;
};

} // namespace evograph::embed
