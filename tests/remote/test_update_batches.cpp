// The update batches a push sends, run by the engine's own SPARQL Update executor on the old
// graph held as a store's named graph: the result is the new graph (isomorphic), also when the
// batches run twice or after an interrupted run stopped at any batch (each batch idempotent),
// and as GSP merges for the ground insertions.

#include "../corpus/corpus_versions.h"
#include "evograph/diff/graph_diff.h"
#include "evograph/rdf/isomorphism.h"
#include "evograph/remote/update_batches.h"
#include "evograph/sparql/update.h"

#include <catch2/catch_test_macros.hpp>

using namespace evograph;
using namespace evograph::rdf;

namespace {
constexpr std::string_view kGraph = "http://example.org/store-graph";

// A store holding `graph` as the named graph kGraph (same dictionary).
Dataset storeOf(const Dataset& graph)
{
    Dataset store(graph.sharedDictionary());
    const TermId g = store.dictionary().iri(kGraph);
    for (Quad q : graph.quads()) {
        q.g = g;
        store.add(q);
    }
    store.finalize();
    return store;
}

Dataset graphIn(const Dataset& store)
{
    Dataset graph(store.sharedDictionary());
    const TermId g = store.dictionary().findIri(kGraph).value();
    for (Quad q : store.quads())
        if (q.g == g) {
            q.g = kNoTerm;
            graph.add(q);
        }
    graph.finalize();
    return graph;
}

void run(const remote::UpdateBatch& batch, Dataset& store)
{
    if (!batch.ntriples.empty()) { // a GSP POST: merge into the named graph
        Dataset merged(store.sharedDictionary());
        readString(batch.ntriples, Format::NTriples, merged);
        const TermId g = store.dictionary().iri(kGraph);
        for (Quad q : merged.quads()) {
            q.g = g;
            store.add(q);
        }
        store.finalize();
        return;
    }
    sparql::executeUpdate(sparql::parseUpdate(batch.request, "batch"), store);
}

struct Pair {
    std::shared_ptr<Dictionary> dictionary = std::make_shared<Dictionary>();
    Dataset oldData {dictionary}, newData {dictionary};
};

Pair readPair(std::string_view oldTurtle, std::string_view newTurtle)
{
    Pair p;
    readString(oldTurtle, Format::Turtle, p.oldData);
    readString(newTurtle, Format::Turtle, p.newData);
    return p;
}

// Every batch run in order from every interruption point k (batches [0, k) ran, then all of them
// again) ends at NEW.
void requireExactFromAnyPoint(const Dataset& oldData, const Dataset& newData, std::size_t batch, bool gsp)
{
    const diff::GraphDiff changes = diff::diffDatasets(oldData, newData);
    const remote::UpdatePlan plan = remote::planUpdate(oldData, newData, changes, std::string(kGraph), batch, gsp);
    REQUIRE(plan.deletes == changes.removed.size());
    REQUIRE(plan.inserts == changes.added.size());
    for (std::size_t k = 0; k <= plan.batches.size(); ++k) {
        Dataset store = storeOf(oldData);
        for (std::size_t i = 0; i < k; ++i)
            run(plan.batches[i], store);
        for (const auto& b : plan.batches)
            run(b, store);
        INFO("interrupted after batch " << k << " of " << plan.batches.size());
        CHECK(isIsomorphic(graphIn(store), newData));
    }
}

constexpr std::string_view kOld = R"(
@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix : <http://example.org/> .
:C rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :p ; owl:cardinality 1 ] .
:D rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :q ; owl:someValuesFrom :X ] .
:U owl:unionOf ( :A :B ) .
:A rdfs:label "A" . :B rdfs:label "B" ; rdfs:comment "gone soon" .
)";
constexpr std::string_view kNew = R"(
@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix : <http://example.org/> .
:C rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :p ; owl:cardinality 2 ] .
:U owl:unionOf ( :A :B :E ) .
:F rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :r ; owl:allValuesFrom :Y ] .
:A rdfs:label "A" . :B rdfs:label "B" . :E rdfs:label "E" .
)";
} // namespace

TEST_CASE("update batches: restrictions and lists changed, removed and added, from any interruption point", "[remote]")
{
    const Pair p = readPair(kOld, kNew);
    const diff::GraphDiff changes = diff::diffDatasets(p.oldData, p.newData);
    const remote::UpdatePlan plan = remote::planUpdate(p.oldData, p.newData, changes, std::string(kGraph), 2);
    CHECK(plan.blankGroups >= 3); // C's restriction (kept, changed), D's (removed), F's (new), the list
    CHECK(plan.batches.size() > 2);
    requireExactFromAnyPoint(p.oldData, p.newData, 2, false);
    requireExactFromAnyPoint(p.oldData, p.newData, 3, true);
}

TEST_CASE("update batches: a kept restriction changes by its one triple, not by a new copy", "[remote]")
{
    const Pair p = readPair(kOld, kNew);
    const diff::GraphDiff changes = diff::diffDatasets(p.oldData, p.newData);
    const remote::UpdatePlan plan = remote::planUpdate(p.oldData, p.newData, changes, std::string(kGraph), 1000);
    std::string request;
    for (const auto& b : plan.batches) {
        request += b.request + "\n";
        // An operation with a template is a request of its own.
        const bool templated = b.request.find("WHERE") != std::string::npos;
        CHECK((!templated || b.request.find(" ;\n") == std::string::npos));
    }
    // C's restriction: one DELETE of the old cardinality with the node as a variable, found by its statements.
    CHECK(request.find("owl#cardinality> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer>") != std::string::npos);
    CHECK(request.find("INSERT DATA") != std::string::npos); // :E's label, ground
    CHECK(request.find("FILTER NOT EXISTS") != std::string::npos); // F's new restriction, guarded
}

TEST_CASE("update batches: the same graph twice needs no batch", "[remote]")
{
    const Pair p = readPair(kOld, kOld);
    const remote::UpdatePlan plan
        = remote::planUpdate(p.oldData, p.newData, diff::diffDatasets(p.oldData, p.newData), std::string(kGraph), 10);
    CHECK(plan.batches.empty());
}

TEST_CASE("update batches: real OWL releases with hundreds of blank nodes (IAO, RO)", "[remote][corpus]")
{
    for (const char* ontology : {"obo-iao", "obo-ro"}) {
        const auto dir = test::kCorpus / ontology;
        if (!std::filesystem::exists(dir))
            SKIP("no corpus at " << test::kCorpus.string());
        const auto files = test::releases(dir, std::string(ontology) == "obo-iao" ? "iao.owl" : "ro.owl");
        REQUIRE(files.size() >= 2);
        INFO(files[0].string() << " -> " << files[1].string());
        test::Versions v = test::readVersions(files[0], files[1]);
        const diff::GraphDiff changes = diff::diffDatasets(v.oldData, v.newData);
        const remote::UpdatePlan plan
            = remote::planUpdate(v.oldData, v.newData, changes, std::string(kGraph), 500, true);
        CHECK(plan.blankGroups > 0);
        Dataset store = storeOf(v.oldData);
        for (const auto& b : plan.batches)
            run(b, store);
        CHECK(isIsomorphic(graphIn(store), v.newData));
        for (const auto& b : plan.batches) // a resumed push sends batches again: nothing changes
            run(b, store);
        CHECK(isIsomorphic(graphIn(store), v.newData));
    }
}
