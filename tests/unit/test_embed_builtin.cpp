// The built-in embedder: deterministic for a seed whatever the threads, words find their terms,
// and a term renamed and relabelled with its structure kept stays near its old self.
#include "evograph/embed/builtin_embedder.h"
#include "evograph/embed/term_search.h"
#include "evograph/rdf/reader.h"
#include "evograph/vector/kernels.h"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>

using namespace evograph;

namespace {
const char* kOld = R"(
@prefix : <http://example.org/o#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
:Agent a owl:Class ; rdfs:label "agent" .
:Person a owl:Class ; rdfs:subClassOf :Agent ; rdfs:label "person" ; rdfs:comment "A human being." .
:Organization a owl:Class ; rdfs:subClassOf :Agent ; rdfs:label "organization" ; skos:altLabel "company" .
:Place a owl:Class ; rdfs:label "place" .
:PostalAddress a owl:Class ; rdfs:label "postal address" ; rdfs:comment "A mailing address." .
:Event a owl:Class ; rdfs:label "event" .
:memberOf a owl:ObjectProperty ; rdfs:domain :Person ; rdfs:range :Organization .
:birthPlace a owl:ObjectProperty ; rdfs:domain :Person ; rdfs:range :Place .
:address a owl:ObjectProperty ; rdfs:domain :Organization ; rdfs:range :PostalAddress .
:location a owl:ObjectProperty ; rdfs:domain :Event ; rdfs:range :Place .
:attendee a owl:ObjectProperty ; rdfs:domain :Event ; rdfs:range :Person .
:Employee a owl:Class ; rdfs:subClassOf :Person , [ a owl:Restriction ; owl:onProperty :memberOf ; owl:someValuesFrom :Organization ] .
)";
// Person becomes Human, "human individual": a new IRI and a new label, the same place in the graph.
const char* kNew = R"(
@prefix : <http://example.org/o#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
:Agent a owl:Class ; rdfs:label "agent" .
:Human a owl:Class ; rdfs:subClassOf :Agent ; rdfs:label "human individual" .
:Organization a owl:Class ; rdfs:subClassOf :Agent ; rdfs:label "organization" ; skos:altLabel "company" .
:Place a owl:Class ; rdfs:label "place" .
:PostalAddress a owl:Class ; rdfs:label "postal address" ; rdfs:comment "A mailing address." .
:Event a owl:Class ; rdfs:label "event" .
:Vehicle a owl:Class ; rdfs:label "vehicle" .
:memberOf a owl:ObjectProperty ; rdfs:domain :Human ; rdfs:range :Organization .
:birthPlace a owl:ObjectProperty ; rdfs:domain :Human ; rdfs:range :Place .
:address a owl:ObjectProperty ; rdfs:domain :Organization ; rdfs:range :PostalAddress .
:location a owl:ObjectProperty ; rdfs:domain :Event ; rdfs:range :Place .
:attendee a owl:ObjectProperty ; rdfs:domain :Event ; rdfs:range :Human .
:Employee a owl:Class ; rdfs:subClassOf :Human , [ a owl:Restriction ; owl:onProperty :memberOf ; owl:someValuesFrom :Organization ] .
)";

struct Versions {
    std::shared_ptr<rdf::Dictionary> dictionary = std::make_shared<rdf::Dictionary>();
    rdf::Dataset oldData {dictionary}, newData {dictionary};
    std::unique_ptr<analysis::KnownTerms> terms;
    std::unique_ptr<analysis::OntologyIndex> oldIndex, newIndex;
    Versions()
    {
        rdf::readString(kOld, rdf::Format::Turtle, oldData);
        rdf::readString(kNew, rdf::Format::Turtle, newData);
        oldData.finalize(), newData.finalize();
        terms = std::make_unique<analysis::KnownTerms>(*dictionary);
        oldIndex = std::make_unique<analysis::OntologyIndex>(oldData, *terms);
        newIndex = std::make_unique<analysis::OntologyIndex>(newData, *terms);
    }
    std::size_t row(const embed::BuiltinEmbedder& e, std::size_t ontology, const std::string& local) const
    {
        const auto& docs = e.documents(ontology);
        for (std::size_t i = 0; i < docs.size(); ++i)
            if (dictionary->term(docs[i].iri).value == "http://example.org/o#" + local)
                return i;
        FAIL("no term " << local);
        return 0;
    }
};
} // namespace

TEST_CASE("builtin embedder: the same seed gives the same vectors on 1 or 2 threads", "[embed][builtin]")
{
    Versions v;
    engine::ThreadPool pool(2);
    embed::BuiltinOptions one, two;
    one.threads = 1, two.threads = 2;
    const embed::BuiltinEmbedder a({v.oldIndex.get(), v.newIndex.get()}, one);
    const embed::BuiltinEmbedder b({v.oldIndex.get(), v.newIndex.get()}, two, &pool);
    CHECK(a.termVectors(0).values() == b.termVectors(0).values());
    CHECK(a.termVectors(1).values() == b.termVectors(1).values());
    embed::BuiltinOptions other = one;
    other.seed = 7;
    const embed::BuiltinEmbedder c({v.oldIndex.get(), v.newIndex.get()}, other);
    CHECK(a.termVectors(1).values() != c.termVectors(1).values());
    CHECK(a.model().dimension == 384);
    CHECK(a.termVectors(0).dim() == 384);
}

TEST_CASE(
    "builtin embedder: a renamed, relabelled term with its structure kept is nearest its old self", "[embed][builtin]")
{
    Versions v;
    const embed::BuiltinEmbedder e({v.oldIndex.get(), v.newIndex.get()});
    const float* person = e.termVectors(0).row(v.row(e, 0, "Person"));
    const std::size_t dim = e.termVectors(0).dim();
    const float toHuman = vector::dot(person, e.termVectors(1).row(v.row(e, 1, "Human")), dim);
    for (const char* other : {"Vehicle", "Place", "Event", "PostalAddress"}) {
        INFO(other);
        CHECK(toHuman > vector::dot(person, e.termVectors(1).row(v.row(e, 1, other)), dim));
    }
    // The same term in both versions is (nearly) the same vector: one space.
    const float same
        = vector::dot(e.termVectors(0).row(v.row(e, 0, "Place")), e.termVectors(1).row(v.row(e, 1, "Place")), dim);
    CHECK(same > 0.95f);
}

TEST_CASE("term search: words find their terms, synonyms and definitions count", "[embed][search]")
{
    Versions v;
    embed::TermSearch search({{"old.ttl", v.oldIndex.get()}}, config::Config {}, "builtin");
    CHECK(search.terms() == 12);
    auto hits = search.search("postal address", 3);
    REQUIRE(!hits.empty());
    CHECK(hits[0].iri == "http://example.org/o#PostalAddress");
    CHECK(hits[0].label == "postal address");
    CHECK(hits[0].kind == "class");
    CHECK(hits[0].version == "old.ttl");
    CHECK(hits[0].score > 0.7);
    hits = search.search("company", 1);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].iri == "http://example.org/o#Organization");
    hits = search.search("member", 1);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].iri == "http://example.org/o#memberOf"); // from the local name's words
    CHECK(hits[0].kind == "property");
}

TEST_CASE("term documents: local names split into words", "[embed]")
{
    CHECK(embed::splitLocalName("hasEmailAddress2") == "has email address 2");
    CHECK(embed::splitLocalName("HTMLParser_v2-x") == "html parser v 2 x");
    CHECK(embed::splitLocalName("RO_0000050") == "ro 0000050");
    CHECK(embed::localNameOf("http://purl.obolibrary.org/obo/RO_0000050") == "RO_0000050");
    CHECK(embed::localNameOf("http://schema.org/Person") == "Person");
    CHECK(embed::localNameOf("http://example.org/o#memberOf") == "memberOf");
}
