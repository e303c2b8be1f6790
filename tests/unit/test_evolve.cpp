// Additive evolution: OLD plus the safe changes only; analysing OLD against the result finds
// nothing breaking, and the result against NEW finds exactly the changes left out.

#include "analysis_fixture.h"
#include "evograph/evolution/additive.h"
#include "evograph/rdf/isomorphism.h"

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace evograph;
using namespace evograph::test;

namespace {
analysis::AnalyzedVersions versionsOf(const Fixture& f)
{
    analysis::AnalyzedVersions v {f.oldData, f.newData, f.data, {}};
    v.analysis = analyzeDatasets(v.oldData, v.newData);
    return v;
}

std::vector<std::pair<std::string, std::string>> kindsOf(const Analysis& a, const rdf::Dictionary& d)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const Change& c : a.changes)
        out.emplace_back(std::string(toString(c.kind)), c.subject() ? std::string(d.term(c.subject()).value) : "");
    std::sort(out.begin(), out.end());
    return out;
}

// The kinds and entities of the changes at `indexes`.
std::vector<std::pair<std::string, std::string>> kindsOf(
    const Analysis& a, const std::vector<std::size_t>& indexes, const rdf::Dictionary& d)
{
    Analysis subset;
    for (const std::size_t i : indexes)
        subset.changes.push_back(a.changes[i]);
    return kindsOf(subset, d);
}

const std::string kV1 = ":User a owl:Class ; rdfs:label \"User\" .\n"
                        ":Person a owl:Class .\n:Customer a owl:Class ; rdfs:subClassOf :Person .\n"
                        ":hasEmail a owl:DatatypeProperty ; rdfs:domain :User ; rdfs:range xsd:string .\n"
                        ":Admin a owl:Class ; rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :hasEmail ; "
                        "owl:minCardinality 2 ] .\n";
// Safe: a new property, a new superclass, a loosened restriction. Breaking: e-mail required, Person
// renamed to Human (with a hint), Customer's range of meaning narrowed by a removed superclass.
const std::string kV2 = ":User a owl:Class ; rdfs:label \"User\" ; rdfs:subClassOf :Human .\n"
                        ":Human a owl:Class ; owl:equivalentClass :Person .\n:Customer a owl:Class .\n"
                        ":hasEmail a owl:DatatypeProperty ; rdfs:domain :User ; rdfs:range xsd:string ;\n"
                        "    owl:minCardinality 1 .\n"
                        ":hasPhone a owl:DatatypeProperty ; rdfs:domain :User .\n"
                        ":Admin a owl:Class ; rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :hasEmail ; "
                        "owl:minCardinality 1 ] .\n";
} // namespace

TEST_CASE("additive evolution applies only safe changes, and the rest is exactly what remains", "[evolve]")
{
    Fixture f(kV1, kV2);
    const analysis::AnalyzedVersions versions = versionsOf(f);
    const evolution::Evolution evolved = evolution::evolve(versions, evolution::Strategy::Additive);
    REQUIRE(!evolved.applied.empty());
    REQUIRE(!evolved.leftOut.empty());
    for (const std::size_t i : evolved.applied)
        CHECK(versions.analysis.changes[i].severity == Severity::Safe);
    for (const std::size_t i : evolved.leftOut)
        CHECK(versions.analysis.changes[i].severity != Severity::Safe);

    const Analysis toResult = analyzeDatasets(f.oldData, evolved.result);
    CHECK(toResult.worst() != Severity::Breaking);
    CHECK(kindsOf(toResult, *f.dictionary) == kindsOf(versions.analysis, evolved.applied, *f.dictionary));
    const Analysis rest = analyzeDatasets(evolved.result, f.newData);
    CHECK(kindsOf(rest, *f.dictionary) == kindsOf(versions.analysis, evolved.leftOut, *f.dictionary));

    // The rename is left out, so what is applied reads in OLD's vocabulary: User's new superclass
    // is Person, not Human.
    const rdf::TermId person = f.iri("Person"), human = f.iri("Human");
    bool underPerson = false;
    for (const rdf::Quad& q : evolved.result.quads()) {
        CHECK(q.o != human);
        underPerson |= q.s == f.iri("User") && q.o == person;
    }
    CHECK(underPerson);
}

TEST_CASE("evolving with every change gives NEW", "[evolve]")
{
    Fixture f(kV1, kV2);
    const analysis::AnalyzedVersions versions = versionsOf(f);
    const evolution::Evolution all = evolution::evolve(versions, evolution::Strategy::All);
    CHECK(all.leftOut.empty());
    CHECK(rdf::isIsomorphic(all.result, f.newData));
    CHECK(analyzeDatasets(all.result, f.newData).changes.empty());
}

TEST_CASE("the evolution report lists what was applied and each change left out with its reason", "[evolve]")
{
    Fixture f(kV1, kV2);
    const analysis::AnalyzedVersions versions = versionsOf(f);
    const evolution::Evolution evolved = evolution::evolve(versions, evolution::Strategy::Additive);
    const analysis::ReportContext context {*f.dictionary, evolved.result.prefixes(), "v1.ttl", "v2.ttl"};
    const auto json = nlohmann::json::parse(evolution::evolutionJson(evolved, versions, context));
    CHECK(json["strategy"] == "additive");
    CHECK(json["triples"] == evolved.result.size());
    CHECK(json["left_out"].size() == evolved.leftOut.size());
    CHECK(json["applied"].size() == evolved.applied.size());
    for (const auto& change : json["left_out"]) {
        CHECK(change["severity"] != "safe");
        CHECK(!change["reason"].get<std::string>().empty());
        CHECK(!change.contains("triples"));
    }
    const std::string text = evolution::evolutionText(evolved, versions, context);
    CHECK(text.find("(additive): applied " + std::to_string(evolved.applied.size()) + " of") != std::string::npos);
    CHECK(text.find("hasEmail is now required") != std::string::npos);
}
