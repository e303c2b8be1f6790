#pragma once
// RDF/XML through raptor2, with network access, file access and external entities turned off.

#include "evograph/rdf/reader.h"

#include "byte_source.h"

namespace evograph::rdf::detail {

// Reads the whole source into `into` (not finalized), and the blank node labels when asked. Throws Error with
// FILE:LINE:COL.
std::uint64_t readWithRaptor(ByteSource& source, Dataset& into, const std::string& baseIri,
    const engine::CancellationToken& cancel, const engine::ProgressCallback& progress, BlankLabels* blankLabels);

} // namespace evograph::rdf::detail
