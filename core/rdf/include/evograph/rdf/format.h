#pragma once
// RDF serialisation formats and how a file's format is decided: an explicit choice, else the
// file extension, else a look at the first bytes.

#include <filesystem>
#include <optional>
#include <string_view>

namespace evograph::rdf {

enum class Format { Turtle, TriG, NTriples, NQuads, RdfXml };

// "turtle", "trig", "ntriples", "nquads", "rdfxml".
std::string_view formatName(Format format);
// Accepts the names above and common aliases (ttl, nt, nq, rdf, xml, owl, n-triples, ...).
std::optional<Format> parseFormatName(std::string_view name);
std::optional<Format> formatFromExtension(const std::filesystem::path& path);
// Decides from the start of a document; nullopt when it looks like no RDF at all.
std::optional<Format> sniffFormat(std::string_view head);
// True for formats that carry named graphs.
bool isQuadFormat(Format format);

} // namespace evograph::rdf
