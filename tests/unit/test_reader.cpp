#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/reader.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>

using namespace evograph;
using namespace evograph::rdf;
using Catch::Matchers::ContainsSubstring;

namespace {
Dataset turtle(std::string_view text, const std::string& base = "http://example.org/doc")
{
    Dataset dataset;
    readString(text, Format::Turtle, dataset, base, "fixture.ttl");
    return dataset;
}

std::vector<std::string> lines(const Dataset& dataset)
{
    std::vector<std::string> out;
    for (const Quad& q : dataset.quads())
        out.push_back(quadToNQuads(dataset.dictionary(), q));
    std::sort(out.begin(), out.end());
    return out;
}

Error readError(std::string_view text, Format format = Format::Turtle)
{
    Dataset dataset;
    try {
        readString(text, format, dataset, "http://example.org/doc", "bad.ttl");
    } catch (const Error& e) {
        return e;
    }
    FAIL("the document was accepted");
    throw;
}
} // namespace

TEST_CASE("Turtle reads into expanded, resolved quads", "[reader]")
{
    const Dataset data = turtle(R"(
        @prefix ex: <http://example.org/ns#> .
        @base <http://example.org/dir/> .
        ex:a ex:p <rel>, "chat"@fr, 42 .
    )");
    CHECK(lines(data)
        == std::vector<std::string> {
            "<http://example.org/ns#a> <http://example.org/ns#p> \"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
            "<http://example.org/ns#a> <http://example.org/ns#p> \"chat\"@fr .",
            "<http://example.org/ns#a> <http://example.org/ns#p> <http://example.org/dir/rel> .",
        });
    CHECK(data.prefixes().iriFor("ex") == "http://example.org/ns#");
}

TEST_CASE("blank node labels are scoped to their document", "[reader]")
{
    Dataset both;
    readString("_:x <http://e/p> _:x .", Format::Turtle, both, "http://e/1");
    readString("_:x <http://e/p> _:x .", Format::Turtle, both, "http://e/2");
    CHECK(both.size() == 2); // two different blank nodes, never merged
}

TEST_CASE("a long string whose quote is followed by an escape keeps its escapes", "[reader]")
{
    // Serd 0.30.16 read the first \\n below as backslash + line feed (fixed in 0.31).
    const Dataset data = turtle(R"(<http://e/s> <http://e/p> """x."\\n\\ny""" .)");
    REQUIRE(data.size() == 1);
    CHECK(data.dictionary().term(data.quads()[0].o).value == R"(x."\n\ny)");
}

TEST_CASE("errors name the file, line and column", "[reader]")
{
    const Error undefinedPrefix = readError("@prefix ex: <http://e/> .\nex:a ex:b nope:c .\n");
    REQUIRE(undefinedPrefix.where());
    CHECK(undefinedPrefix.where()->file == "bad.ttl");
    CHECK(undefinedPrefix.where()->line == 2);
    CHECK(undefinedPrefix.where()->column > 0);
    CHECK_THAT(undefinedPrefix.what(), ContainsSubstring("bad.ttl:2:") && ContainsSubstring("undefined prefix"));
    CHECK_THAT(undefinedPrefix.what(), !ContainsSubstring("add the line")); // nope: is nobody's convention

    // A well-known prefix says which line to add.
    const Error owl = readError(":User a owl:Class .\n");
    CHECK_THAT(owl.what(),
        ContainsSubstring("undefined prefix 'owl:'; add the line: @prefix owl: <http://www.w3.org/2002/07/owl#> ."));
    const Error schema = readError("<http://e/a> a schema:Person .\n");
    CHECK_THAT(schema.what(), ContainsSubstring("@prefix schema: <https://schema.org/> ."));

    const Error syntax = readError("<http://e/a> <http://e/b> .\n");
    REQUIRE(syntax.where());
    CHECK(syntax.where()->line == 1);

    const Error surrogate = readError("\n\n<http://e/a> <http://e/b> \"\\uD800\" .\n");
    REQUIRE(surrogate.where());
    CHECK(surrogate.where()->line == 3);
    CHECK_THAT(surrogate.message(), ContainsSubstring("surrogate"));

    const Error relative = readError("<a> <http://e/b> <http://e/c> .\n", Format::NTriples);
    REQUIRE(relative.where());
    CHECK(relative.where()->line == 1);
    CHECK_THAT(relative.message(), ContainsSubstring("IRI"));
}

TEST_CASE("a byte order mark and CRLF line ends are read as text", "[reader]")
{
    const Dataset data = turtle("\xEF\xBB\xBF@prefix ex: <http://e/> .\r\nex:a ex:b \"x\" .\r\nex:a ex:c ex:d .\r\n");
    CHECK(data.size() == 2);
}

TEST_CASE("invalid UTF-8 is refused with a position", "[reader]")
{
    const Error e = readError("<http://e/a> <http://e/b> \"\xC3\x28\" .\n");
    REQUIRE(e.where());
    CHECK(e.where()->line == 1);
}

TEST_CASE("reading reports progress and stops when cancelled", "[reader]")
{
    std::string big;
    for (int i = 0; i < 50'000; ++i)
        big += "<http://e/s" + std::to_string(i) + "> <http://e/p> \"value " + std::to_string(i) + "\" .\n";
    const std::string path = "reader_progress_test.nt";
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        std::fwrite(big.data(), 1, big.size(), f);
        std::fclose(f);
    }
    ReadOptions options;
    std::uint64_t lastDone = 0, lastTotal = 0;
    options.progress = [&](std::uint64_t done, std::uint64_t total) { lastDone = done, lastTotal = total; };
    Dataset data;
    const ReadReport report = readFile(path, data, options);
    CHECK(report.format == Format::NTriples);
    CHECK(data.size() == 50'000);
    CHECK(lastTotal == big.size());
    CHECK(lastDone == big.size());

    ReadOptions cancelling;
    cancelling.progress = [&](std::uint64_t, std::uint64_t) { cancelling.cancel.cancel(); };
    Dataset partial;
    CHECK_THROWS_AS(readFile(path, partial, cancelling), Cancelled);
    std::remove(path.c_str());
}

TEST_CASE("errors and prefix changes far into a long document keep their place", "[reader]")
{
    // Parsing and interning run on two threads in batches of statements: what happens after many
    // batches must still be read in document order and located exactly.
    std::string text = "@prefix ex: <http://e/one#> .\n";
    for (int i = 0; i < 20'000; ++i)
        text += "ex:s" + std::to_string(i) + " ex:p " + std::to_string(i) + " .\n";
    text += "@prefix ex: <http://e/two#> .\nex:last ex:p ex:o .\n";
    const Dataset data = turtle(text);
    CHECK(data.size() == 20'001);
    CHECK(data.dictionary().find(TermView {TermKind::Iri, "http://e/two#last", {}, {}}).has_value());
    CHECK_FALSE(data.dictionary().find(TermView {TermKind::Iri, "http://e/one#last", {}, {}}).has_value());

    const Error undefined = readError(text + "nope:x ex:p ex:o .\n");
    REQUIRE(undefined.where());
    CHECK(undefined.where()->line == 20'004);
    const Error syntax = readError(text + "ex:x ex:p .\n");
    REQUIRE(syntax.where());
    CHECK(syntax.where()->line == 20'004);
}

TEST_CASE("missing files and directories are clear errors", "[reader]")
{
    Dataset data;
    CHECK_THROWS_WITH(readFile("/nonexistent/x.ttl", data),
        ContainsSubstring("/nonexistent/x.ttl") && ContainsSubstring("no such file"));
    CHECK_THROWS_WITH(readFile(".", data), ContainsSubstring("is a directory"));
}

TEST_CASE("TriG and N-Quads keep their named graphs", "[reader]")
{
    Dataset trig;
    readString("@prefix ex: <http://e/> .\nex:g { ex:a ex:b ex:c . }\nex:a ex:b ex:d .", Format::TriG, trig);
    CHECK(trig.size() == 2);
    CHECK_FALSE(trig.isGraph());
    Dataset nquads;
    readString("<http://e/a> <http://e/b> <http://e/c> <http://e/g> .\n", Format::NQuads, nquads);
    REQUIRE(nquads.size() == 1);
    CHECK(nquads.dictionary().term(nquads.quads()[0].g).value == "http://e/g");
}

TEST_CASE("RDF/XML reads through raptor2 without touching the network", "[reader]")
{
    Dataset data;
    readString(R"(<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY ext SYSTEM "http://127.0.0.1:9/never"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">
  <rdf:Description rdf:about="http://e/a"><ex:p>&ext;</ex:p><ex:q rdf:resource="rel"/></rdf:Description>
</rdf:RDF>)",
        Format::RdfXml, data, "http://e/base/doc");
    const auto all = lines(data);
    CHECK(std::find(all.begin(), all.end(), "<http://e/a> <http://e/q> <http://e/base/rel> .") != all.end());
    for (const auto& line : all)
        CHECK_THAT(line, !ContainsSubstring("never"));
}
