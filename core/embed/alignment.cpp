#include "evograph/embed/alignment.h"

#include "evograph/analysis/rename_detection.h"
#include "evograph/vector/vector_index.h"

#include "joint_embedding.h"

#include "evograph/engine/markup_escape.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <unordered_set>

namespace evograph::embed {

namespace {
bool alignable(analysis::EntityCategory c)
{
    return c == analysis::EntityCategory::Class || c == analysis::EntityCategory::Property;
}

std::string nameOf(const TermDocument& d)
{
    return analysis::normalizeText(d.label.empty() ? d.localNameWords : d.label);
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
    for (std::size_t j = 0; j < docsB.size(); ++j)
        if (alignable(docsB[j].category))
            keptB.append(vectorsB.rowSpan(j)), idsB.push_back(static_cast<vector::VectorId>(j));
    std::vector<std::size_t> rowsA;
    vector::VectorSet queries(vectorsA.dim());
    for (std::size_t i = 0; i < docsA.size(); ++i)
        if (alignable(docsA[i].category))
            queries.append(vectorsA.rowSpan(i)), rowsA.push_back(i);
    if (keptB.empty() || queries.empty())
        return {};
    index.add(keptB, idsB);
    vector::SearchOptions search;
    search.k = std::min(options.candidates, keptB.size());
    search.pool = pool;
    search.threads = pool ? pool->threadCount() : 1;
    const vector::SearchResults near = index.search(queries, search);

    std::vector<Correspondence> scored;
    for (std::size_t q = 0; q < rowsA.size(); ++q) {
        const TermDocument& x = docsA[rowsA[q]];
        for (std::size_t r = 0; r < near.k; ++r) {
            const vector::VectorId id = near.ids[q * near.k + r];
            if (id < 0)
                break;
            const TermDocument& y = docsB[static_cast<std::size_t>(id)];
            if (y.category != x.category || y.iri == x.iri)
                continue;
            Correspondence c {
                x.iri, y.iri, x.category, 0, lexicalSimilarity(x, y), near.distances[q * near.k + r], provider};
            c.score = (c.lexical + std::max(0.0, c.embedding)) / 2;
            if (c.score >= options.threshold)
                scored.push_back(std::move(c));
        }
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
