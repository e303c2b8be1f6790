// Change kinds beyond the basic ones, on small hand-written versions: cardinality asserted on a
// property, re-declared vocabulary terms, successors of deprecated terms, ontology metadata,
// annotations, axioms (types, hierarchy of properties, equivalence, disjointness, inverses,
// chains) and SWRL rules; and that no RDF, RDFS or OWL predicate is ever called an annotation.

#include "analysis_fixture.h"
#include "evograph/analysis/report.h"

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

using namespace evograph;
using namespace evograph::test;

namespace {
const std::string kUser = ":User a owl:Class ; rdfs:label \"User\" .\n"
                          ":hasEmail a owl:DatatypeProperty ; rdfs:domain :User ; rdfs:range xsd:string .\n";

// The only change of a pair, by kind.
Change only(Fixture& f, ChangeKind kind)
{
    const Analysis a = f.analyze();
    INFO("changes: " << a.changes.size());
    REQUIRE(a.changes.size() == 1);
    CHECK(toString(a.changes.front().kind) == toString(kind));
    return a.changes.front();
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}
} // namespace

TEST_CASE("a cardinality asserted on a property reads as the restriction on its domain", "[analysis]")
{
    Fixture f(kUser, kUser + ":hasEmail owl:minCardinality 1 .\n",
        "<http://e/u1> a :User ; :hasEmail \"a@example.com\" .\n<http://e/u2> a :User .\n");
    const Change c = only(f, ChangeKind::RestrictionAdded);
    CHECK(c.iri == f.iri("User"));
    CHECK(c.property == f.iri("hasEmail"));
    CHECK(c.severity == Severity::Breaking);
    CHECK(contains(c.reason, "hasEmail is now required (owl:minCardinality 1)"));
    CHECK(contains(c.reason, "asserted on the property hasEmail itself"));
    CHECK(contains(
        c.reason, "User rdfs:subClassOf [ a owl:Restriction ; owl:onProperty hasEmail ; owl:minCardinality 1 ]"));
    REQUIRE(c.impact);
    CHECK(c.impact->count == 1);
    CHECK(c.impact->description == "1 User have no hasEmail but it is now required");

    SECTION("lifted, tightened and limited as the restriction form would be")
    {
        Fixture lifted(kUser + ":hasEmail owl:minCardinality 1 .\n", kUser);
        const Change l = only(lifted, ChangeKind::RestrictionRemoved);
        CHECK(l.severity == Severity::Safe);
        CHECK(contains(l.reason, "asserted on the property"));
        Fixture tightened(kUser + ":hasEmail owl:minCardinality 1 .\n", kUser + ":hasEmail owl:minCardinality 2 .\n");
        const Change t = only(tightened, ChangeKind::RestrictionChanged);
        CHECK(t.severity == Severity::Breaking);
        CHECK(contains(t.reason, "tightened"));
        Fixture limited(kUser, kUser + ":hasEmail owl:maxCardinality 1 .\n");
        CHECK(only(limited, ChangeKind::RestrictionAdded).severity == Severity::Breaking);
    }
    SECTION("without a domain it is about every typed subject")
    {
        const std::string bare = ":hasEmail a owl:DatatypeProperty .\n";
        Fixture nodomain(bare, bare + ":hasEmail owl:cardinality 1 .\n", "<http://e/u1> a :User .\n");
        const Change n = only(nodomain, ChangeKind::RestrictionAdded);
        CHECK(n.iri == nodomain.iri("hasEmail"));
        CHECK(n.severity == Severity::Breaking);
        CHECK(contains(n.reason, "owl:Thing rdfs:subClassOf"));
        REQUIRE(n.impact);
        CHECK(n.impact->count == 1);
    }
}

TEST_CASE("no RDF, RDFS or OWL predicate is reported as an annotation edit", "[analysis]")
{
    Fixture f(
        kUser + ":User owl:hasKey ( :hasEmail ) .\n:hasEmail owl:foo \"1\" .\n", kUser + ":hasEmail owl:foo \"2\" .\n");
    const Analysis a = f.analyze();
    REQUIRE(!a.changes.empty());
    for (const Change& c : a.changes) {
        CHECK(c.kind != ChangeKind::AnnotationChanged);
        CHECK(c.kind != ChangeKind::LiteralChanged);
        CHECK(!contains(c.reason, "annotation"));
    }
}

TEST_CASE("re-declared terms of vocabularies the ontology does not own come and go cosmetically", "[analysis]")
{
    const std::string redeclared = "owl:Thing a owl:Class .\ndcterms:creator a owl:AnnotationProperty .\n"
                                   "rdfs:label a owl:AnnotationProperty .\n";
    Fixture dropped(kUser + redeclared, kUser);
    const Analysis a = dropped.analyze();
    REQUIRE(a.changes.size() == 3);
    for (const Change& c : a.changes) {
        CHECK(c.kind == ChangeKind::RedeclarationDropped);
        CHECK(c.severity == Severity::Cosmetic);
        CHECK(contains(c.reason, "re-declaration dropped"));
    }
    CHECK(a.renames.empty());
    Fixture added(kUser, kUser + redeclared);
    for (const Change& c : added.analyze().changes) {
        CHECK(c.kind == ChangeKind::RedeclarationAdded);
        CHECK(c.severity == Severity::Cosmetic);
    }
    SECTION("a vocabulary's own release still breaks when it drops a term")
    {
        const std::string own = "<http://purl.org/dc/terms/> a owl:Ontology .\n"
                                "dcterms:creator a owl:AnnotationProperty .\n";
        Fixture release(own + "dcterms:title a owl:AnnotationProperty .\n", own);
        const Change c = only(release, ChangeKind::PropertyRemoved);
        CHECK(c.severity == Severity::Breaking);
    }
}

TEST_CASE("a deprecated term names its successor, by a replacement link or an equivalence", "[analysis]")
{
    const std::string both = ":Customer a owl:Class .\n:Client a owl:Class .\n";
    for (const std::string link : {"dcterms:isReplacedBy", "<http://purl.obolibrary.org/obo/IAO_0100001>",
             "<https://schema.org/supersededBy>", "owl:equivalentClass"}) {
        INFO(link);
        Fixture f(both, both + ":Customer owl:deprecated true ; " + link + " :Client .\n");
        const Change c = only(f, ChangeKind::ClassDeprecated);
        CHECK(c.replacedBy == f.iri("Client"));
        CHECK(c.severity == Severity::Safe);
        CHECK(contains(c.reason, "replaced by Client"));
    }
    Fixture f(both, both + ":Customer owl:deprecated true ; dcterms:isReplacedBy :Client .\n");
    const Analysis a = f.analyze();
    const rdf::PrefixMap prefixes;
    const ReportContext context {*f.dictionary, prefixes, "old.ttl", "new.ttl"};
    const auto json = nlohmann::json::parse(jsonReport(a, context));
    CHECK(json["changes"][0]["replaced_by"] == "http://example.com/ontology#Client");
    CHECK(contains(textReport(a, context), "replaced by: <http://example.com/ontology#Client>"));
    CHECK(contains(markdownReport(a, context), "Replaced by `<http://example.com/ontology#Client>`"));
    CHECK(contains(htmlReport(a, context), "Replaced by <code>&lt;http://example.com/ontology#Client&gt;</code>"));
    SECTION("an equivalence alone, without deprecation, is an equivalence")
    {
        Fixture g(both, both + ":Customer owl:equivalentClass :Client .\n");
        const Change e = only(g, ChangeKind::EquivalenceChanged);
        CHECK(e.severity == Severity::Safe);
        CHECK(!e.replacedBy);
    }
}

TEST_CASE("ontology metadata, annotations and axioms get kinds of their own", "[analysis]")
{
    const std::string header = "<http://example.com/ontology> a owl:Ontology ;\n";
    SECTION("metadata: cosmetic, but a dropped import breaks")
    {
        Fixture creator(header + " dcterms:creator \"Ann\" .\n", header + " dcterms:creator \"Bob\" .\n");
        CHECK(only(creator, ChangeKind::MetadataChanged).severity == Severity::Cosmetic);
        Fixture imports(header + " owl:imports <http://example.com/base> .\n", header + " rdfs:label \"x\" .\n");
        const Analysis a = imports.analyze();
        const Change* dropped = find(a, ChangeKind::MetadataChanged);
        REQUIRE(dropped);
        CHECK(a.worst() == Severity::Breaking);
    }
    SECTION("annotations on terms: cosmetic, literal or IRI")
    {
        Fixture example(kUser + ":User <http://www.w3.org/2004/02/skos/core#example> \"Ann\" .\n",
            kUser + ":User <http://www.w3.org/2004/02/skos/core#example> \"Bob\" .\n");
        const Change c = only(example, ChangeKind::AnnotationChanged);
        CHECK(c.severity == Severity::Cosmetic);
        Fixture seeAlso(kUser, kUser + ":User rdfs:seeAlso <http://example.com/doc> .\n");
        CHECK(only(seeAlso, ChangeKind::AnnotationChanged).severity == Severity::Cosmetic);
    }
    SECTION("axioms")
    {
        const std::string props = ":knows a owl:ObjectProperty .\n:meets a owl:ObjectProperty .\n";
        Fixture sub(props + ":meets rdfs:subPropertyOf :knows .\n", props);
        CHECK(only(sub, ChangeKind::SuperpropertyRemoved).severity == Severity::Breaking);
        Fixture functional(props, props + ":knows a owl:FunctionalProperty .\n");
        CHECK(only(functional, ChangeKind::TypeChanged).severity == Severity::Breaking);
        Fixture transitive(props, props + ":knows a owl:TransitiveProperty .\n");
        CHECK(only(transitive, ChangeKind::TypeChanged).severity == Severity::Safe);
        Fixture kind(":p a owl:ObjectProperty .\n", ":p a owl:DatatypeProperty .\n");
        CHECK(only(kind, ChangeKind::TypeChanged).severity == Severity::Breaking);
        Fixture inverse(props, props + ":knows owl:inverseOf :meets .\n");
        CHECK(only(inverse, ChangeKind::InverseChanged).severity == Severity::Safe);
        Fixture chain(props + ":knows owl:propertyChainAxiom ( :meets :meets ) .\n", props);
        CHECK(only(chain, ChangeKind::PropertyChainChanged).severity == Severity::Breaking);
        const std::string classes = ":A a owl:Class .\n:B a owl:Class .\n";
        Fixture disjoint(classes, classes + ":A owl:disjointWith :B .\n");
        CHECK(only(disjoint, ChangeKind::DisjointnessChanged).severity == Severity::Breaking);
        Fixture all(classes, classes + "[] a owl:AllDisjointClasses ; owl:members ( :A :B ) .\n");
        CHECK(only(all, ChangeKind::DisjointnessChanged).severity == Severity::Breaking);
    }
    SECTION("SWRL rules")
    {
        const std::string swrl = "@prefix swrl: <http://www.w3.org/2003/11/swrl#> .\n"
                                 ":A a owl:Class .\n:B a owl:Class .\n<urn:swrl#x> a swrl:Variable .\n";
        const std::string rule = "[] a swrl:Imp ; swrl:body ( [ a swrl:ClassAtom ; swrl:classPredicate :A ; "
                                 "swrl:argument1 <urn:swrl#x> ] ) ; swrl:head ( [ a swrl:ClassAtom ; "
                                 "swrl:classPredicate :B ; swrl:argument1 <urn:swrl#x> ] ) .\n";
        Fixture added(swrl, swrl + rule);
        CHECK(only(added, ChangeKind::RuleChanged).severity == Severity::Safe);
        Fixture removed(swrl + rule, swrl);
        CHECK(only(removed, ChangeKind::RuleChanged).severity == Severity::Breaking);
    }
}
