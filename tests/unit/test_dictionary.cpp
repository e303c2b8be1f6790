#include "evograph/rdf/dictionary.h"
#include "evograph/rdf/isomorphism.h"
#include "evograph/rdf/reader.h"

#include <catch2/catch_test_macros.hpp>

#include <set>
#include <string>

using namespace evograph::rdf;

TEST_CASE("equal terms get one id, different terms different ids", "[dictionary]")
{
    Dictionary dict;
    const TermId a = dict.iri("http://example.org/a");
    CHECK(dict.iri("http://example.org/a") == a);
    CHECK(dict.iri("http://example.org/b") != a);
    // The same text as an IRI, a blank node label and a literal are three terms.
    const TermId blank = dict.blank("http://example.org/a");
    const TermId literal = dict.literal("http://example.org/a");
    CHECK(std::set<TermId> {a, blank, literal}.size() == 3);
    CHECK(dict.size() == 4);
}

TEST_CASE("simple literals and xsd:string literals are the same term", "[dictionary]")
{
    Dictionary dict;
    const TermId plain = dict.literal("chat");
    CHECK(dict.literal("chat", vocab::xsdString) == plain);
    CHECK(dict.term(plain).datatype == vocab::xsdString);
    const TermId french = dict.literal("chat", {}, "fr");
    CHECK(french != plain);
    CHECK(dict.term(french).language == "fr");
    CHECK(dict.term(french).datatype == vocab::rdfLangString);
    const TermId typed = dict.literal("1", "http://www.w3.org/2001/XMLSchema#integer");
    CHECK(dict.term(typed).datatype == "http://www.w3.org/2001/XMLSchema#integer");
    CHECK(dict.term(typed).language.empty());
}

TEST_CASE("terms keep NUL bytes and long values intact", "[dictionary]")
{
    Dictionary dict;
    const std::string withNul("a\0b", 3);
    const TermId id = dict.literal(withNul);
    CHECK(dict.term(id).value == withNul);
    CHECK(dict.literal(std::string("a\0c", 3)) != id);
    const std::string big(5'000'000, 'x');
    const TermId bigId = dict.literal(big);
    CHECK(dict.term(bigId).value == big);
    CHECK(dict.term(id).value == withNul); // earlier terms stay valid after large stores
}

TEST_CASE("find never adds, and fresh blank nodes never reuse a label", "[dictionary]")
{
    Dictionary dict;
    CHECK_FALSE(dict.find(TermView {TermKind::Iri, "http://x", {}, {}}));
    CHECK(dict.size() == 0);
    const TermId taken = dict.blank("b1");
    const TermId fresh = dict.freshBlank();
    CHECK(fresh != taken);
    CHECK(dict.term(fresh).value != "b1");
}

TEST_CASE("the dictionary grows past many terms and keeps every id", "[dictionary]")
{
    Dictionary dict;
    std::vector<TermId> ids;
    for (int i = 0; i < 200'000; ++i)
        ids.push_back(dict.iri("http://example.org/term/" + std::to_string(i)));
    for (int i = 0; i < 200'000; i += 997)
        CHECK(dict.iri("http://example.org/term/" + std::to_string(i)) == ids[static_cast<std::size_t>(i)]);
    CHECK(dict.term(ids[12345]).value == "http://example.org/term/12345");
    CHECK(dict.contentHash(ids[1]) != dict.contentHash(ids[2]));
}

TEST_CASE("copyInto re-interns a dataset in another dictionary, blank nodes kept apart", "[dictionary]")
{
    Dataset a;
    readString("<http://e/s> <http://e/p> _:b1 . _:b1 <http://e/q> \"v\"@en .", Format::Turtle, a);
    a.finalize();
    auto shared = std::make_shared<Dictionary>();
    Dataset b(shared);
    readString("_:b1 <http://e/q> \"v\"@en .", Format::Turtle, b);
    b.finalize();
    const Dataset copy = copyInto(a, shared);
    REQUIRE(copy.size() == 2);
    CHECK(&copy.dictionary() == shared.get());
    CHECK(isIsomorphic(copy, a)); // same graph, as terms
    // The copied blank node is not b's, though both documents called it b1.
    for (const Quad& q : copy.quads())
        if (shared->isBlank(q.s))
            CHECK(q.s != b.quads()[0].s);
}
