// Migration plans: generated steps, the YAML file round trip, the hash over the exact text, and
// positioned errors for files users got wrong.
#include "evograph/error.h"
#include "evograph/migrate/plan.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace evograph;
using namespace evograph::migrate;
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::StartsWith;

namespace {
const std::string kOnto = "http://example.com/ontology#";

Plan userPlan()
{
    Plan plan;
    plan.from = "v1";
    plan.to = "v2";
    plan.steps = {renameIriStep("rename-manages", kOnto + "manages", kOnto + "supervises"),
        addDefaultValueStep("default-email", kOnto + "User", kOnto + "hasEmail", "unknown@example.com"),
        deleteValuesStep("drop-fax", kOnto + "fax"),
        customStep("custom", "normalise names", "DELETE DATA { <http://e/a> <http://e/b> \"c\" }\n",
            FindingCode::Destructive)};
    return plan;
}
} // namespace

TEST_CASE("generated steps carry their SPARQL, code, checks and inverse", "[migrate][plan]")
{
    const PlanStep rename = renameIriStep("r", kOnto + "manages", kOnto + "supervises");
    CHECK(rename.code == FindingCode::BreakingForConsumers);
    CHECK_FALSE(rename.destructive());
    CHECK_THAT(rename.update,
        ContainsSubstring("DELETE { ?s ?p <" + kOnto + "manages> }\nINSERT { ?s ?p <" + kOnto + "supervises> }"));
    REQUIRE(rename.inverse);
    CHECK_THAT(*rename.inverse,
        ContainsSubstring("DELETE { <" + kOnto + "supervises> ?p ?o }\nINSERT { <" + kOnto + "manages> ?p ?o }"));
    REQUIRE(rename.after.size() == 1);
    CHECK_FALSE(rename.after[0].expect);
    CHECK(deleteInstancesStep("d", kOnto + "Legacy").destructive());
    CHECK(retypeInstancesStep("t", kOnto + "Admin", kOnto + "User").update
        == "DELETE { ?x a <" + kOnto + "Admin> }\nINSERT { ?x a <" + kOnto + "User> }\nWHERE { ?x a <" + kOnto
            + "Admin> }\n");
    const PlanStep value = addDefaultValueStep("v", kOnto + "User", kOnto + "note", "\" } ; DROP ALL #\n\"\"\"");
    CHECK_THAT(value.update, ContainsSubstring("\"\\\" } ; DROP ALL #\\n\\\"\\\"\\\"\""));
    CHECK_THROWS_WITH(renameIriStep("x", kOnto + "a", "http://e/b> } ; DROP ALL #"), ContainsSubstring("'>'"));
}

TEST_CASE("a plan file round-trips, and its hash covers every byte", "[migrate][plan]")
{
    const Plan plan = userPlan();
    CHECK(plan.hasDestructiveSteps());
    const std::string text = writePlan(plan);
    const Plan read = parsePlan(text, "plan.yaml");
    CHECK(read.from == "v1");
    CHECK(read.to == "v2");
    CHECK(read.steps == plan.steps);
    CHECK(read.hash == planHash(text));
    CHECK(read.hash.size() == 64);
    CHECK(parsePlan(writePlan(read), "again.yaml").hash == read.hash);
    // Any edit is another plan: a step's text, a comment, a trailing space.
    std::string edited = text;
    edited.replace(edited.find("unknown@example.com"), 7, "nobody@");
    CHECK(parsePlan(edited, "plan.yaml").hash != read.hash);
    CHECK(parsePlan(text + "# reviewed\n", "plan.yaml").hash != read.hash);
    CHECK(parsePlan(text + " ", "plan.yaml").hash != read.hash);
}

TEST_CASE("bad plan files are refused with the file, line and column", "[migrate][plan]")
{
    const std::string head = "evograph_plan: 1\nfrom: v1\nto: v2\nsteps:\n";
    CHECK_THROWS_WITH(parsePlan(head + "  - id: a\n    kind: explode\n    code: DS\n    update: x\n", "p.yaml"),
        StartsWith("p.yaml:6:11: error: unknown step kind 'explode'"));
    CHECK_THROWS_WITH(parsePlan(head + "  - id: a\n    kind: custom\n    code: XX\n    update: x\n", "p.yaml"),
        StartsWith("p.yaml:7:11: error: unknown finding code 'XX'"));
    CHECK_THROWS_WITH(parsePlan(head + "  - id: a\n    kind: custom\n    code: DS\n", "p.yaml"),
        ContainsSubstring("missing 'update'"));
    CHECK_THROWS_WITH(
        parsePlan(
            head + "  - id: a\n    kind: custom\n    code: DS\n    update: x\n    skip_approval: yes\n", "p.yaml"),
        StartsWith("p.yaml:9:5: error: unknown field 'skip_approval'"));
    CHECK_THROWS_WITH(parsePlan(head
                              + "  - {id: a, kind: custom, code: DS, update: '# x'}\n  - {id: a, kind: custom, code: "
                                "DS, update: '# y'}\n",
                          "p.yaml"),
        ContainsSubstring("two steps have the id 'a'"));
    CHECK_THROWS_WITH(
        parsePlan("evograph_plan: 2\nsteps: []\n", "p.yaml"), ContainsSubstring("unsupported plan format"));
    CHECK_THROWS_WITH(parsePlan("steps: [\n", "p.yaml"), StartsWith("p.yaml:"));
    CHECK_THROWS_AS(loadPlan("/nonexistent/plan.yaml"), Error);
    // SPARQL the executor refuses is found when the plan is read, at its place in the file.
    CHECK_THROWS_WITH(parsePlan(head
                              + "  - id: a\n    kind: custom\n    code: DS\n    update: |\n      DELETE { ?s ?p ?o }\n"
                                "      WHERE { ?s ?p ?o FILTER(MD5(?o)) }\n",
                          "p.yaml"),
        StartsWith("p.yaml:10:31: error: the function MD5 is not supported"));
    CHECK_THROWS_WITH(parsePlan(head + "  - id: a\n    kind: custom\n    code: DS\n    update: DROP ALL\n", "p.yaml"),
        StartsWith("p.yaml:8:13: error: DROP is not supported"));
}
