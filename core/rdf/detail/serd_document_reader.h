#pragma once
// Turtle, TriG, N-Triples and N-Quads through Serd (the 0.30/0.32 API).

#include "evograph/rdf/reader.h"

#include "byte_source.h"

namespace evograph::rdf::detail {

// Reads the whole source into `into` (not finalized), and the blank node labels when asked. Throws Error with
// FILE:LINE:COL.
std::uint64_t readWithSerd(ByteSource& source, Format format, Dataset& into, const std::string& baseIri,
    const engine::CancellationToken& cancel, const engine::ProgressCallback& progress, BlankLabels* blankLabels);

} // namespace evograph::rdf::detail
