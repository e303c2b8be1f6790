#include "evograph/rdf/format.h"

#include <catch2/catch_test_macros.hpp>

using namespace evograph::rdf;

TEST_CASE("formats come from names and extensions", "[format]")
{
    CHECK(parseFormatName("Turtle") == Format::Turtle);
    CHECK(parseFormatName("nq") == Format::NQuads);
    CHECK(parseFormatName("rdfxml") == Format::RdfXml);
    CHECK_FALSE(parseFormatName("jsonld"));
    CHECK(formatFromExtension("a/b/onto.owl") == Format::RdfXml);
    CHECK(formatFromExtension("x.TTL") == Format::Turtle);
    CHECK(formatFromExtension("x.trig") == Format::TriG);
    CHECK_FALSE(formatFromExtension("README"));
}

TEST_CASE("the content tells the format when the name does not", "[format]")
{
    CHECK(sniffFormat("<?xml version=\"1.0\"?>\n<rdf:RDF/>") == Format::RdfXml);
    CHECK(sniffFormat("\xEF\xBB\xBF@prefix ex: <http://e/> .") == Format::Turtle);
    CHECK(sniffFormat("# comment\nPREFIX ex: <http://e/>\nex:a ex:b ex:c .") == Format::Turtle);
    CHECK(sniffFormat("@prefix ex: <http://e/> .\nex:g { ex:a ex:b ex:c . }") == Format::TriG);
    CHECK(sniffFormat("<http://a> <http://b> \"c\\\" d\"@en .\n") == Format::NTriples);
    CHECK(sniffFormat("<http://a> <http://b> _:c <http://g> .\n") == Format::NQuads);
    CHECK_FALSE(sniffFormat("{\"@context\": {}}"));
}
