// Change analysis on small hand-written versions: kinds, severity rules, renames and their
// evidence, impact on data, overrides, and hostile graphs that must not hang or crash.

#include "analysis_fixture.h"
#include "evograph/analysis/analyze.h"
#include "evograph/analysis/report.h"
#include "evograph/error.h"
#include "evograph/rdf/path_reader.h"
#include "evograph/rdf/reader.h"

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace evograph;
using namespace evograph::analysis;
using namespace evograph::test;
namespace fs = std::filesystem;

namespace {
const std::string kUser = ":User a owl:Class ; rdfs:label \"User\" .\n"
                          ":Admin a owl:Class ; rdfs:subClassOf :User .\n"
                          ":hasEmail a owl:DatatypeProperty ; rdfs:domain :User ; rdfs:range xsd:string .\n";
} // namespace

TEST_CASE("making a property required is breaking, and the data shows who lacks it", "[analysis]")
{
    Fixture f(kUser,
        kUser
            + ":User rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :hasEmail ; owl:minCardinality 1 ] .\n"
              ":hasPhoneNumber a owl:DatatypeProperty ; rdfs:domain :User ; rdfs:range xsd:string .\n",
        "<http://example.com/u1> a :User ; :hasEmail \"a@example.com\" .\n"
        "<http://example.com/u2> a :User .\n<http://example.com/u3> a :Admin .\n");
    const Analysis a = f.analyze();
    REQUIRE(a.changes.size() == 2);
    const Change* required = find(a, ChangeKind::RestrictionAdded);
    REQUIRE(required);
    CHECK(required->iri == f.iri("User"));
    CHECK(required->property == f.iri("hasEmail"));
    CHECK(required->severity == Severity::Breaking);
    CHECK(required->reason == "hasEmail is now required (owl:minCardinality 1)");
    REQUIRE(required->impact);
    CHECK(required->impact->count == 2); // u2, and u3 through Admin's superclass
    CHECK(required->impact->description == "2 User have no hasEmail but it is now required");
    const Change* phone = find(a, ChangeKind::PropertyAdded);
    REQUIRE(phone);
    CHECK(phone->severity == Severity::Safe);
    CHECK(a.worst() == Severity::Breaking);
}

TEST_CASE("narrowing a range is breaking, widening is safe, by the class hierarchy", "[analysis]")
{
    const std::string classes = ":Agent a owl:Class .\n:Person a owl:Class ; rdfs:subClassOf :Agent .\n"
                                ":Employee a owl:Class ; rdfs:subClassOf :Person .\n";
    auto rate = [&](const std::string& before, const std::string& after, const std::string& data = {}) {
        Fixture f(classes + ":knows a owl:ObjectProperty ; rdfs:range " + before + " .\n",
            classes + ":knows a owl:ObjectProperty ; rdfs:range " + after + " .\n", data);
        const Analysis a = f.analyze();
        REQUIRE(a.changes.size() == 1);
        CHECK(a.changes.front().kind == ChangeKind::RangeChanged);
        return a.changes.front();
    };
    CHECK(rate(":Person", ":Agent").severity == Severity::Safe);
    const Change narrowed = rate(":Person", ":Employee",
        "<http://e/a> :knows <http://e/b> , <http://e/c> .\n<http://e/b> a :Person .\n<http://e/c> a :Employee .\n");
    CHECK(narrowed.severity == Severity::Breaking);
    CHECK(narrowed.reason.find("narrowed") != std::string::npos);
    REQUIRE(narrowed.impact);
    CHECK(narrowed.impact->count == 1); // b is only a Person
    CHECK(rate("xsd:integer", "xsd:decimal").severity == Severity::Safe);
    CHECK(rate("xsd:decimal", "xsd:integer").severity == Severity::Breaking);
}

TEST_CASE("a rename is one change with confidence and evidence, not a removal and an addition", "[analysis]")
{
    const std::string oldTurtle = ":Customer a owl:Class ; rdfs:label \"customer\" ;"
                                  " rdfs:comment \"Someone who buys from us, now or before.\" .\n"
                                  ":VipCustomer a owl:Class ; rdfs:subClassOf :Customer .\n";
    const std::string newTurtle = ":Client a owl:Class ; rdfs:label \"customer\" ;"
                                  " rdfs:comment \"Someone who buys from us, now or before.\" .\n"
                                  ":VipCustomer a owl:Class ; rdfs:subClassOf :Client .\n";
    Fixture f(oldTurtle, newTurtle, "<http://e/x> a :Customer .\n");
    const Analysis a = f.analyze();
    REQUIRE(a.changes.size() == 1); // VipCustomer's superclass statement moves with the rename
    const Change& rename = a.changes.front();
    CHECK(rename.kind == ChangeKind::ClassRenamed);
    CHECK(rename.oldIri == f.iri("Customer"));
    CHECK(rename.newIri == f.iri("Client"));
    CHECK(rename.confidence.value_or(0) >= 0.9);
    CHECK(rename.evidence.front() == "same label 'customer'");
    CHECK(rename.severity == Severity::Breaking);
    CHECK(rename.removed.size() == 4);
    CHECK(rename.added.size() == 4);
    REQUIRE(rename.impact);
    CHECK(rename.impact->count == 1);
}

TEST_CASE("an explicit replacement decides a rename even when nothing else matches", "[analysis]")
{
    Fixture f(":Old a owl:Class ; rdfs:label \"old thing\" ; dcterms:isReplacedBy :New .\n",
        ":New a owl:Class ; rdfs:label \"something else\" .\n");
    const Analysis a = f.analyze();
    REQUIRE(a.changes.size() == 1);
    CHECK(a.changes.front().kind == ChangeKind::ClassRenamed);
    CHECK(a.changes.front().confidence == 1.0);
}

TEST_CASE("unrelated terms are not paired as renames", "[analysis]")
{
    Fixture f(
        ":Invoice a owl:Class ; rdfs:label \"invoice\" .\n", ":Shipment a owl:Class ; rdfs:label \"shipment\" .\n");
    const Analysis a = f.analyze();
    REQUIRE(a.changes.size() == 2);
    CHECK(find(a, ChangeKind::ClassRemoved));
    CHECK(find(a, ChangeKind::ClassAdded));
}

TEST_CASE("deprecation is safe with a warning; labels and comments are cosmetic", "[analysis]")
{
    Fixture f(kUser,
        ":User a owl:Class ; rdfs:label \"Account holder\" ; owl:deprecated true .\n"
        ":Admin a owl:Class ; rdfs:subClassOf :User .\n"
        ":hasEmail a owl:DatatypeProperty ; rdfs:domain :User ; rdfs:range xsd:string ;"
        " rdfs:comment \"Where we write to.\" .\n");
    const Analysis a = f.analyze();
    const Change* deprecated = find(a, ChangeKind::ClassDeprecated);
    REQUIRE(deprecated);
    CHECK(deprecated->severity == Severity::Safe);
    CHECK(deprecated->reason.find("warning") != std::string::npos);
    REQUIRE(find(a, ChangeKind::LabelChanged));
    CHECK(find(a, ChangeKind::LabelChanged)->severity == Severity::Cosmetic);
    REQUIRE(find(a, ChangeKind::CommentChanged));
    CHECK(find(a, ChangeKind::CommentChanged)->severity == Severity::Cosmetic);
}

TEST_CASE("removing a class counts its instances; losing a superclass is breaking only when it is gone", "[analysis]")
{
    const std::string base = ":A a owl:Class .\n:B a owl:Class ; rdfs:subClassOf :A .\n";
    Fixture f(base + ":C a owl:Class ; rdfs:subClassOf :B , :A .\n:Gone a owl:Class .\n",
        base + ":C a owl:Class ; rdfs:subClassOf :B .\n",
        "<http://e/1> a :Gone .\n<http://e/2> a :Gone .\n<http://e/3> a :C .\n");
    const Analysis a = f.analyze();
    const Change* removed = find(a, ChangeKind::ClassRemoved);
    REQUIRE(removed);
    CHECK(removed->severity == Severity::Breaking);
    REQUIRE(removed->impact);
    CHECK(removed->impact->description == "2 instances of removed Gone");
    const Change* superclass = find(a, ChangeKind::SuperclassRemoved);
    REQUIRE(superclass);
    CHECK(superclass->severity == Severity::Safe); // still below A through B
}

TEST_CASE("a restriction whose blank node was only relabelled is no change", "[analysis]")
{
    Fixture f(
        ":A a owl:Class ; rdfs:subClassOf _:x .\n_:x a owl:Restriction ; owl:onProperty :p ; owl:someValuesFrom :B .\n",
        ":A a owl:Class ; rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :p ; owl:someValuesFrom :B ] .\n");
    CHECK(f.analyze().changes.empty());
}

TEST_CASE("overrides re-rate a kind, an entity, or one kind of one entity", "[analysis]")
{
    const fs::path file = fs::temp_directory_path() / ("evograph-overrides-" + std::to_string(::getpid()) + ".yaml");
    std::ofstream(file)
        << "kinds:\n  comment_changed: breaking\n"
           "entities:\n  \"http://example.com/ontology#hasPhoneNumber\":\n    property_added: cosmetic\n";
    Fixture f(kUser, kUser + ":hasPhoneNumber a owl:DatatypeProperty .\n:User rdfs:comment \"A person.\" .\n");
    AnalysisOptions options;
    options.overrides = loadSeverityOverrides(file.string());
    const Analysis a = f.analyze(options);
    CHECK(find(a, ChangeKind::CommentChanged)->severity == Severity::Breaking);
    CHECK(find(a, ChangeKind::PropertyAdded)->severity == Severity::Cosmetic);
    CHECK(find(a, ChangeKind::PropertyAdded)->reason.find("re-rated from safe") != std::string::npos);

    std::ofstream(file) << "kinds:\n  comment_edited: breaking\n";
    try {
        loadSeverityOverrides(file.string());
        FAIL("an unknown kind must be refused");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == file.string() + ":2:3: error: unknown change kind 'comment_edited'");
    }
    fs::remove(file);
}

TEST_CASE("hostile graphs get an answer quickly: cycles, self superclasses, 50 domains, list loops", "[analysis]")
{
    std::string hostile
        = ":A a owl:Class ; rdfs:subClassOf :A , :B .\n:B a owl:Class ; rdfs:subClassOf :C .\n"
          ":C a owl:Class ; rdfs:subClassOf :A .\n:p a owl:ObjectProperty ; rdfs:range :A ;"
          " rdfs:domain [ owl:unionOf _:l1 ] .\n_:l1 rdf:first :A ; rdf:rest _:l2 .\n"
          "_:l2 rdf:first :B ; rdf:rest _:l1 .\n_:x owl:annotatedSource _:y .\n_:y owl:annotatedSource _:x .\n";
    hostile = "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n" + hostile;
    std::string wide = hostile;
    for (int i = 0; i < 50; ++i)
        wide += ":p rdfs:domain :D" + std::to_string(i) + " .\n:D" + std::to_string(i) + " a owl:Class .\n";
    Fixture f(hostile, wide + ":p rdfs:range :Z .\n", "<http://e/1> :p <http://e/2> .\n<http://e/1> a :A .\n");
    const auto start = std::chrono::steady_clock::now();
    const Analysis a = f.analyze();
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK(find(a, ChangeKind::DomainChanged));
    CHECK(find(a, ChangeKind::RangeChanged));
    CHECK(find(a, ChangeKind::ClassAdded));
}

TEST_CASE("reports: JSON carries the contract fields, release notes group and label", "[analysis]")
{
    Fixture f(kUser, kUser + ":hasPhoneNumber a owl:DatatypeProperty ; rdfs:label \"phone number\" .\n");
    const Analysis a = f.analyze();
    rdf::PrefixMap prefixes;
    prefixes.set("", "http://example.com/ontology#");
    const ReportContext context {*f.dictionary, prefixes, "v1.ttl", "v2.ttl"};
    const auto json = nlohmann::json::parse(jsonReport(a, context));
    REQUIRE(json["changes"].size() == 1);
    const auto& change = json["changes"][0];
    CHECK(change["kind"] == "property_added");
    CHECK(change["iri"] == "http://example.com/ontology#hasPhoneNumber");
    CHECK(change["severity"] == "safe");
    CHECK(change["triples"]["added"].size() == 2);
    CHECK_FALSE(change.contains("old_iri"));
    CHECK(json["summary"]["by_kind"]["property_added"] == 1);
    CHECK(json["summary"]["by_severity"]["breaking"] == 0);
    const std::string markdown = markdownReport(a, context);
    CHECK(markdown.find("## New (1)") != std::string::npos);
    CHECK(markdown.find("**phone number** `:hasPhoneNumber`") != std::string::npos);
    CHECK(htmlReport(a, context).find("<strong>phone number</strong>") != std::string::npos);
}

TEST_CASE("a directory is read as one version, blank nodes kept apart per file", "[analysis][reader]")
{
    const fs::path dir = fs::temp_directory_path() / ("evograph-dir-" + std::to_string(::getpid()));
    fs::create_directories(dir / "sub");
    fs::create_directories(dir / ".hidden");
    std::ofstream(dir / "a.ttl") << "_:b <http://e/p> \"a\" .\n";
    std::ofstream(dir / "sub" / "b.nt") << "_:b <http://e/p> \"b\" .\n";
    std::ofstream(dir / ".hidden" / "c.ttl") << "this is not read";
    std::ofstream(dir / "notes.txt") << "neither is this";
    CHECK(rdf::rdfFilesAt(dir.string()).size() == 2);
    rdf::Dataset data;
    const rdf::ReadReport report = rdf::readPath(dir.string(), data);
    CHECK(report.statements == 2);
    REQUIRE(data.size() == 2);
    CHECK(data.quads()[0].s != data.quads()[1].s);
    fs::remove_all(dir);
    fs::create_directories(dir);
    CHECK_THROWS_AS(rdf::readPath(dir.string(), data), Error);
    fs::remove_all(dir);
}
