#pragma once
// Writing a dataset in a format chosen at run time: Turtle, TriG, N-Triples or N-Quads.

#include "evograph/rdf/dataset.h"
#include "evograph/rdf/format.h"

#include <ostream>

namespace evograph::rdf {

// N-Triples for a graph, N-Quads for a dataset with named graphs.
Format defaultOutputFormat(const Dataset& dataset);

// Throws evograph::Error for a format evograph does not write (RDF/XML).
void writeDataset(const Dataset& dataset, Format format, std::ostream& out);

} // namespace evograph::rdf
