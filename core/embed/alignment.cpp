#include "evograph/embed/alignment.h"

#include "evograph/analysis/rename_detection.h"
#include "evograph/vector/kernels.h"
#include "evograph/vector/vector_index.h"

#include "joint_embedding.h"

#include "evograph/engine/markup_escape.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace evograph::embed {

namespace {
// The SKOS concepts of a vocabulary (individuals of skos:Concept: what a thesaurus is made of).
std::unordered_set<rdf::TermId> conceptsOf(const analysis::OntologyIndex& index)
{
    std::unordered_set<rdf::TermId> concepts;
    const analysis::KnownTerms& t = index.terms();
    if (t.rdfType == rdf::kNoTerm || t.skosConcept == rdf::kNoTerm)
        return concepts;
    for (const rdf::Quad& q : index.data().quads())
        if (q.p == t.rdfType && q.o == t.skosConcept)
            concepts.insert(q.s);
    return concepts;
}

// Classes, properties and SKOS concepts; other individuals are data, not vocabulary.
bool alignable(const TermDocument& d, const std::unordered_set<rdf::TermId>& concepts)
{
    return d.category == analysis::EntityCategory::Class || d.category == analysis::EntityCategory::Property
        || (d.category == analysis::EntityCategory::Individual && concepts.contains(d.iri));
}

std::string nameOf(const TermDocument& d)
{
    return analysis::normalizeText(d.label.empty() ? d.localNameWords : d.label);
}

// A term's normalised names: its label (or local name's words), its synonyms, and its local name's words.
std::vector<std::string> namesOf(const TermDocument& d)
{
    std::vector<std::string> names {nameOf(d)};
    for (const std::string& s : d.synonyms)
        names.push_back(analysis::normalizeText(s));
    if (!d.localNameWords.empty())
        names.push_back(analysis::normalizeText(d.localNameWords));
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::erase(names, std::string());
    return names;
}

// The best label similarity over the two terms' labels and synonyms.
double lexicalSimilarity(const TermDocument& x, const TermDocument& y)
{
    std::vector<std::string> xs {nameOf(x)}, ys {nameOf(y)};
    for (const std::string& s : x.synonyms)
        xs.push_back(analysis::normalizeText(s));
    for (const std::string& s : y.synonyms)
        ys.push_back(analysis::normalizeText(s));
    double best = 0;
    for (const std::string& p : xs)
        for (const std::string& q : ys)
            best = std::max(best, analysis::textSimilarity(p, q));
    return best;
}
} // namespace

std::vector<Correspondence> alignVocabularies(const analysis::OntologyIndex& a, const analysis::OntologyIndex& b,
    const config::Config& config, const AlignOptions& options, engine::ThreadPool* pool,
    const engine::TaskContext* task)
{
    const JointEmbedding joint = embedTogether({&a, &b}, config, options.provider, {}, pool, task);
    const std::vector<TermDocument>&docsA = joint.documents[0], &docsB = joint.documents[1];
    const vector::VectorSet &vectorsA = joint.vectors[0], &vectorsB = joint.vectors[1];
    const std::string& provider = joint.provider;

    // B's classes and properties in an exact cosine index; A's terms are the queries.
    vector::IndexParams params;
    params.metric = vector::Metric::Cosine;
    vector::VectorIndex index(vectorsB.dim(), params);
    std::vector<vector::VectorId> idsB;
    vector::VectorSet keptB(vectorsB.dim());
    const std::unordered_set<rdf::TermId> conceptsA = conceptsOf(a), conceptsB = conceptsOf(b);
    for (std::size_t j = 0; j < docsB.size(); ++j)
        if (alignable(docsB[j], conceptsB))
            keptB.append(vectorsB.rowSpan(j)), idsB.push_back(static_cast<vector::VectorId>(j));
    std::vector<std::size_t> rowsA;
    vector::VectorSet queries(vectorsA.dim());
    for (std::size_t i = 0; i < docsA.size(); ++i)
        if (alignable(docsA[i], conceptsA))
            queries.append(vectorsA.rowSpan(i)), rowsA.push_back(i);
    if (keptB.empty() || queries.empty())
        return {};
    index.add(keptB, idsB);
    vector::SearchOptions search;
    search.k = std::min(options.candidates, keptB.size());
    search.pool = pool;
    search.threads = pool ? pool->threadCount() : 1;
    const vector::SearchResults near = index.search(queries, search);

    // Every exact match of normalised labels, synonyms or local names is a candidate too, however
    // far apart the embedding puts the two terms (as LogMap's and AML's lexical indexes do).
    std::unordered_map<std::string, std::vector<std::size_t>> byName;
    for (const vector::VectorId id : idsB)
        for (const std::string& name : namesOf(docsB[static_cast<std::size_t>(id)]))
            byName[name].push_back(static_cast<std::size_t>(id));
    auto cosine = [&](std::size_t rowA, std::size_t rowB) { // the index's metric, with the vector kernels
        const float *a = vectorsA.rowSpan(rowA).data(), *b = vectorsB.rowSpan(rowB).data();
        const std::size_t d = vectorsA.dim();
        const double norms = double(vector::dot(a, a, d)) * vector::dot(b, b, d);
        return norms > 0 ? vector::dot(a, b, d) / std::sqrt(norms) : 0.0;
    };

    std::vector<Correspondence> scored;
    for (std::size_t q = 0; q < rowsA.size(); ++q) {
        const TermDocument& x = docsA[rowsA[q]];
        std::unordered_set<std::size_t> seen;
        auto consider = [&](std::size_t row, double embedding) {
            const TermDocument& y = docsB[row];
            if (y.category != x.category || y.iri == x.iri || !seen.insert(row).second)
                return;
            Correspondence c {x.iri, y.iri, x.category, 0, lexicalSimilarity(x, y), embedding, provider};
            c.score = (c.lexical + std::max(0.0, c.embedding)) / 2;
            if (c.score >= options.threshold)
                scored.push_back(std::move(c));
        };
        for (std::size_t r = 0; r < near.k; ++r) {
            const vector::VectorId id = near.ids[q * near.k + r];
            if (id < 0)
                break;
            consider(static_cast<std::size_t>(id), near.distances[q * near.k + r]);
        }
        for (const std::string& name : namesOf(x))
            if (const auto it = byName.find(name); it != byName.end())
                for (const std::size_t row : it->second)
                    consider(row, cosine(rowsA[q], row));
    }
    // Best first, each term once; ties to the lower ids (reading order).
    std::stable_sort(scored.begin(), scored.end(), [](const Correspondence& p, const Correspondence& q) {
        return std::tie(q.score, p.a, p.b) < std::tie(p.score, q.a, q.b);
    });
    std::unordered_set<rdf::TermId> usedA, usedB;
    std::vector<Correspondence> taken;
    for (Correspondence& c : scored)
        if (!usedA.contains(c.a) && !usedB.contains(c.b))
            usedA.insert(c.a), usedB.insert(c.b), taken.push_back(std::move(c));
    return taken;
}

std::string alignmentRdfXml(const std::vector<embed::Correspondence>& found, const rdf::Dictionary& d)
{
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<rdf:RDF xmlns=\"http://knowledgeweb.semanticweb.org/heterogeneity/alignment#\"\n"
           "         xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
           "         xmlns:xsd=\"http://www.w3.org/2001/XMLSchema#\">\n"
           "<Alignment>\n  <xml>yes</xml>\n  <level>0</level>\n  <type>11</type>\n";
    for (const embed::Correspondence& c : found) {
        char measure[16];
        std::snprintf(measure, sizeof measure, "%.4f", c.score);
        out << "  <map>\n    <Cell>\n      <entity1 rdf:resource=\"" << detail::escapeMarkup(d.term(c.a).value)
            << "\"/>\n      <entity2 rdf:resource=\"" << detail::escapeMarkup(d.term(c.b).value)
            << "\"/>\n      <relation>=</relation>\n      <measure "
               "rdf:datatype=\"http://www.w3.org/2001/XMLSchema#float\">"
            << measure << "</measure>\n    </Cell>\n  </map>\n";
    }
    out << "</Alignment>\n</rdf:RDF>\n";
    return out.str();
}
} // namespace evograph::embed
