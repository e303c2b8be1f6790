// The diff on real and generated data: exact against gen_ontology.py's ground truth, equal to a
// plain N-Triples set difference where there are no blank nodes (schema.org), silent when an OWL
// file with many blank nodes is compared with itself or a re-serialised copy (RO, IAO), and as
// small as the edit when a few statements around blank nodes change.

#include "../support/blank_mutation.h"
#include "corpus_versions.h"
#include "evograph/diff/graph_diff.h"
#include "evograph/diff/rdf_patch.h"
#include "evograph/rdf/isomorphism.h"
#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/reader.h"
#include "evograph/rdf/turtle_writer.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

using namespace evograph;
using namespace evograph::rdf;
using namespace evograph::test;
using evograph::test::Edit;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Removed and added statements as one N-Quads document in two named graphs, so that a single
// blank node bijection must fit both sides.
std::string asChangeDocument(std::string_view removed, std::string_view added)
{
    std::string out;
    auto append = [&](std::string_view lines, std::string_view graph) {
        std::istringstream in {std::string(lines)};
        for (std::string line; std::getline(in, line);) {
            while (!line.empty() && (line.back() == ' ' || line.back() == '.'))
                line.pop_back();
            if (!line.empty())
                out += line + " <" + std::string(graph) + "> .\n";
        }
    };
    append(removed, "urn:removed");
    append(added, "urn:added");
    return out;
}

std::string labelled(const Versions& v, const std::vector<Quad>& quads, const diff::BlankLabelMap& labels)
{
    std::string out;
    for (const Quad& q : quads) {
        appendQuad(out, *v.dictionary, q, labels);
        out += '\n';
    }
    return out;
}
} // namespace

TEST_CASE("the diff of generated versions equals the generator's ground truth", "[diff][corpus]")
{
    if (!generatorAvailable())
        SKIP("gen_ontology.py or python3 is not available (expected ../shared/tools beside the checkout)");
    const fs::path dir = fs::temp_directory_path() / ("evograph-gen-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const int seed : {1, 2, 4}) {
        INFO("seed " << seed);
        const fs::path v1 = dir / ("v1-" + std::to_string(seed) + ".ttl");
        const fs::path v2 = dir / ("v2-" + std::to_string(seed) + ".ttl");
        const std::string generate = "python3 '" + kGenerator.string() + "' --triples 100000 --seed "
            + std::to_string(seed) + " --out '" + v1.string() + "' > /dev/null 2>&1 && python3 '" + kGenerator.string()
            + "' --evolve --from '" + v1.string() + "' --out '" + v2.string() + "' > /dev/null 2>&1";
        REQUIRE(std::system(generate.c_str()) == 0);

        const Versions v = readVersions(v1, v2);
        const diff::GraphDiff d = diff::diffDatasets(v.oldData, v.newData);
        const std::string truthRemoved = slurp(dir / ("v2-" + std::to_string(seed) + ".truth-removed.nt"));
        const std::string truthAdded = slurp(dir / ("v2-" + std::to_string(seed) + ".truth-added.nt"));

        Dataset ours, truth;
        readString(asChangeDocument(labelled(v, d.removed, d.labels), labelled(v, d.added, d.labels)), Format::NQuads,
            ours, {}, "ours");
        readString(asChangeDocument(truthRemoved, truthAdded), Format::NQuads, truth, {}, "truth");
        CHECK(ours.size() == truth.size());
        CHECK(isIsomorphic(ours, truth));
    }
    fs::remove_all(dir);
}

TEST_CASE("schema.org releases diff exactly like their sorted N-Triples", "[diff][corpus]")
{
    if (!fs::exists(kCorpus / "schemaorg"))
        SKIP("the shared corpus is not at " << kCorpus.string());
    const auto releases = test::releases(kCorpus / "schemaorg", "schemaorg-all-https.ttl");
    REQUIRE(releases.size() >= 2);
    for (std::size_t i = 0; i + 1 < releases.size(); ++i) {
        INFO(releases[i] << " -> " << releases[i + 1]);
        const Versions v = readVersions(releases[i], releases[i + 1]);
        // The reference: the set difference of each version's N-Triples lines.
        auto lines = [&](const Dataset& data) {
            std::set<std::string> out;
            for (const Quad& q : data.quads())
                out.insert(quadToNQuads(data.dictionary(), q));
            return out;
        };
        const auto before = lines(v.oldData), after = lines(v.newData);
        std::set<std::string> removed, added;
        std::set_difference(
            before.begin(), before.end(), after.begin(), after.end(), std::inserter(removed, removed.end()));
        std::set_difference(
            after.begin(), after.end(), before.begin(), before.end(), std::inserter(added, added.end()));

        const diff::GraphDiff d = diff::diffDatasets(v.oldData, v.newData);
        std::set<std::string> ourRemoved, ourAdded;
        for (const Quad& q : d.removed)
            ourRemoved.insert(quadToNQuads(*v.dictionary, q));
        for (const Quad& q : d.added)
            ourAdded.insert(quadToNQuads(*v.dictionary, q));
        CHECK(ourRemoved == removed);
        CHECK(ourAdded == added);
    }
}

TEST_CASE("RO and IAO diff empty against themselves and re-serialised copies", "[diff][corpus]")
{
    if (!fs::exists(kCorpus / "obo-ro"))
        SKIP("the shared corpus is not at " << kCorpus.string());
    for (const char* ontology : {"obo-ro", "obo-iao"}) {
        for (const auto& entry : fs::directory_iterator(kCorpus / ontology)) {
            if (!entry.is_directory())
                continue;
            const fs::path file = *fs::directory_iterator(entry.path());
            INFO(file);
            const Versions same = readVersions(file, file);
            const diff::GraphDiff self = diff::diffDatasets(same.oldData, same.newData);
            CHECK(self.empty());
            CHECK(self.statistics.matchedExactly == self.statistics.oldBlankNodes);

            std::ostringstream turtle;
            writeTurtle(same.oldData, turtle);
            Versions copy;
            readFile(file.string(), copy.oldData);
            readString(turtle.str(), Format::Turtle, copy.newData, same.oldData.baseIri(), "copy.ttl");
            CHECK(diff::diffDatasets(copy.oldData, copy.newData).empty());
        }
    }
}

TEST_CASE("consecutive RO and IAO versions round-trip through RDF Patch", "[diff][corpus]")
{
    if (!fs::exists(kCorpus / "obo-iao"))
        SKIP("the shared corpus is not at " << kCorpus.string());
    std::vector<fs::path> versions;
    for (const auto& entry : fs::directory_iterator(kCorpus / "obo-iao"))
        if (entry.is_directory())
            versions.push_back(*fs::directory_iterator(entry.path()));
    std::sort(versions.begin(), versions.end());
    for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
        INFO(versions[i] << " -> " << versions[i + 1]);
        const Versions v = readVersions(versions[i], versions[i + 1]);
        const diff::GraphDiff d = diff::diffDatasets(v.oldData, v.newData);
        const std::string patch = diff::writePatch(d, v.oldData, v.newData);
        Dataset patched;
        readFile(versions[i].string(), patched);
        diff::applyPatch(patched, patch, "iao.rdfp");
        CHECK(isIsomorphic(patched, v.newData));
    }
}

TEST_CASE("a few statements dropped or added around blank nodes give a diff of about that size", "[diff][corpus]")
{
    if (!fs::exists(kCorpus / "obo-ro"))
        SKIP("the shared corpus is not at " << kCorpus.string());
    for (const fs::path& file :
        {releases(kCorpus / "obo-ro", "ro.owl").back(), releases(kCorpus / "obo-iao", "iao.owl").back()}) {
        Dataset original;
        readFile(file.string(), original);
        for (const Edit edit : {Edit::Drop, Edit::Add}) {
            INFO(file.filename() << (edit == Edit::Drop ? " drop" : " add"));
            double sum = 0;
            for (std::size_t k = 1; k <= 200; ++k) {
                const Dataset edited = editAroundBlanks(original, edit, k, static_cast<std::uint32_t>(k));
                const diff::GraphDiff d = diff::diffDatasets(original, edited);
                const double ratio = static_cast<double>(d.added.size() + d.removed.size()) / static_cast<double>(k);
                INFO("k = " << k);
                CHECK(ratio >= 1.0);
                CHECK(ratio <= 2.0);
                sum += ratio;
            }
            CHECK(sum / 200 <= 1.05);
        }
    }
}

TEST_CASE("list nodes that lose their rdf:type pair with their old selves", "[diff][corpus]")
{
    // Another tool's Turtle rewrite of an OBO release dropped rdf:type rdf:List from every list
    // node; the diff must be exactly those statements.
    if (!fs::exists(kCorpus / "obo-ro"))
        SKIP("the shared corpus is not at " << kCorpus.string());
    Versions v;
    readFile(releases(kCorpus / "obo-ro", "ro.owl").back().string(), v.newData);
    const TermId type = v.dictionary->iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    const TermId list = v.dictionary->iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#List");
    const TermId first = v.dictionary->iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#first");
    std::set<TermId> nodes;
    for (const Quad& q : v.newData.quads())
        if (q.p == first)
            nodes.insert(q.s);
    REQUIRE(nodes.size() > 100);
    const Dataset typed = [&] {
        Dataset out(v.dictionary);
        for (const Quad& q : v.newData.quads())
            out.add(q);
        for (const TermId node : nodes)
            out.add({node, type, list, kNoTerm});
        out.finalize();
        return out;
    }();
    const Dataset untyped = editAroundBlanks(v.newData, Edit::Add, 0, 7); // the same graph, relabelled
    const diff::GraphDiff d = diff::diffDatasets(typed, untyped);
    CHECK(d.added.empty());
    CHECK(d.removed.size() == nodes.size());
}
