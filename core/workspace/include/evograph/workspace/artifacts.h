#pragma once
// Files derived from a graph version (a vector index of its terms, ...) kept in the workspace
// beside the version they were built from, so that a later session finds them again and knows
// whether they still fit the graph's current version. The bytes are opaque here (the vector
// module reads and checks its own files), stored zstd-compressed with their SHA-256 checked on
// every read; storing one is one transaction with its audit record ("artifact.store").
#include "evograph/workspace/workspace.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evograph::workspace {

struct Artifact {
    std::string graph;
    std::int64_t versionSeq = 0; // 1, 2, ... within the graph
    std::string name; // "vectors", "vectors.hnsw", ...
    std::uint64_t size = 0; // uncompressed bytes
    std::string hash; // SHA-256 of the bytes
    std::string createdAt, user;
};

// `version` as for Workspace::findVersion (empty: the current one). Replaces an artifact of the
// same name for that version.
Artifact storeArtifact(Workspace& workspace, const std::string& graph, const std::string& version,
    const std::string& name, std::string_view bytes);
// nullopt when there is none; throws evograph::Error when the stored bytes fail their checksum.
std::optional<std::string> loadArtifact(
    Workspace& workspace, const std::string& graph, const std::string& version, const std::string& name);
std::vector<Artifact> listArtifacts(Workspace& workspace, const std::string& graph = {});

} // namespace evograph::workspace
