// Value forms: what a store that keeps values (Virtuoso) gives back must compare equal to what was
// pushed, and different values must stay different.

#include "evograph/rdf/reader.h"
#include "evograph/remote/literal_values.h"

#include <catch2/catch_test_macros.hpp>

using evograph::remote::valueForm;

namespace {
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";
}

TEST_CASE("value forms: the lexical forms Virtuoso rewrites compare equal", "[remote]")
{
    CHECK(valueForm("1241.90", kXsd + "decimal") == valueForm("1241.9", kXsd + "decimal"));
    CHECK(valueForm("3.2538E+05", kXsd + "double") == valueForm("325380.0", kXsd + "double"));
    CHECK(valueForm("+007", kXsd + "integer") == valueForm("7", kXsd + "integer"));
    CHECK(valueForm("-0", kXsd + "nonPositiveInteger") == valueForm("0", kXsd + "nonPositiveInteger"));
    CHECK(valueForm("1", kXsd + "boolean") == valueForm("true", kXsd + "boolean"));
    CHECK(valueForm("0.10", kXsd + "float") == valueForm("1.0E-1", kXsd + "float"));
    CHECK(valueForm(".5", kXsd + "decimal") == valueForm("0.50", kXsd + "decimal"));
    CHECK(valueForm("2020-01-01T00:00:00+00:00", kXsd + "dateTime") == "2020-01-01T00:00:00Z");
    CHECK(valueForm("10:00:00-00:00", kXsd + "time") == "10:00:00Z");
}

TEST_CASE("value forms: different values and other literals stay apart", "[remote]")
{
    CHECK(valueForm("1241.91", kXsd + "decimal") != valueForm("1241.9", kXsd + "decimal"));
    CHECK(valueForm("0.1", kXsd + "double") != valueForm("0.10000000000000002", kXsd + "double"));
    CHECK_FALSE(valueForm("12abc", kXsd + "integer")); // not valid: left as it is
    CHECK_FALSE(valueForm("1.5", kXsd + "integer"));
    CHECK_FALSE(valueForm("2020-01-01", kXsd + "date"));
    CHECK_FALSE(valueForm("2020-01-01T10:00:00+01:00", kXsd + "dateTime")); // Virtuoso keeps other offsets
    CHECK_FALSE(valueForm("1.0", "http://example.org/unit#meters"));
}

TEST_CASE("value hash: a graph and its store-rewritten copy hash alike, a changed value does not", "[remote]")
{
    using namespace evograph;
    auto hashOf = [](std::string_view turtle) {
        rdf::Dataset data;
        rdf::readString(turtle, rdf::Format::Turtle, data);
        return remote::valueHash(data);
    };
    const std::string pushed = hashOf(R"(@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <http://e/a> <http://e/p> "1241.90"^^xsd:decimal, "3.2538E+05"^^xsd:double, "x" .)");
    const std::string stored = hashOf(R"(@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <http://e/a> <http://e/p> "1241.9"^^xsd:decimal, "325380.0"^^xsd:double, "x" .)");
    const std::string changed = hashOf(R"(@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <http://e/a> <http://e/p> "1241.8"^^xsd:decimal, "325380.0"^^xsd:double, "x" .)");
    CHECK(pushed == stored);
    CHECK(pushed != changed);
}
