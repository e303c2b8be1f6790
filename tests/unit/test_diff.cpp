// The canonical diff and RDF Patch: blank nodes never produce noise, patches round-trip, and
// RDFC-1.0 is the reference every result must agree with.

#include "evograph/canon/rdfc10.h"
#include "evograph/diff/graph_diff.h"
#include "evograph/diff/rdf_patch.h"
#include "evograph/rdf/isomorphism.h"
#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/reader.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <sstream>

using namespace evograph;
using namespace evograph::rdf;
using Catch::Matchers::ContainsSubstring;

namespace {
constexpr std::string_view kPrefixes = "@prefix : <http://e/> . @prefix owl: <http://www.w3.org/2002/07/owl#> . "
                                       "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n";

struct Pair {
    std::shared_ptr<Dictionary> dictionary = std::make_shared<Dictionary>();
    Dataset oldData {dictionary}, newData {dictionary};
};

Pair readPair(std::string_view oldText, std::string_view newText, Format format = Format::Turtle)
{
    Pair pair;
    readString(oldText, format, pair.oldData, "http://e/", "old");
    readString(newText, format, pair.newData, "http://e/", "new");
    return pair;
}

std::string nquads(const Dataset& data)
{
    std::ostringstream out;
    writeNQuads(data, out);
    return out.str();
}

// The dataset's N-Quads with every blank node label replaced by a new random one.
std::string relabelled(const Dataset& data, std::mt19937& random)
{
    const std::string text = nquads(data);
    std::map<std::string, std::string> renamed;
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 2, "_:") != 0) {
            out += text[i++];
            continue;
        }
        const std::size_t end = text.find(' ', i);
        auto [it, added] = renamed.try_emplace(text.substr(i, end - i));
        if (added)
            it->second = "_:x" + std::to_string(random() % 100000) + "_" + std::to_string(renamed.size());
        out += it->second;
        i = end;
    }
    return out;
}

// A random graph over a few IRIs, literals and blank nodes (trees, shared nodes and cycles).
std::string randomGraph(std::mt19937& random, int statements, int blanks)
{
    std::string text;
    auto node = [&](bool literalAllowed) -> std::string {
        const int pick = static_cast<int>(random() % 10);
        if (pick < 4)
            return "_:n" + std::to_string(random() % blanks);
        if (literalAllowed && pick < 6)
            return "\"v" + std::to_string(random() % 5) + "\"";
        return "<http://e/i" + std::to_string(random() % 6) + ">";
    };
    for (int i = 0; i < statements; ++i)
        text += node(false) + " <http://e/p" + std::to_string(random() % 3) + "> " + node(true) + " .\n";
    return text;
}

std::string canonical(const Dataset& data)
{
    return canon::canonicalize(data).nquads;
}
} // namespace

TEST_CASE("a graph diffed against a relabelled copy of itself is empty", "[diff]")
{
    std::mt19937 random(7);
    const std::string text = std::string(kPrefixes) + R"(
        :User rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :email ; owl:minCardinality 0 ] ,
                              [ a owl:Restriction ; owl:onProperty :phone ; owl:maxCardinality 2 ] .
        :Kind owl:unionOf ( :A :B [ owl:complementOf :C ] ) .
    )";
    Dataset first;
    readString(text, Format::Turtle, first, "http://e/");
    const std::string copy = relabelled(first, random);
    Pair pair = readPair(text, copy, Format::Turtle);
    pair = Pair {};
    readString(text, Format::Turtle, pair.oldData, "http://e/");
    readString(copy, Format::NQuads, pair.newData, "http://e/");
    const diff::GraphDiff d = diff::diffDatasets(pair.oldData, pair.newData);
    CHECK(d.empty());
    CHECK(d.statistics.matchedExactly == d.statistics.oldBlankNodes);
}

TEST_CASE("a restriction whose cardinality changed shows as exactly that triple", "[diff]")
{
    const std::string before = std::string(kPrefixes)
        + ":User rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :email ; owl:minCardinality 0 ] .\n"
          ":Admin rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :email ; owl:minCardinality 0 ] .\n";
    std::string after = before;
    after.replace(after.find("minCardinality 0"), 16, "minCardinality 1");
    const Pair pair = readPair(before, after);
    const diff::GraphDiff d = diff::diffDatasets(pair.oldData, pair.newData);
    REQUIRE(d.removed.size() == 1);
    REQUIRE(d.added.size() == 1);
    const Dictionary& dict = *pair.dictionary;
    CHECK(dict.term(d.removed[0].o).value == "0");
    CHECK(dict.term(d.added[0].o).value == "1");
    // The changed node keeps one label on both sides, and it is a content label.
    CHECK(d.labels.at(d.removed[0].s) == d.labels.at(d.added[0].s));
    CHECK(d.labels.at(d.removed[0].s).starts_with("b"));
}

TEST_CASE("a restriction does not move between classes", "[diff]")
{
    // Removed from one class and added to another: two changes, not one relabelled node.
    const std::string before = std::string(kPrefixes)
        + ":A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :p ; owl:someValuesFrom :X ] .\n"
        + ":B a owl:Class .\n";
    const std::string after = std::string(kPrefixes)
        + ":A a owl:Class .\n:B rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :p ; owl:someValuesFrom :X ] .\n";
    const Pair pair = readPair(before, after);
    const diff::GraphDiff d = diff::diffDatasets(pair.oldData, pair.newData);
    CHECK(d.removed.size() == 5); // the restriction's four triples and ":B a owl:Class"
    CHECK(d.added.size() == 5);
}

TEST_CASE("diffs of random graphs round-trip through RDF Patch", "[diff][property]")
{
    // apply(diff(a, b), a) = b, apply(inverse(p), apply(p, a)) = a, diff(a, a') is empty for a
    // relabelled a', all checked against RDFC-1.0 canonical forms.
    std::mt19937 random(20261122);
    for (int round = 0; round < 150; ++round) {
        INFO("round " << round);
        const std::string a
            = randomGraph(random, 4 + static_cast<int>(random() % 14), 2 + static_cast<int>(random() % 5));
        std::string b = a;
        // Mutate: drop some lines, add some random ones.
        std::istringstream lines(a);
        std::string line;
        b.clear();
        while (std::getline(lines, line))
            if (random() % 4 != 0)
                b += line + "\n";
        b += randomGraph(random, static_cast<int>(random() % 5), 3);

        Pair pair = readPair(a, b, Format::NTriples);
        const diff::GraphDiff d = diff::diffDatasets(pair.oldData, pair.newData);
        CHECK(d.empty() == (canonical(pair.oldData) == canonical(pair.newData)));
        const std::string patch = diff::writePatch(d, pair.oldData, pair.newData);
        INFO("A:\n" << a << "B:\n" << b << "PATCH:\n" << patch);

        Dataset patched;
        readString(a, Format::NTriples, patched, "http://e/");
        diff::applyPatch(patched, patch, "p.rdfp");
        REQUIRE(canonical(patched) == canonical(pair.newData));

        Dataset original;
        readString(a, Format::NTriples, original, "http://e/");
        const std::string inverse = diff::invertPatch(original, patch, "p.rdfp");
        Dataset restored;
        readString(nquads(patched), Format::NQuads, restored, "http://e/");
        diff::applyPatch(restored, inverse, "inverse.rdfp");
        REQUIRE(canonical(restored) == canonical(pair.oldData));

        Pair same;
        readString(a, Format::NTriples, same.oldData, "http://e/");
        readString(relabelled(same.oldData, random), Format::NQuads, same.newData, "http://e/");
        CHECK(diff::diffDatasets(same.oldData, same.newData).empty());
    }
}

TEST_CASE("a patch that does not apply is refused with its line", "[diff]")
{
    Dataset data;
    readString("<http://e/a> <http://e/p> \"x\" .\n", Format::NTriples, data, "http://e/");
    const std::size_t before = data.size();
    const std::string missing
        = "TX .\nA <http://e/a> <http://e/p> \"y\" .\nD <http://e/a> <http://e/p> \"z\" .\nTC .\n";
    try {
        diff::applyPatch(data, missing, "bad.rdfp");
        FAIL("the patch was applied");
    } catch (const Error& e) {
        REQUIRE(e.where());
        CHECK(e.where()->line == 3);
        CHECK_THAT(e.message(), ContainsSubstring("does not apply"));
    }
    CHECK(data.size() == before);

    try {
        diff::applyPatch(data, "TX .\nA <http://e/a> <http://e/p> .\nTC .\n", "bad.rdfp");
        FAIL("a malformed row was accepted");
    } catch (const Error& e) {
        REQUIRE(e.where());
        CHECK(e.where()->line == 2);
    }
    CHECK_THROWS_WITH(diff::applyPatch(data, "TX .\nA <http://e/a> <http://e/p> \"q\" .\n", "cut.rdfp"),
        ContainsSubstring("not committed"));
    CHECK(data.size() == before);

    // An aborted transaction changes nothing; rows after it still apply.
    diff::applyPatch(
        data, "TX .\nA <http://e/b> <http://e/p> \"1\" .\nTA .\nA <http://e/c> <http://e/p> \"2\" .\n", "ta.rdfp");
    CHECK(data.size() == before + 1);
}

TEST_CASE("diffing requires one dictionary and finalized datasets", "[diff]")
{
    Dataset a, b;
    CHECK_THROWS_AS(diff::diffDatasets(a, b), Error);
}
