// Conformance of instance data to an ontology, rule by rule: domain, range, required and maximum
// cardinalities (restrictions and cardinalities asserted on a property), disjoint classes.

#include "analysis_fixture.h"
#include "evograph/analysis/conformance.h"

#include <catch2/catch_test_macros.hpp>

using namespace evograph;
using namespace evograph::test;

namespace {
const std::string kSchema
    = ":Person a owl:Class .\n:Robot a owl:Class ; owl:disjointWith :Person .\n"
      ":User a owl:Class ; rdfs:subClassOf :Person , [ a owl:Restriction ; owl:onProperty :hasEmail ; "
      "owl:minCardinality 1 ] , [ a owl:Restriction ; owl:onProperty :nickname ; owl:maxCardinality 1 ] .\n"
      ":hasEmail a owl:DatatypeProperty ; rdfs:domain :Person ; rdfs:range xsd:string .\n"
      ":nickname a owl:DatatypeProperty .\n"
      ":badge a owl:DatatypeProperty ; rdfs:domain :Robot ; owl:cardinality 1 .\n"
      ":knows a owl:ObjectProperty ; rdfs:range :Person .\n";

ConformanceReport check(const std::string& data)
{
    Fixture f(kSchema, data);
    const KnownTerms terms(*f.dictionary);
    const OntologyIndex schema(f.oldData, terms), instances(f.newData, terms);
    return checkConformance(schema, instances);
}

const RuleViolations* rule(const ConformanceReport& report, const std::string& name)
{
    for (const RuleViolations& r : report.rules)
        if (r.rule == name)
            return &r;
    return nullptr;
}
} // namespace

TEST_CASE("conforming data has no violations", "[conformance]")
{
    const ConformanceReport report
        = check("<http://e/ann> a :User ; :hasEmail \"ann@e\" ; :nickname \"A\" ; "
                ":knows <http://e/bob> .\n<http://e/bob> a :Person .\n"
                "<http://e/r2> a :Robot ; :badge \"7\" .\n<http://e/x> :knows <http://e/y> .\n");
    CHECK(report.total() == 0);
    CHECK(report.rules.empty());
}

TEST_CASE("each rule finds its violations, with counts and examples", "[conformance]")
{
    const ConformanceReport report = check("<http://e/ann> a :User ; :nickname \"A\" , \"B\" .\n"
                                           "<http://e/bob> a :User ; :hasEmail 42 ; :knows <http://e/r2> .\n"
                                           "<http://e/r2> a :Robot , :Person ; :hasEmail \"r@e\" ; :badge \"2\" .\n"
                                           "<http://e/r3> a :Robot .\n");
    const RuleViolations* required = rule(report, "required");
    REQUIRE(required);
    CHECK(required->count == 2); // ann lacks hasEmail; r3 lacks its badge (asserted on the property)
    CHECK(required->examples.front() == "ann: 0 hasEmail, User requires at least 1");
    const RuleViolations* maximum = rule(report, "maximum");
    REQUIRE(maximum);
    CHECK(maximum->count == 1);
    CHECK(maximum->examples.front() == "ann: 2 nickname, User allows at most 1");
    const RuleViolations* range = rule(report, "range");
    REQUIRE(range);
    CHECK(range->count == 1); // 42 is no xsd:string; r2 is a Person too, so knows r2 is fine
    const RuleViolations* disjoint = rule(report, "disjoint");
    REQUIRE(disjoint);
    CHECK(disjoint->examples.front() == "r2 is both Robot and Person, declared disjoint");
    CHECK(!rule(report, "domain")); // r2 is a Person, so hasEmail's domain holds
    const ConformanceReport domain = check("<http://e/r9> a :Robot ; :hasEmail \"r@e\" ; :badge \"1\" .\n");
    REQUIRE(rule(domain, "domain"));
    CHECK(rule(domain, "domain")->examples.front() == "r9 hasEmail: a Robot, outside the domain Person");
    CHECK(report.total() == required->count + maximum->count + range->count + disjoint->count);
}
