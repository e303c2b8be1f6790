#include "evograph/embed/term_search.h"

#include "joint_embedding.h"

#include "evograph/vector/vector_index.h"

namespace evograph::embed {

TermSearch::TermSearch(const std::vector<SearchableOntology>& ontologies, const config::Config& config,
    const std::string& provider, engine::ThreadPool* pool, const engine::TaskContext* task, const std::string& apiKey)
{
    std::vector<const analysis::OntologyIndex*> indexes;
    for (const SearchableOntology& o : ontologies)
        indexes.push_back(o.index);
    // One provider for the terms and the queries: vectors of two providers never mix.
    JointEmbedding joint = embedTogether(indexes, config, provider, {}, pool, task, apiKey);
    m_queryEmbedder = std::move(joint.embedder);
    m_model = m_queryEmbedder->model();
    // A provider's dimension is known from its answers (all of which may have come from the cache).
    m_model.dimension = joint.vectors.empty() ? m_model.dimension : joint.vectors[0].dim();
    vector::VectorSet vectors(m_model.dimension);
    for (const vector::VectorSet& part : joint.vectors)
        vectors.values().insert(vectors.values().end(), part.values().begin(), part.values().end());
    const std::vector<std::vector<TermDocument>>& documents = joint.documents;

    for (std::size_t i = 0; i < ontologies.size(); ++i) {
        const rdf::Dictionary& dictionary = ontologies[i].index->data().dictionary();
        for (const TermDocument& d : documents[i])
            m_hits.push_back({std::string(dictionary.term(d.iri).value), d.label, std::string(categoryName(d.category)),
                ontologies[i].version, 0});
    }
    vector::IndexParams params;
    params.kind = vector::IndexKind::Flat;
    params.metric = vector::Metric::Cosine;
    m_index = std::make_unique<vector::VectorIndex>(vectors.dim() ? vectors.dim() : 1, params);
    if (!m_hits.empty())
        m_index->add(vectors);
}

TermSearch::~TermSearch() = default;

std::vector<TermHit> TermSearch::search(const std::string& query, std::size_t k)
{
    std::vector<TermHit> hits;
    if (m_hits.empty() || k == 0)
        return hits;
    const std::string texts[] = {query};
    const vector::VectorSet q = m_queryEmbedder->embed(texts);
    vector::SearchOptions options;
    options.k = std::min(k, m_hits.size());
    const vector::SearchResults found = m_index->search(q, options);
    for (std::size_t i = 0; i < found.k; ++i) {
        if (found.ids[i] < 0)
            break;
        TermHit hit = m_hits[static_cast<std::size_t>(found.ids[i])];
        hit.score = found.distances[i];
        hits.push_back(std::move(hit));
    }
    return hits;
}

} // namespace evograph::embed
