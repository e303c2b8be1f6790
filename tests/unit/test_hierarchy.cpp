// The hierarchy diff on small inline ontologies: moves, renames, deprecation with a successor,
// several parents, a cycle, SKOS concepts, and the side-by-side alignment.
#include "analysis_fixture.h"

#include "evograph/analysis/hierarchy_report.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <nlohmann/json.hpp>

using namespace evograph;
using namespace evograph::analysis;
using Catch::Matchers::ContainsSubstring;

namespace {
struct Trees {
    test::Fixture fixture;
    Analysis analysis;
    std::vector<HierarchyTree> trees;
    rdf::PrefixMap prefixes;

    Trees(const std::string& oldTurtle, const std::string& newTurtle, std::vector<HierarchyKind> kinds)
        : fixture(oldTurtle, newTurtle)
        , analysis(fixture.analyze())
        , trees(buildHierarchies(fixture.oldData, fixture.newData, analysis, kinds))
    {
        prefixes.set("", "http://example.com/ontology#");
    }
    const HierarchyEntry& entry(const std::string& local, std::size_t tree = 0) const
    {
        const HierarchyEntry* e = trees[tree].find(fixture.iri(local));
        REQUIRE(e);
        return *e;
    }
    ReportContext context() const { return {*fixture.dictionary, prefixes, "old.ttl", "new.ttl"}; }
};

// The names of a tree's nodes, depth-first, "Name" or "Name^" for a repeated place, indented by depth.
void outline(const HierarchyTree& tree, const std::vector<HierarchyNode>& nodes, const rdf::Dictionary& d,
    std::string& out, int depth = 0)
{
    for (const HierarchyNode& n : nodes) {
        out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + shortName(d, tree.entries[n.entry].iri)
            + (n.repeated ? "^" : "") + "\n";
        outline(tree, n.children, d, out, depth + 1);
    }
}

const std::string kBase = ":Agent a owl:Class .\n:Person a owl:Class ; rdfs:subClassOf :Agent .\n"
                          ":Organization a owl:Class ; rdfs:subClassOf :Agent .\n";
} // namespace

TEST_CASE("hierarchy: added under its parent, removed, moved with both parent lists", "[hierarchy]")
{
    const Trees t(kBase + ":Employee a owl:Class ; rdfs:subClassOf :Agent .\n:Robot a owl:Class .\n",
        kBase + ":Employee a owl:Class ; rdfs:subClassOf :Person .\n:Student a owl:Class ; rdfs:subClassOf :Person .\n",
        {HierarchyKind::Classes});
    CHECK(t.entry("Student").status == NodeStatus::Added);
    CHECK(t.entry("Robot").status == NodeStatus::Removed);
    const HierarchyEntry& moved = t.entry("Employee");
    CHECK(moved.status == NodeStatus::Moved);
    CHECK(moved.oldParents == std::vector {t.fixture.iri("Agent")});
    CHECK(moved.newParents == std::vector {t.fixture.iri("Person")});
    CHECK(t.entry("Person").status == NodeStatus::Unchanged);
    std::string shape;
    outline(t.trees[0], t.trees[0].roots, *t.fixture.dictionary, shape);
    CHECK(shape == "Agent\n  Organization\n  Person\n    Employee\n    Student\nRobot\n");
    // Unchanged Organization folds; the move is written with both places.
    const std::string text = hierarchyText(t.trees, t.context());
    CHECK_THAT(text, ContainsSubstring("\n    > :Employee  [safe] moved: :Agent → :Person"));
    CHECK_THAT(text, ContainsSubstring("\n    + :Student  [safe] added"));
    CHECK_THAT(text, ContainsSubstring("\n    … 1 unchanged"));
    CHECK_THAT(text, ContainsSubstring("\n- :Robot  [breaking] removed"));
}

TEST_CASE("hierarchy: a renamed class is one entry; a deprecated property names its successor", "[hierarchy]")
{
    const Trees t(kBase
            + ":Customer a owl:Class ; rdfs:label \"customer\" ; rdfs:comment \"Buys things.\" ; "
              "rdfs:subClassOf :Person .\n:manages a owl:ObjectProperty .\n",
        kBase
            + ":Client a owl:Class ; rdfs:label \"customer\" ; rdfs:comment \"Buys things.\" ; rdfs:subClassOf :Person "
              ".\n"
              ":manages a owl:ObjectProperty ; owl:deprecated true ; dcterms:isReplacedBy :supervises ; "
              "rdfs:range :Person .\n:supervises a owl:ObjectProperty .\n",
        {HierarchyKind::Classes, HierarchyKind::Properties});
    const HierarchyEntry& client = t.entry("Client");
    CHECK(client.status == NodeStatus::Renamed);
    CHECK(client.renamedFrom == t.fixture.iri("Customer"));
    CHECK(&t.entry("Customer") == &client); // found by either IRI, one entry
    const HierarchyEntry& manages = t.entry("manages", 1);
    CHECK(manages.status == NodeStatus::Deprecated);
    CHECK(manages.deprecated);
    CHECK(manages.replacedBy == t.fixture.iri("supervises"));
    // Its changes (deprecated, range added) are one entry with the worst severity and each reason.
    CHECK(manages.changes.size() >= 2);
    CHECK(manages.reasons.size() == manages.changes.size());
    REQUIRE(manages.severity);
    for (const std::size_t i : manages.changes)
        CHECK(t.analysis.changes[i].severity <= *manages.severity);
    const auto json = nlohmann::json::parse(hierarchyJson(t.trees, t.context()));
    bool sawManages = false;
    for (const auto& root : json["roots"])
        if (root["iri"] == "http://example.com/ontology#manages") {
            sawManages = true;
            CHECK(root["status"] == "deprecated");
            CHECK(root["replaced_by"] == "http://example.com/ontology#supervises");
        }
    CHECK(sawManages);
}

TEST_CASE("hierarchy: a class with two parents appears under each, once with its subtree", "[hierarchy]")
{
    const std::string twoParents = kBase
        + ":Founder a owl:Class ; rdfs:subClassOf :Person , :Organization .\n"
          ":CoFounder a owl:Class ; rdfs:subClassOf :Founder .\n";
    const Trees t(twoParents, twoParents + ":Investor a owl:Class ; rdfs:subClassOf :Person , :Organization .\n",
        {HierarchyKind::Classes});
    std::string shape;
    outline(t.trees[0], t.trees[0].roots, *t.fixture.dictionary, shape);
    CHECK(shape
        == "Agent\n  Organization\n    Founder\n      CoFounder\n    Investor\n  Person\n    Founder^\n    "
           "Investor^\n");
    // The added class is marked added in both places.
    const std::string text = hierarchyText(t.trees, t.context(), {true});
    CHECK_THAT(text, ContainsSubstring("\n    + :Investor  [safe] added"));
    CHECK_THAT(text, ContainsSubstring("\n    + :Investor ↑ (also under another parent)  [safe] added"));
}

TEST_CASE("hierarchy: a subclass cycle is broken and reported, never looped", "[hierarchy]")
{
    const std::string cycle = ":A a owl:Class ; rdfs:subClassOf :C .\n:B a owl:Class ; rdfs:subClassOf :A .\n"
                              ":C a owl:Class ; rdfs:subClassOf :B .\n";
    const Trees t(cycle, cycle + ":D a owl:Class ; rdfs:subClassOf :A .\n", {HierarchyKind::Classes});
    REQUIRE(t.trees[0].brokenCycles.size() == 1);
    CHECK(t.trees[0].brokenCycles[0].child == t.fixture.iri("A"));
    std::string shape;
    outline(t.trees[0], t.trees[0].roots, *t.fixture.dictionary, shape);
    CHECK(shape == "A\n  B\n    C\n  D\n");
    CHECK_THAT(hierarchyText(t.trees, t.context()), ContainsSubstring("a cycle in NEW broken at :A → :C"));
}

TEST_CASE("hierarchy: SKOS concepts by broader, narrower and top concepts", "[hierarchy]")
{
    const std::string skos = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                             ":scheme a skos:ConceptScheme ; skos:hasTopConcept :animals .\n"
                             ":animals a skos:Concept ; skos:prefLabel \"animals\"@en ; skos:narrower :mammals .\n"
                             ":mammals a skos:Concept ; skos:prefLabel \"mammals\"@en .\n";
    const Trees t(skos + ":whales a skos:Concept ; skos:broader :mammals .\n",
        skos + ":whales a skos:Concept ; skos:broader :animals .\n:birds a skos:Concept ; skos:broader :animals .\n",
        {HierarchyKind::Concepts});
    CHECK(t.entry("mammals").newParents == std::vector {t.fixture.iri("animals")});
    CHECK(t.entry("whales").status == NodeStatus::Moved);
    CHECK(t.entry("birds").status == NodeStatus::Added);
    CHECK(t.entry("animals").label == "animals");
    CHECK(t.trees[0].roots.size() == 1); // the scheme is no concept
}

TEST_CASE("hierarchy: the two outlines aligned, a moved term on a row of its own on each side", "[hierarchy]")
{
    const Trees t(kBase + ":Employee a owl:Class ; rdfs:subClassOf :Agent .\n",
        kBase + ":Employee a owl:Class ; rdfs:subClassOf :Person .\n", {HierarchyKind::Classes});
    const auto rows = alignOutlines(t.trees[0]);
    const HierarchyTree& tree = t.trees[0];
    const auto name = [&](std::size_t e) {
        return e == AlignedRow::kNone ? std::string("-") : shortName(*t.fixture.dictionary, tree.entries[e].iri);
    };
    std::string shape;
    for (const AlignedRow& r : rows)
        shape += name(r.oldEntry) + "|" + name(r.newEntry) + "\n";
    // OLD: Agent, Employee, Organization, Person; NEW: Agent, Organization, Person, Employee.
    CHECK(shape == "Agent|Agent\nEmployee|-\nOrganization|Organization\nPerson|Person\n-|Employee\n");
    CHECK(rows[4].newDepth == 2);
}
