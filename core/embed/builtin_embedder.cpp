#include "evograph/embed/builtin_embedder.h"

#include "lexical_encoder.h"
#include "skip_gram.h"
#include "term_graph.h"

#include "evograph/config/config.h"

#include <chrono>
#include <thread>

namespace evograph::embed {

BuiltinEmbedder::BuiltinEmbedder(std::vector<const analysis::OntologyIndex*> ontologies, BuiltinOptions options,
    engine::ThreadPool* pool, const engine::TaskContext* task)
    : m_options(options)
    , m_lexical(std::make_unique<LexicalEncoder>(options.lexicalDim))
{
    const auto started = std::chrono::steady_clock::now();
    if (!m_options.threads)
        m_options.threads = std::max(1u, std::thread::hardware_concurrency());
    for (const analysis::OntologyIndex* index : ontologies) {
        m_documents.push_back(termDocuments(*index));
        m_lexical->fit(m_documents.back());
    }
    TermGraph graph;
    for (std::size_t i = 0; i < ontologies.size(); ++i)
        graph.addOntology(*ontologies[i], m_documents[i]);
    graph.finish();
    if (task)
        task->checkpoint();
    const std::vector<std::uint32_t> walks = graph.walks(m_options.walksPerNode, m_options.walkLength, m_options.seed);
    SkipGramOptions sg;
    sg.dim = m_options.structuralDim;
    sg.window = m_options.window;
    sg.negatives = m_options.negatives;
    sg.epochs = m_options.epochs;
    sg.seed = m_options.seed;
    sg.threads = m_options.threads;
    const vector::VectorSet structure = m_options.structuralDim
        ? trainSkipGram(walks, m_options.walkLength, graph.size(), sg, pool, task)
        : vector::VectorSet(graph.size(), 0);
    m_trainingBytes = walks.size() * sizeof(std::uint32_t) + 3 * structure.values().size() * sizeof(float);
    // Skip-gram vectors share a common direction that makes everything look alike; it goes.
    std::vector<float> mean(m_options.structuralDim, 0.0f);
    for (std::size_t n = 0; n < structure.size(); ++n)
        for (std::size_t k = 0; k < mean.size(); ++k)
            mean[k] += structure.row(n)[k] / static_cast<float>(structure.size());

    const std::size_t lexDim = m_options.lexicalDim, dim = lexDim + m_options.structuralDim;
    for (const std::vector<TermDocument>& documents : m_documents) {
        vector::VectorSet vectors(documents.size(), dim);
        for (std::size_t t = 0; t < documents.size(); ++t) {
            float* v = vectors.row(t);
            m_lexical->encodeDocument(documents[t], v);
            const std::uint32_t node = graph.nodeOf(documents[t].iri);
            if (m_options.structuralDim && node != TermGraph::kNoNode) {
                for (std::size_t k = 0; k < mean.size(); ++k)
                    v[lexDim + k] = structure.row(node)[k] - mean[k];
                scaleToLength(v + lexDim, m_options.structuralDim, m_options.structuralWeight);
            }
            scaleToLength(v, dim, 1.0f);
        }
        m_trainingBytes += vectors.values().size() * sizeof(float);
        m_vectors.push_back(std::move(vectors));
    }
    m_trainingSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

BuiltinEmbedder::~BuiltinEmbedder() = default;

EmbeddingModel BuiltinEmbedder::model() const
{
    return {config::kBuiltinProvider, "lexical+walks", m_options.lexicalDim + m_options.structuralDim};
}

vector::VectorSet BuiltinEmbedder::embed(std::span<const std::string> texts, const engine::TaskContext* task)
{
    const std::size_t dim = m_options.lexicalDim + m_options.structuralDim;
    vector::VectorSet out(texts.size(), dim);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (task && i % 1024 == 0)
            task->checkpoint(), task->setProgress(i, texts.size());
        m_lexical->encodeText(texts[i], out.row(i)); // the structural half stays zero
    }
    return out;
}

} // namespace evograph::embed
