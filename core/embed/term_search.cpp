#include "evograph/embed/term_search.h"

#include "evograph/embed/builtin_embedder.h"
#include "evograph/embed/providers.h"
#include "evograph/vector/vector_index.h"

namespace evograph::embed {

TermSearch::TermSearch(const std::vector<SearchableOntology>& ontologies, const config::Config& config,
    const std::string& provider, engine::ThreadPool* pool, const engine::TaskContext* task)
{
    std::vector<const analysis::OntologyIndex*> indexes;
    for (const SearchableOntology& o : ontologies)
        indexes.push_back(o.index);
    std::vector<std::vector<TermDocument>> documents;
    std::size_t texts = 0, bytes = 0;
    for (const analysis::OntologyIndex* index : indexes) {
        documents.push_back(termDocuments(*index));
        for (const TermDocument& d : documents.back())
            ++texts, bytes += d.text().size();
    }
    // One provider for the terms and the queries: vectors of two providers never mix.
    const std::string chosen = chooseProvider(config, provider, texts, bytes);

    vector::VectorSet vectors;
    if (chosen == config::kBuiltinProvider) {
        auto builtin = std::make_unique<BuiltinEmbedder>(indexes, BuiltinOptions {}, pool, task);
        vectors = vector::VectorSet(builtin->model().dimension);
        for (std::size_t i = 0; i < builtin->ontologies(); ++i)
            vectors.values().insert(vectors.values().end(), builtin->termVectors(i).values().begin(),
                builtin->termVectors(i).values().end());
        m_queryEmbedder = std::move(builtin);
    } else {
        m_queryEmbedder = makeProviderEmbedder(config, chosen);
        std::vector<std::string> all;
        all.reserve(texts);
        for (const std::vector<TermDocument>& list : documents)
            for (const TermDocument& d : list)
                all.push_back(d.text());
        vectors = m_queryEmbedder->embed(all, task);
    }
    m_model = m_queryEmbedder->model();

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
