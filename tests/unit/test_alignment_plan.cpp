// A migration plan from accepted correspondences: the TSV `evograph align` writes, read back with
// positioned errors; classes the data instantiates retyped, properties it uses moved, unused lines
// reported; and the steps, run, leave the data in B's terms.
#include "evograph/error.h"
#include "evograph/migrate/alignment_plan.h"
#include "evograph/rdf/reader.h"
#include "evograph/sparql/update.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace evograph;
using namespace evograph::migrate;
using Catch::Matchers::ContainsSubstring;

namespace {
const std::string kFoaf = "http://xmlns.com/foaf/0.1/";
const std::string kSchema = "https://schema.org/";

rdf::Dataset people()
{
    rdf::Dataset data;
    rdf::readString(R"(@prefix foaf: <http://xmlns.com/foaf/0.1/> .
        <http://e/ann> a foaf:Person ; foaf:name "Ann" ; foaf:knows <http://e/bob> .
        <http://e/bob> a foaf:Person ; foaf:name "Bob" .
        <http://e/acme> a foaf:Organization .)",
        rdf::Format::Turtle, data);
    data.finalize();
    return data;
}

std::string tsv()
{
    return "# accepted by alice\n" + kFoaf + "Person\t" + kSchema + "Person\t0.93\tlexical 1.00; embedding 0.86\n"
        + kFoaf + "name\t" + kSchema + "name\t0.90\tlexical 1.00\n\n" + kFoaf + "knows\t" + kSchema + "knows\n" + kFoaf
        + "Document\t" + kSchema + "CreativeWork\t0.61\n";
}

std::string errorOf(const std::string& text)
{
    try {
        readAcceptedAlignment(text, "a.tsv");
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

bool has(rdf::Dataset& data, const std::string& s, const std::string& p, const std::string& o)
{
    rdf::Dictionary& d = data.dictionary();
    const rdf::Quad q {d.iri(s), d.iri(p), d.iri(o)};
    for (const rdf::Quad& x : data.quads())
        if (x == q)
            return true;
    return false;
}
} // namespace

TEST_CASE("accepted correspondences are read from evograph align's TSV", "[migrate][align]")
{
    const auto accepted = readAcceptedAlignment(tsv(), "a.tsv");
    REQUIRE(accepted.size() == 4);
    CHECK(accepted[0].source == kFoaf + "Person");
    CHECK(accepted[0].target == kSchema + "Person");
    CHECK(accepted[0].line == 2);
    CHECK(accepted[2].target == kSchema + "knows"); // score and evidence are optional
    CHECK(accepted[3].line == 6);
}

TEST_CASE("a bad alignment line is refused at its line and column", "[migrate][align]")
{
    CHECK_THAT(errorOf("http://a/x http://b/y\n"), ContainsSubstring("a.tsv:1:22: error: expected IRI_A<TAB>IRI_B"));
    CHECK_THAT(errorOf("http://a/x\tnot-an-iri\t0.9\n"),
        ContainsSubstring("a.tsv:1:12: error: expected the target IRI, found 'not-an-iri'"));
    CHECK_THAT(errorOf("\n\nhttp://a/x y\thttp://b/y\n"), ContainsSubstring("a.tsv:3:1: error:"));
    CHECK_THAT(errorOf("http://a/x\thttp://b/y\nhttp://a/x\thttp://b/z\n"),
        ContainsSubstring("a.tsv:2:1: error: http://a/x is mapped twice"));
}

TEST_CASE("classes the data instantiates are retyped, properties it uses moved", "[migrate][align]")
{
    rdf::Dataset data = people();
    const AlignmentPlan proposed = planFromAlignment(readAcceptedAlignment(tsv(), "a.tsv"), data, {"a.tsv", {}, {}});
    const Plan& plan = proposed.plan;
    REQUIRE(plan.steps.size() == 3);
    CHECK(plan.steps[0].kind == StepKind::RetypeInstances);
    CHECK_THAT(plan.steps[0].description, ContainsSubstring("(2 instances)"));
    CHECK(plan.steps[1].kind == StepKind::MoveValues);
    CHECK_THAT(plan.steps[1].description, ContainsSubstring("(2 values)"));
    CHECK(plan.steps[2].kind == StepKind::MoveValues);
    CHECK_THAT(plan.steps[2].description, ContainsSubstring("(1 value)"));
    REQUIRE(proposed.unused.size() == 1);
    CHECK(proposed.unused[0] == "6: " + kFoaf + "Document: not used by the data");
    // The file is a plan like any other: it reads back to the same steps.
    CHECK(parsePlan(writePlan(plan), "plan.yaml").steps == plan.steps);

    for (const PlanStep& step : plan.steps)
        sparql::executeUpdate(sparql::parseUpdate(step.update, step.id), data);
    CHECK(has(data, "http://e/ann", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", kSchema + "Person"));
    CHECK(has(data, "http://e/ann", kSchema + "knows", "http://e/bob"));
    CHECK_FALSE(has(data, "http://e/ann", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", kFoaf + "Person"));
    CHECK(has(data, "http://e/acme", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", kFoaf + "Organization"));
    for (const PlanStep& step : plan.steps)
        for (const Check& check : step.after)
            CHECK(sparql::executeAsk(sparql::parseAsk(check.ask, step.id), data) == check.expect);
}

TEST_CASE("a punned IRI gets both steps; one mapped to itself none", "[migrate][align]")
{
    rdf::Dataset data;
    rdf::readString(
        "<http://e/x> a <http://a/T> ; <http://a/T> 1 . <http://e/y> <http://a/same> 2 .", rdf::Format::Turtle, data);
    data.finalize();
    const AlignmentPlan proposed = planFromAlignment(
        readAcceptedAlignment("http://a/T\thttp://b/T\nhttp://a/same\thttp://a/same\n", "a.tsv"), data);
    REQUIRE(proposed.plan.steps.size() == 2);
    CHECK(proposed.plan.steps[0].kind == StepKind::RetypeInstances);
    CHECK(proposed.plan.steps[1].kind == StepKind::MoveValues);
    CHECK(proposed.unused == std::vector<std::string> {"2: http://a/same: maps to itself"});
}
