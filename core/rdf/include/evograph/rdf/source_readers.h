#pragma once
// Sources of RDF that are not files, named by a scheme ("sparql:ENDPOINT#GRAPH",
// "remote:NAME"). The layer that can read one registers its reader once at start-up (the CLI
// registers both; the RDF layer itself knows no network), and readPath then reads such a source
// wherever a command takes an RDF file.

#include "evograph/rdf/reader.h"

#include <functional>
#include <string>

namespace evograph::rdf {

// Adds the source's triples to `into` and finalizes it, as readFile does for a file.
using SourceReader = std::function<ReadReport(const std::string& source, Dataset& into, const ReadOptions& options)>;

// `scheme` includes the colon: "sparql:". A later registration of the same scheme replaces it.
void registerSourceReader(const std::string& scheme, SourceReader reader);

// The reader registered for the source's scheme; null for a file path.
const SourceReader* sourceReaderFor(const std::string& source);

} // namespace evograph::rdf
