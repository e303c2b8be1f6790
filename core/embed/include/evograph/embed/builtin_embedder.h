#pragma once
// evograph's own embedder, the default: works offline and downloads nothing. A term's vector is
// learnt from the ontologies at hand, in the spirit of OWL2Vec* and RDF2Vec:
//  - lexical (lexicalDim): hashed words and character 3-6-grams of its label, synonyms, local
//    name and definition, IDF-weighted over the terms of every ontology given (fastText's trick);
//  - structural (structuralDim): skip-gram with negative sampling over random walks through
//    subClassOf, domain and range, restrictions, equivalences, instance links and annotations,
//    and the words of labels.
// The two halves are normalised, weighted and joined, then the whole is normalised: cosine
// similarity is the inner product. Ontologies given together (two versions, two vocabularies)
// are trained together, so a shared IRI or a shared word anchors them in one space.
//
// Texts (a search query) have no place in the graph: embed() gives their lexical half and zeros,
// so a query matches terms by their words. Everything is deterministic for a seed, whatever the
// thread count.

#include "evograph/embed/embedder.h"
#include "evograph/embed/term_documents.h"

#include <memory>
#include <vector>

namespace evograph::embed {

struct BuiltinOptions {
    std::size_t lexicalDim = 320;
    std::size_t structuralDim = 64;
    float structuralWeight = 0.6f; // the lexical half weighs 1
    unsigned walksPerNode = 12, walkLength = 8;
    unsigned window = 4, negatives = 5, epochs = 4;
    std::uint64_t seed = 42;
    std::size_t threads = 0; // 0: the hardware's
};

class LexicalEncoder;

class BuiltinEmbedder final : public Embedder {
public:
    // Learns from the ontologies (indexes over one shared Dictionary). `task` (optional) gets
    // progress and cancellation; the training runs on `pool` (optional: this thread alone).
    BuiltinEmbedder(std::vector<const analysis::OntologyIndex*> ontologies, BuiltinOptions options = {},
        engine::ThreadPool* pool = nullptr, const engine::TaskContext* task = nullptr);
    ~BuiltinEmbedder() override;

    EmbeddingModel model() const override;
    vector::VectorSet embed(std::span<const std::string> texts, const engine::TaskContext* task = nullptr) override;

    std::size_t ontologies() const { return m_documents.size(); }
    // The terms of ontology i (termDocuments() order) and their vectors (one row each).
    const std::vector<TermDocument>& documents(std::size_t i) const { return m_documents[i]; }
    const vector::VectorSet& termVectors(std::size_t i) const { return m_vectors[i]; }

    // Seconds spent learning (lexical, walks, skip-gram) and the peak bytes the training held.
    double trainingSeconds() const { return m_trainingSeconds; }
    std::size_t trainingBytes() const { return m_trainingBytes; }

private:
    BuiltinOptions m_options;
    std::unique_ptr<LexicalEncoder> m_lexical;
    std::vector<std::vector<TermDocument>> m_documents;
    std::vector<vector::VectorSet> m_vectors;
    double m_trainingSeconds = 0;
    std::size_t m_trainingBytes = 0;
};

} // namespace evograph::embed
