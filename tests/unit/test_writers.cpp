#include "evograph/rdf/isomorphism.h"
#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/reader.h"
#include "evograph/rdf/turtle_writer.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <sstream>

using namespace evograph::rdf;
using Catch::Matchers::ContainsSubstring;

namespace {
Dataset read(std::string_view text, Format format = Format::Turtle)
{
    Dataset dataset;
    readString(text, format, dataset, "http://example.org/");
    return dataset;
}

std::string ntriples(const Dataset& data)
{
    std::ostringstream out;
    writeNQuads(data, out);
    return out.str();
}

std::string turtleOf(const Dataset& data)
{
    std::ostringstream out;
    writeTurtle(data, out);
    return out.str();
}
} // namespace

TEST_CASE("N-Triples output escapes literals in canonical form", "[writer]")
{
    const Dataset data
        = read("<http://e/s> <http://e/p> \"q\\\" b\\\\ n\\n r\\r t\\t \\u0001 \\u007F é\" .", Format::NTriples);
    CHECK(ntriples(data) == "<http://e/s> <http://e/p> \"q\\\" b\\\\ n\\n r\\r t\\t \\u0001 \\u007F é\" .\n");
}

TEST_CASE("Turtle output groups subjects, nests blank nodes and lists, and reads back the same", "[writer]")
{
    const Dataset data = read(R"(
        @prefix ex: <http://example.org/ns#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        ex:User a owl:Class ;
            ex:sub [ a owl:Restriction ; owl:onProperty ex:email ; owl:minCardinality 1 ] ;
            owl:unionOf ( ex:A ex:B [ ex:c "long\ntext with \"quotes\"" ] ) ;
            ex:n 2.5, true, "x"@en .
        _:loop ex:next _:loop2 . _:loop2 ex:next _:loop .
        _:shared ex:p 1 . ex:a ex:q _:shared . ex:b ex:q _:shared .
    )");
    const std::string text = turtleOf(data);
    CHECK_THAT(text, ContainsSubstring("@prefix ex: <http://example.org/ns#> ."));
    CHECK_THAT(text, ContainsSubstring("ex:User a owl:Class ;"));
    CHECK_THAT(text, ContainsSubstring("owl:unionOf ( ex:A ex:B ["));
    CHECK_THAT(text, ContainsSubstring("ex:sub ["));
    CHECK_THAT(text, ContainsSubstring("2.5, true"));
    Dataset back;
    readString(text, Format::Turtle, back, "http://example.org/");
    CHECK(isIsomorphic(data, back));
}

TEST_CASE("named graphs are written as N-Quads and as TriG blocks", "[writer]")
{
    const Dataset data = read(
        "<http://e/g> { <http://e/a> <http://e/b> [ <http://e/c> 1 ] . } <http://e/a> <http://e/b> 2 .", Format::TriG);
    std::ostringstream ntOut;
    CHECK_THROWS_WITH(writeNTriples(data, ntOut), ContainsSubstring("named graphs"));
    Dataset fromQuads;
    readString(ntriples(data), Format::NQuads, fromQuads);
    CHECK(isIsomorphic(data, fromQuads));
    const std::string trig = turtleOf(data);
    CHECK_THAT(trig, ContainsSubstring("GRAPH <http://e/g> {"));
    Dataset fromTrig;
    readString(trig, Format::TriG, fromTrig);
    CHECK(isIsomorphic(data, fromTrig));
}
