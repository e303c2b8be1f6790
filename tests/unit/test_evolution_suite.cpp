// Evolution test suites as the seed document writes them: paths beside the suite or from the
// current directory, migrations run in memory on the test's data (or from_graph's own content),
// and the assertions judged on the result against to_graph.

#include "evograph/error.h"
#include "evograph/evolution/suite.h"
#include "evograph/migrate/plan.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace evograph;
using namespace evograph::evolution;
using Catch::Matchers::ContainsSubstring;
namespace fs = std::filesystem;

namespace {
const std::string kPrefixes = "@prefix : <http://example.com/ontology#> .\n"
                              "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                              "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                              "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";
// The seed document's example, as printed (with the prefixes it leaves out).
const std::string kV1 = kPrefixes
    + ":User a owl:Class ;\n    rdfs:label \"User\" .\n\n:hasEmail a owl:DatatypeProperty ;\n"
      "    rdfs:domain :User ;\n    rdfs:range xsd:string .\n";
const std::string kV2 = kPrefixes
    + ":User a owl:Class ;\n    rdfs:label \"User\" .\n\n# Breaking change: made email required\n"
      ":hasEmail a owl:DatatypeProperty ;\n    rdfs:domain :User ;\n    rdfs:range xsd:string ;\n"
      "    owl:minCardinality 1 .  # NEW: required\n\n# Non-breaking addition\n"
      ":hasPhoneNumber a owl:DatatypeProperty ;  # NEW: optional field\n    rdfs:domain :User ;\n"
      "    rdfs:range xsd:string .\n";
const std::string kMigration = "PREFIX : <http://example.com/ontology#>\n\n# Add optional phone number (safe)\n"
                               "INSERT {\n    ?user :hasPhoneNumber \"\"\n}\nWHERE {\n    ?user a :User .\n"
                               "    FILTER NOT EXISTS { ?user :hasPhoneNumber ?phone }\n}\n";
const std::string kSuite = "tests:\n"
                           "  - name: \"v1 to v2 migration\"\n"
                           "    from_graph: \"ontologies/v1/domain.ttl\"\n"
                           "    to_graph: \"ontologies/v2/domain.ttl\"\n"
                           "    migration: \"migrations/v1_to_v2.sparql\"\n"
                           "    assertions:\n"
                           "      - no_data_loss: true\n"
                           "      - referential_integrity: true\n"
                           "      - schema_valid: true\n"
                           "\n"
                           "  - name: \"backward compatibility\"\n"
                           "    from_graph: \"ontologies/v1/domain.ttl\"\n"
                           "    to_graph: \"ontologies/v2/domain.ttl\"\n"
                           "    assertions:\n"
                           "      - backward_compatible: true\n"
                           "      - no_removed_classes: true\n"
                           "      - no_removed_properties: true\n";

// The seed's project layout in a scratch folder, which is the current directory while it lives.
struct SeedProject {
    fs::path root = fs::temp_directory_path() / ("evograph-seed-" + std::to_string(::getpid()));
    fs::path previous = fs::current_path();

    SeedProject()
    {
        write("ontologies/v1/domain.ttl", kV1);
        write("ontologies/v2/domain.ttl", kV2);
        write("migrations/v1_to_v2.sparql", kMigration);
        write("tests/graph-evolution.test.yaml", kSuite);
        fs::current_path(root);
    }
    ~SeedProject()
    {
        fs::current_path(previous);
        fs::remove_all(root);
    }
    void write(const std::string& relative, const std::string& text) const
    {
        fs::create_directories((root / relative).parent_path());
        std::ofstream(root / relative) << text;
    }
    std::vector<TestOutcome> run(const std::string& suite) const
    {
        std::vector<TestOutcome> out;
        for (const SuiteTest& test : loadEvolutionSuite(suite).tests)
            out.push_back(runEvolutionTest(test));
        return out;
    }
};

const AssertionOutcome& assertion(const TestOutcome& test, const std::string& name)
{
    for (const AssertionOutcome& a : test.assertions)
        if (a.name == name)
            return a;
    FAIL("no assertion " << name << " in " << test.name);
    throw;
}
} // namespace

TEST_CASE("the seed document's suite runs as its author meant it", "[suite]")
{
    const SeedProject project;
    const auto outcomes = project.run("tests/graph-evolution.test.yaml");
    REQUIRE(outcomes.size() == 2);
    const TestOutcome& migration = outcomes[0];
    INFO(textReport(outcomes));
    CHECK(migration.error.empty());
    CHECK(migration.passed());
    REQUIRE(migration.migration);
    CHECK(migration.migration->steps == 1);
    CHECK(migration.assertions.size() == 3);
    const TestOutcome& compatibility = outcomes[1];
    CHECK(!compatibility.passed());
    CHECK(!assertion(compatibility, "backward_compatible").passed);
    CHECK_THAT(assertion(compatibility, "backward_compatible").detail, ContainsSubstring("hasEmail is now required"));
    CHECK(assertion(compatibility, "no_removed_classes").passed);
    CHECK(assertion(compatibility, "no_removed_properties").passed);

    const auto json = nlohmann::json::parse(jsonReport(outcomes));
    CHECK(json["passed"] == 1);
    CHECK(json["failed"] == 1);
    CHECK(json["tests"][1]["name"] == "backward compatibility");
    CHECK(json["tests"][1]["passed"] == false);
    CHECK(json["tests"][1]["assertions"][0]["name"] == "backward_compatible");
    CHECK(json["tests"][1]["assertions"][0]["passed"] == false);
    CHECK(json["tests"][1]["assertions"][0]["detail"].get<std::string>().starts_with("1 breaking changes"));
}

TEST_CASE("suite paths: beside the suite first, else the current directory; a miss names both", "[suite]")
{
    const SeedProject project;
    project.write("tests/ontologies/v1/domain.ttl", kV2); // beside the suite wins over the project's root
    const EvolutionSuite suite = loadEvolutionSuite("tests/graph-evolution.test.yaml");
    CHECK(suite.tests[0].fromGraph == "tests/ontologies/v1/domain.ttl");
    CHECK(suite.tests[0].toGraph == "ontologies/v2/domain.ttl");
    project.write("tests/missing.yaml",
        "tests:\n  - name: x\n    from_graph: nowhere.ttl\n    to_graph: ontologies/v2/domain.ttl\n"
        "    assertions:\n      - schema_valid: true\n");
    try {
        loadEvolutionSuite("tests/missing.yaml");
        FAIL("a missing from_graph was accepted");
    } catch (const Error& e) {
        CHECK_THAT(e.what(), ContainsSubstring("tests/missing.yaml:3:17: error: from_graph 'nowhere.ttl' not found"));
        CHECK_THAT(e.what(), ContainsSubstring("tried tests/nowhere.ttl (beside the suite)"));
        CHECK_THAT(e.what(), ContainsSubstring((project.root / "nowhere.ttl").string() + " (the current directory)"));
    }
}

TEST_CASE("a migration runs on the test's data and the result is judged against to_graph", "[suite]")
{
    const SeedProject project;
    project.write("data/users.ttl",
        kPrefixes
            + "<http://e/alice> a :User ; :hasEmail \"alice@e\" ; :mail \"a@e\" ; :knows <http://e/bob> .\n"
              "<http://e/bob> a :User ; :hasEmail \"bob@e\" .\n");
    const std::string test = "tests:\n  - name: t\n    from_graph: ontologies/v1/domain.ttl\n"
                             "    to_graph: ontologies/v2/domain.ttl\n    migration: MIGRATION\n"
                             "    data: [data/users.ttl]\n    assertions:\n      - no_data_loss: true\n"
                             "      - referential_integrity: true\n      - schema_valid: true\n";
    auto suiteWith = [&](const std::string& name, const std::string& migration) {
        std::string text = test;
        text.replace(text.find("MIGRATION"), 9, migration);
        project.write("tests/" + name + ".yaml", text);
        return project.run("tests/" + name + ".yaml").front();
    };

    SECTION("the seed's SPARQL adds phone numbers; nothing is lost; knows and mail are undeclared")
    {
        const TestOutcome o = suiteWith("seed", "migrations/v1_to_v2.sparql");
        REQUIRE(o.migration);
        CHECK(o.migration->added == 2);
        CHECK(assertion(o, "no_data_loss").passed);
        CHECK(!assertion(o, "referential_integrity").passed);
        CHECK_THAT(assertion(o, "referential_integrity").detail,
            ContainsSubstring("property knows is used by the data but to_graph does not declare it"));
        CHECK(assertion(o, "schema_valid").passed);
    }
    SECTION("a rename declares its rewrite; a custom delete loses data and leaves a dangling link")
    {
        migrate::Plan plan;
        plan.steps.push_back(migrate::renameIriStep(
            "rename-1", "http://example.com/ontology#mail", "http://example.com/ontology#hasPhoneNumber"));
        project.write("migrations/rename.yaml", migrate::writePlan(plan));
        const TestOutcome renamed = suiteWith("rename", "migrations/rename.yaml");
        CHECK(renamed.migration->removed == 1);
        CHECK(assertion(renamed, "no_data_loss").passed);

        project.write("migrations/drop.ru",
            "DELETE WHERE { <http://e/bob> ?p ?o } ; DELETE WHERE { ?s <http://example.com/ontology#mail> ?o }");
        const TestOutcome dropped = suiteWith("drop", "migrations/drop.ru");
        CHECK(!assertion(dropped, "no_data_loss").passed);
        CHECK_THAT(assertion(dropped, "no_data_loss").detail, ContainsSubstring("3 statements about individuals lost"));
        CHECK_THAT(assertion(dropped, "referential_integrity").detail,
            ContainsSubstring("alice knows bob: bob no longer exists"));
    }
    SECTION("a migration that leaves a required value out fails schema_valid")
    {
        project.write(
            "migrations/forget.ru", "DELETE WHERE { <http://e/bob> <http://example.com/ontology#hasEmail> ?o }");
        const TestOutcome o = suiteWith("forget", "migrations/forget.ru");
        CHECK(!assertion(o, "schema_valid").passed);
        CHECK_THAT(assertion(o, "schema_valid").detail,
            ContainsSubstring("required: bob: 0 hasEmail, User requires at least 1"));
    }
    SECTION("a plan whose check fails fails the test")
    {
        migrate::Plan plan;
        plan.steps.push_back(migrate::customStep(
            "noop", "nothing", "INSERT DATA { <http://e/x> <http://e/p> 1 }", migrate::FindingCode::MayFail));
        plan.steps.back().after = {migrate::everyInstanceHas(
            "http://example.com/ontology#User", "http://example.com/ontology#hasPhoneNumber")};
        project.write("migrations/checked.yaml", migrate::writePlan(plan));
        const TestOutcome o = suiteWith("checked", "migrations/checked.yaml");
        REQUIRE(o.migration);
        CHECK(o.migration->failedChecks.size() == 1);
        CHECK(!o.passed());
    }
}
