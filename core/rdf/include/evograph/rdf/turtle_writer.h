#pragma once
// Readable Turtle: the dataset's prefixes, statements grouped by subject and predicate, blank
// nodes used once written inline as [ ... ], RDF lists as ( ... ), numbers and booleans bare.
// A dataset with named graphs is written as TriG (GRAPH <g> { ... } blocks).

#include "evograph/rdf/dataset.h"

#include <ostream>

namespace evograph::rdf {

// Requires a finalized dataset.
void writeTurtle(const Dataset& dataset, std::ostream& out);

} // namespace evograph::rdf
