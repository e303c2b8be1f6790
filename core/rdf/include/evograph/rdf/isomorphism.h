#pragma once
// Dataset isomorphism (RDF 1.1 Concepts §3.6): equal up to a bijection between blank nodes.
// Blank nodes get colours from their surroundings, refined by their neighbours' colours until
// stable; ties left (symmetric structures) are broken by trying candidate pairs with backtracking.

#include "evograph/rdf/dataset.h"

#include <cstdint>

namespace evograph::rdf {

// The two datasets may use different dictionaries. Throws Error if the tie-breaking search
// exceeds `workLimit` steps (a pathological, highly symmetric input).
bool isIsomorphic(const Dataset& a, const Dataset& b, std::uint64_t workLimit = 1'000'000);

} // namespace evograph::rdf
