// The SPARQL term serializer: hostile values stay inside their literal, and what cannot be written
// safely is refused. Each written literal is read back through the N-Triples reader (SPARQL's
// quoted strings use the same escapes) and must come back byte for byte.
#include "evograph/error.h"
#include "evograph/rdf/reader.h"
#include "evograph/sparql/term_syntax.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace evograph;
using Catch::Matchers::ContainsSubstring;

namespace {
// Reads `<s> <p> LITERAL .` back and returns the literal's lexical form.
std::string readBack(const std::string& literal)
{
    rdf::Dataset data;
    rdf::readString("<http://e/s> <http://e/p> " + literal + " .\n", rdf::Format::NTriples, data);
    REQUIRE(data.size() == 1);
    return std::string(data.dictionary().term(data.quads()[0].o).value);
}

// The literal's quoted part ends at its last quote only: nothing after it is SPARQL syntax.
void requireOneToken(const std::string& literal)
{
    REQUIRE(literal.front() == '"');
    std::size_t i = 1;
    while (i < literal.size() && literal[i] != '"')
        i += literal[i] == '\\' ? 2 : 1;
    const std::string tail = literal.substr(i + 1);
    CHECK((tail.empty() || tail.front() == '@' || tail.rfind("^^<", 0) == 0));
    CHECK(literal.find('\n') == std::string::npos);
    CHECK(literal.find('\r') == std::string::npos);
}
} // namespace

TEST_CASE("hostile literal values stay inside the literal and read back unchanged", "[migrate][sparql]")
{
    const std::string values[] = {"\" } ; DROP ALL #", "\"\"\"", "'''", "line one\nline two\r\n", "back\\slash\\",
        "tab\there", "\" . } INSERT DATA { <http://evil/> <http://evil/> \"x", std::string("nul\0byte", 8),
        "\x01\x1f\x7f", "unicode: é ✓ 𝄞", ""};
    for (const std::string& value : values) {
        const std::string literal = sparql::sparqlLiteral(value);
        requireOneToken(literal);
        CHECK(readBack(literal) == value);
    }
}

TEST_CASE("datatypes and language tags are written, and refused when malformed", "[migrate][sparql]")
{
    CHECK(sparql::sparqlLiteral("1", "http://www.w3.org/2001/XMLSchema#integer")
        == "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    CHECK(sparql::sparqlLiteral("x", "http://www.w3.org/2001/XMLSchema#string") == "\"x\"");
    CHECK(sparql::sparqlLiteral("chat", {}, "fr-CA") == "\"chat\"@fr-CA");
    CHECK(readBack(sparql::sparqlLiteral("chat", {}, "en-GB")) == "chat");
    for (const char* tag : {"en\" } DROP ALL #", "en-", "-en", "1en", "en--gb", "en gb"})
        CHECK_THROWS_AS(sparql::sparqlLiteral("x", {}, tag), Error);
    CHECK_THROWS_WITH(sparql::sparqlLiteral("x", "http://e/dt> } DROP ALL #"), ContainsSubstring("'>'"));
}

TEST_CASE("IRIs that could break out of <...> are refused with the character and offset", "[migrate][sparql]")
{
    CHECK(sparql::sparqlIri("http://example.org/onto#User") == "<http://example.org/onto#User>");
    CHECK(sparql::sparqlIri("http://example.org/caf%C3%A9") == "<http://example.org/caf%C3%A9>");
    CHECK_THROWS_WITH(sparql::sparqlIri("http://e/a> } ; DROP ALL #"), ContainsSubstring("'>' at offset 10"));
    CHECK_THROWS_WITH(sparql::sparqlIri("http://e/a b"), ContainsSubstring("U+0020"));
    CHECK_THROWS_WITH(sparql::sparqlIri("http://e/a\nb"), ContainsSubstring("U+000A"));
    for (const char* iri : {"http://e/{x}", "http://e/\"", "http://e/|", "http://e/^", "http://e/`", "http://e/\\", ""})
        CHECK_THROWS_AS(sparql::sparqlIri(iri), Error);
}

TEST_CASE("terms of every kind go through the same serializer", "[migrate][sparql]")
{
    using rdf::TermKind;
    CHECK(sparql::sparqlTerm({TermKind::Iri, "http://e/x", {}, {}}) == "<http://e/x>");
    CHECK(sparql::sparqlTerm({TermKind::Blank, "b12", {}, {}}) == "_:b12");
    CHECK(
        sparql::sparqlTerm({TermKind::Literal, "a\"b", "http://www.w3.org/2001/XMLSchema#string", {}}) == "\"a\\\"b\"");
    CHECK_THROWS_AS(sparql::sparqlTerm({TermKind::Blank, "b1 } DROP ALL", {}, {}}), Error);
}
