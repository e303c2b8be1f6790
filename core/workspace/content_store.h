#pragma once
// Graph contents in the workspace file, addressed by their canonical hash (see workspace.h).

#include "evograph/workspace/sqlite.h"
#include "evograph/workspace/workspace.h"

#include <optional>
#include <set>
#include <string>

namespace evograph::workspace {

// A dataset's RDFC-1.0 canonical N-Quads and their SHA-256: the content's address.
struct CanonicalContent {
    std::string nquads;
    std::string hash;
};
CanonicalContent canonicalContent(const rdf::Dataset& data, const engine::CancellationToken& cancel);

bool hasContent(sql::Connection& db, const std::string& hash);

// Stores `content` (of `data`, finalized) unless it is already there. When `delta` is given,
// `delta->base` is the stored content of the previous version read into data's dictionary, and
// `delta->patch` the RDF Patch from it to `data`: the patch is stored instead of the whole
// content when it is much smaller, the chain is short enough, and applying it reproduces the
// content's hash (checked here, so a stored delta always reads back right).
struct DeltaCandidate {
    std::string baseHash;
    rdf::Dataset base;
    std::string patch;
};
void storeContent(sql::Connection& db, const rdf::Dataset& data, const CanonicalContent& content,
    std::optional<DeltaCandidate> delta, const Progress& progress);

// Reads a stored content (whole, or its base with the patches on top) into `into`.
void loadContent(sql::Connection& db, const std::string& hash, rdf::Dataset& into, const Progress& progress);

// Checks a content and the chain it reads through. Quick: the rows exist and link up. Full: also
// every stored blob against its hash, and the content re-canonicalized against its address.
// Returns what is wrong, or nothing. `verified` remembers contents already checked in full.
std::optional<std::string> verifyContent(
    sql::Connection& db, const std::string& hash, bool full, const Progress& progress, std::set<std::string>& verified);

// Removes contents that no version and no snapshot reads any more. Returns how many.
std::size_t collectGarbage(sql::Connection& db);

// Stored bytes of the contents these graphs read through (each counted once).
std::uint64_t storedBytes(sql::Connection& db, const std::string& snapshotId);

} // namespace evograph::workspace
