#pragma once
// Alignment between two vocabularies: which class or property of A is the same as which of B.
// Both are embedded together (the built-in embedder: shared words and shared IRIs anchor one
// space; or a provider from the terms' texts); each term of A is compared with its nearest terms
// of B of the same kind, a pair scores the mean of its embedding cosine and its label similarity,
// and pairs are taken best first, one-to-one, down to the threshold.

#include "evograph/analysis/ontology_index.h"
#include "evograph/config/config.h"
#include "evograph/engine/thread_pool.h"

#include <string>
#include <vector>

namespace evograph::embed {

struct Correspondence {
    rdf::TermId a = rdf::kNoTerm, b = rdf::kNoTerm;
    analysis::EntityCategory category = analysis::EntityCategory::None;
    double score = 0;
    double lexical = 0; // label (or local name) similarity, 0..1
    double embedding = 0; // cosine of the two terms' vectors
    std::string provider;
};

struct AlignOptions {
    double threshold = 0.55;
    std::size_t candidates = 10; // nearest terms of B looked at per term of A
    std::string provider = "builtin";
};

// Sorted by score, best first. Both indexes over one Dictionary.
std::vector<Correspondence> alignVocabularies(const analysis::OntologyIndex& a, const analysis::OntologyIndex& b,
    const config::Config& config, const AlignOptions& options = {}, engine::ThreadPool* pool = nullptr,
    const engine::TaskContext* task = nullptr);

// The Alignment API's RDF/XML format (level 0, type 11, relation "="), which matchers exchange.
std::string alignmentRdfXml(const std::vector<Correspondence>& found, const rdf::Dictionary& dictionary);

} // namespace evograph::embed
