// Real third-party data from ../shared/corpus: schema.org releases (Turtle, N-Triples, RDF/XML),
// the OBO Relation Ontology and IAO (OWL in RDF/XML, a third of their triples on blank nodes).

#include "evograph/rdf/isomorphism.h"
#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/reader.h"
#include "evograph/rdf/statistics.h"
#include "evograph/rdf/turtle_writer.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

using namespace evograph::rdf;
namespace fs = std::filesystem;

namespace {
const fs::path kCorpus = EVOGRAPH_CORPUS;

void requireCorpus()
{
    if (!fs::exists(kCorpus / "schemaorg"))
        SKIP("the shared corpus is not at " << kCorpus.string() << " (expected ../shared/corpus beside the checkout)");
}

std::vector<fs::path> corpusFiles()
{
    std::vector<fs::path> files;
    for (const char* dataset : {"schemaorg", "obo-ro", "obo-iao"}) {
        if (!fs::exists(kCorpus / dataset))
            continue;
        for (const auto& entry : fs::recursive_directory_iterator(kCorpus / dataset)) {
            const auto ext = entry.path().extension();
            if (ext == ".ttl" || ext == ".nt" || ext == ".rdf" || ext == ".owl")
                files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

Dataset load(const fs::path& path, std::shared_ptr<Dictionary> dict = std::make_shared<Dictionary>())
{
    Dataset data(std::move(dict));
    readFile(path.string(), data);
    return data;
}
} // namespace

TEST_CASE("every schema.org, RO and IAO release loads with its known triple count", "[corpus]")
{
    requireCorpus();
    const std::map<std::string, std::uint64_t> expected = {
        {"schemaorg/v27.01/schemaorg-all-https.ttl", 16694},
        {"schemaorg/v29.3/schemaorg-all-https.ttl", 17365},
        {"obo-ro/v2024-02-13/ro.owl", 10607},
        {"obo-ro/v2025-06-24/ro.owl", 11546},
        {"obo-iao/v2019-06-07/iao.owl", 4417},
        {"obo-iao/v2020-12-09/iao.owl", 4733},
    };
    const auto files = corpusFiles();
    CHECK(files.size() == 17);
    for (const auto& file : files) {
        INFO(file.string());
        const Dataset data = load(file);
        CHECK(data.size() > 4000);
        const auto known = expected.find(fs::relative(file, kCorpus).string());
        if (known != expected.end())
            CHECK(data.size() == known->second);
    }
}

TEST_CASE("schema.org 27.01 as Turtle, N-Triples and RDF/XML is one graph", "[corpus]")
{
    requireCorpus();
    const fs::path dir = kCorpus / "schemaorg/v27.01";
    auto dict = std::make_shared<Dictionary>();
    const Dataset ttl = load(dir / "schemaorg-all-https.ttl", dict);
    const Dataset nt = load(dir / "schemaorg-all-https.nt", dict);
    const Dataset xml = load(dir / "schemaorg-all-https.rdf", dict);
    CHECK(ttl.size() == 16694);
    // One shared dictionary and no blank nodes: the same graph means the same sorted id arrays,
    // so every literal is byte-for-byte what rapper wrote into the .nt file.
    CHECK(std::equal(ttl.quads().begin(), ttl.quads().end(), nt.quads().begin(), nt.quads().end()));
    CHECK(std::equal(xml.quads().begin(), xml.quads().end(), nt.quads().begin(), nt.quads().end()));
}

TEST_CASE("the long-string literal Serd 0.30 mis-read is exact in every schema.org release", "[corpus]")
{
    requireCorpus();
    for (const auto& file : corpusFiles()) {
        if (file.extension() != ".ttl")
            continue;
        INFO(file.string());
        const Dataset data = load(file);
        const auto& dict = data.dictionary();
        const auto subject = dict.find(TermView {TermKind::Iri, "https://schema.org/ProfessionalService", {}, {}});
        const auto comment
            = dict.find(TermView {TermKind::Iri, "http://www.w3.org/2000/01/rdf-schema#comment", {}, {}});
        REQUIRE(subject);
        REQUIRE(comment);
        bool found = false;
        for (const Quad& q : data.withSubject(*subject)) {
            if (q.p != *comment)
                continue;
            const auto text = dict.term(q.o).value;
            CHECK(text.find(".\"\\n\\n") != std::string_view::npos); // quote, backslash, n: not a line feed
            found = true;
        }
        CHECK(found);
    }
}

TEST_CASE("writing each corpus file and reading it back gives the same graph", "[corpus]")
{
    requireCorpus();
    for (const auto& file : corpusFiles()) {
        INFO(file.string());
        const Dataset data = load(file);
        std::ostringstream nt, ttl;
        writeNTriples(data, nt);
        writeTurtle(data, ttl);
        Dataset fromNt, fromTtl;
        readString(nt.str(), Format::NTriples, fromNt);
        readString(ttl.str(), Format::Turtle, fromTtl);
        CHECK(isIsomorphic(data, fromNt));
        CHECK(isIsomorphic(data, fromTtl));
    }
}

TEST_CASE("statistics of a real OWL ontology", "[corpus]")
{
    requireCorpus();
    const Statistics stats = computeStatistics(load(kCorpus / "obo-ro/v2025-06-24/ro.owl"));
    CHECK(stats.triples == 11546);
    CHECK(stats.classes >= 56);
    CHECK(stats.objectProperties == 690);
    CHECK(
        stats.versionIris == std::vector<std::string> {"http://purl.obolibrary.org/obo/ro/releases/2025-06-24/ro.owl"});
    CHECK(stats.blankNodes > 0);
}
