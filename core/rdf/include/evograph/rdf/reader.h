#pragma once
// Reading RDF documents into a Dataset: Turtle, TriG, N-Triples and N-Quads through Serd,
// RDF/XML through raptor2 (no network, no external entities). Input is streamed in chunks;
// progress is reported in bytes and the work can be cancelled between chunks.
//
// Errors throw evograph::Error positioned as FILE:LINE:COL; on error or cancellation the
// dataset may hold part of the document (read into a fresh Dataset to keep all-or-nothing).

#include "evograph/engine/cancellation.h"
#include "evograph/rdf/dataset.h"
#include "evograph/rdf/format.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace evograph::rdf {

struct ReadOptions {
    std::optional<Format> format; // unset: from the extension, else from the content
    std::string baseIri; // empty: the document's own URI (file://...)
    engine::CancellationToken cancel;
    engine::ProgressCallback progress; // bytes read, bytes in total
    bool keepBlankLabels = false; // fill ReadReport::blankLabels (RDFC-1.0 identifier maps need them)
    bool keepDocumentOrder = false; // leave the quads in document order, duplicates included (no finalize)
};

// Each blank node label as written in the document and the blank node it was read into.
using BlankLabels = std::vector<std::pair<std::string, TermId>>;

struct ReadReport {
    Format format = Format::Turtle;
    std::uint64_t bytes = 0;
    std::uint64_t statements = 0; // as read, before duplicates are removed
    double seconds = 0;
    BlankLabels blankLabels; // only with ReadOptions::keepBlankLabels; in no particular order
};

// Reads a file, adds its quads to `into` and finalizes it. Blank node labels are scoped to
// the document: reading two documents into one dataset never merges their blank nodes.
ReadReport readFile(const std::string& path, Dataset& into, const ReadOptions& options = {});

// Reads a document held in memory; `name` is used in error messages.
ReadReport readString(std::string_view text, Format format, Dataset& into, const std::string& baseIri = {},
    const std::string& name = "<string>", const ReadOptions& options = {});

} // namespace evograph::rdf
