#pragma once
// How much of the instance data each change touches (internal to the analysis): instances of a
// removed class, statements with a removed or renamed term, instances that lack a property that is
// now required, values outside a new range, subjects outside a new domain.
#include "evograph/analysis/change.h"
#include "evograph/analysis/ontology_index.h"

namespace evograph::analysis::detail {

// `oldIndex` is over OLD with renames applied; renamed terms are counted by their old IRI, which
// is what data written for OLD uses.
void measureImpact(std::vector<Change>& changes, const rdf::Dataset& data, const OntologyIndex& oldIndex,
    const OntologyIndex& newIndex);

} // namespace evograph::analysis::detail
