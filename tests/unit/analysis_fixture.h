#pragma once
// Two versions (and optional data) of a small ontology from inline Turtle, read into one
// dictionary, for the analysis tests. Every snippet gets the common prefixes.

#include "evograph/analysis/analyze.h"
#include "evograph/rdf/reader.h"

#include <memory>
#include <string>

namespace evograph::test {

using namespace evograph::analysis;

inline const std::string kPrefixes = "@prefix : <http://example.com/ontology#> .\n"
                                     "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                                     "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                                     "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                                     "@prefix dcterms: <http://purl.org/dc/terms/> .\n";

struct Fixture {
    std::shared_ptr<rdf::Dictionary> dictionary = std::make_shared<rdf::Dictionary>();
    rdf::Dataset oldData {dictionary}, newData {dictionary}, data {dictionary};

    Fixture(const std::string& oldTurtle, const std::string& newTurtle, const std::string& dataTurtle = {})
    {
        rdf::readString(kPrefixes + oldTurtle, rdf::Format::Turtle, oldData, {}, "old.ttl");
        rdf::readString(kPrefixes + newTurtle, rdf::Format::Turtle, newData, {}, "new.ttl");
        rdf::readString(kPrefixes + dataTurtle, rdf::Format::Turtle, data, {}, "data.ttl");
    }

    Analysis analyze(AnalysisOptions options = {})
    {
        if (!data.empty())
            options.data = &data;
        return analyzeDatasets(oldData, newData, options);
    }

    rdf::TermId iri(const std::string& local) const
    {
        const std::string full = "http://example.com/ontology#" + local;
        return dictionary->find(rdf::TermView {rdf::TermKind::Iri, full, {}, {}}).value_or(rdf::kNoTerm);
    }
};

inline const Change* find(const Analysis& a, ChangeKind kind)
{
    for (const Change& c : a.changes)
        if (c.kind == kind)
            return &c;
    return nullptr;
}

} // namespace evograph::test
