#pragma once
// RDF Dataset Canonicalization (W3C RDFC-1.0): gives every blank node of a dataset a canonical
// label (c14n0, c14n1, ...) that depends only on the dataset's content, and the canonical
// N-Quads document. Isomorphic datasets get byte-identical documents.
//
// Some graphs (cliques and other "poison" graphs) need factorially many steps; the work limit
// bounds them, and exceeding it throws evograph::Error instead of running for ever.

#include "evograph/engine/cancellation.h"
#include "evograph/engine/digest.h"
#include "evograph/rdf/dataset.h"
#include "evograph/rdf/ntriples_writer.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace evograph::canon {

struct CanonOptions {
    engine::HashAlgorithm hash = engine::HashAlgorithm::Sha256;
    // Steps of the N-degree hashing (permutations tried and recursive calls) before giving up.
    std::uint64_t workLimit = 200'000;
    engine::CancellationToken cancel;
};

struct Canonicalization {
    rdf::BlankNames labels; // each blank node's canonical label, without "_:"
    std::string nquads; // the canonical N-Quads document: sorted lines, each ending in "\n"
};

Canonicalization canonicalize(const rdf::Dataset& dataset, const CanonOptions& options = {});

} // namespace evograph::canon
