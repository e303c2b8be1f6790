#pragma once
// The snapshot manifest as stored and exported: canonical JSON text (sorted keys, no spaces),
// whose SHA-256 is the snapshot's address.

#include "evograph/workspace/snapshots.h"
#include "evograph/workspace/sqlite.h"

#include <string>

namespace evograph::workspace {

std::string manifestText(const SnapshotManifest& manifest); // without the id
// Parses a manifest; `id` is set from `hash`. Throws evograph::Error naming `what` and the field.
SnapshotManifest parseManifest(const std::string& text, const std::string& hash, const std::string& what);
std::string snapshotIdOf(const std::string& manifestHash);

// A graph as a snapshot records it.
SnapshotGraph snapshotGraphOf(const GraphVersion& version);

// Reads a stored snapshot's manifest. With `check`, first compares the manifest with its hash
// and the id, throwing when they disagree.
SnapshotManifest storedManifest(sql::Connection& db, const std::string& id, bool check);

// Stores a snapshot's rows (the manifest as `text` with its `hash`, and the graphs it names).
void storeSnapshotRows(
    sql::Connection& db, const SnapshotManifest& manifest, const std::string& text, const std::string& hash);

// Inserts a snapshot of `state` with its audit record, inside the caller's transaction. Returns its id.
std::string insertSnapshot(
    Workspace& workspace, const WorkspaceState& state, const std::string& name, const std::vector<std::string>& tags);

// What is wrong with a stored snapshot (see verifySnapshot); empty when it is sound.
std::vector<std::string> snapshotProblems(
    sql::Connection& db, const std::string& id, bool full, const Progress& progress);

} // namespace evograph::workspace
