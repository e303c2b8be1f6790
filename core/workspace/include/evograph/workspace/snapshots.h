#pragma once
// Snapshots of the whole workspace state: each graph's current content and the settings that are
// not secret. A snapshot stores only its manifest (the contents are already in the store, by
// hash), so taking one costs the same whatever the graphs' size.
//
// The manifest is JSON; its SHA-256 is kept beside it and the snapshot's id is the first 16 hex
// digits of that hash. Ids may be abbreviated to any unique prefix of 4 or more digits.

#include "evograph/workspace/workspace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace evograph::workspace {

struct SnapshotGraph {
    std::string name;
    std::string content; // hash
    std::int64_t version = 0; // the graph's version sequence number when it was taken
    std::string label;
    std::uint64_t triples = 0;
    std::vector<std::pair<std::string, std::string>> prefixes;
    std::vector<std::string> ontologyVersions;
};

struct SnapshotManifest {
    std::string id;
    std::string createdAt, user, name;
    std::vector<std::string> tags;
    std::vector<SnapshotGraph> graphs;
    std::map<std::string, std::string> settings;
    std::string state; // the WorkspaceState hash it captured
    std::int64_t auditSeq = 0; // the last audit record before it
    std::string auditHash;

    std::uint64_t triples() const;
};

struct SnapshotSummary {
    SnapshotManifest manifest;
    std::uint64_t storedBytes = 0; // contents it reads through, each counted once
    std::optional<std::string> verifiedAt, verifiedMode; // "quick" or "full"
};

// Takes a snapshot of the current state; returns its id.
std::string createSnapshot(Workspace& workspace, const std::string& name, const std::vector<std::string>& tags = {});

std::vector<SnapshotSummary> listSnapshots(Workspace& workspace); // oldest first
SnapshotSummary snapshotInfo(Workspace& workspace, const std::string& idOrPrefix);
// The full id for an abbreviation; throws when none or several match.
std::string resolveSnapshotId(Workspace& workspace, const std::string& idOrPrefix);

struct VerifyReport {
    std::string id;
    bool full = false;
    std::vector<std::string> problems; // each names what is wrong
    bool ok() const { return problems.empty(); }
};
// Quick: the manifest against its hash, and every content it names present with its chain. Full:
// also re-hashes every graph (stored bytes, then the canonical content). Records when it ran.
VerifyReport verifySnapshot(
    Workspace& workspace, const std::string& idOrPrefix, bool full, const Progress& progress = {});

// How the graphs of one state differ from another's, through the diff engine.
struct GraphChange {
    enum class Status { Unchanged, Changed, Created, Removed };
    std::string graph;
    Status status = Status::Unchanged;
    std::uint64_t added = 0, removed = 0;
    std::vector<std::string> addedStatements, removedStatements; // N-Quads, sorted; when asked for
};
struct StateDiff {
    std::vector<GraphChange> graphs; // by name
    std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> settings; // from, to
    bool empty() const;
};
// Snapshot `from` against snapshot `to`, or against the current state when `to` is empty.
StateDiff diffSnapshots(Workspace& workspace, const std::string& from, const std::string& to, bool statements,
    const Progress& progress = {});
// What restoring the snapshot would change: the current state against it.
StateDiff planRestore(Workspace& workspace, const std::string& idOrPrefix, const Progress& progress = {});

struct RestoreResult {
    std::string snapshot, backup; // backup: the snapshot of the state restored over
    std::size_t graphsChanged = 0;
};
// Takes and verifies a backup snapshot of the current state, then switches every graph (and the
// settings) to the snapshot's in the same transaction: each changed graph gets a new version
// with the snapshot's content, graphs it does not have lose their current version.
RestoreResult restoreSnapshot(Workspace& workspace, const std::string& idOrPrefix, const Progress& progress = {});

// Deletes a snapshot and the contents nothing reads any more.
void deleteSnapshot(Workspace& workspace, const std::string& idOrPrefix);

struct RetentionPolicy {
    unsigned keepLast = 0, keepDaily = 0, keepWeekly = 0;
    bool keepsAnything() const { return keepLast + keepDaily + keepWeekly > 0; }
};
struct PruneDecision {
    std::string id, createdAt, name;
    std::vector<std::string> reasons; // why it is kept ("last 3", "daily 2026-11-23", ...); empty: removed
    bool kept() const { return !reasons.empty(); }
};
// Which snapshots the policy keeps (restic's rules: the newest N; the newest of each of the last N
// days / ISO weeks that have snapshots). Newest first. Pure: no workspace needed.
std::vector<PruneDecision> applyRetention(const std::vector<SnapshotSummary>& snapshots, const RetentionPolicy& policy);
// Applies the policy (unless dryRun) and returns the decisions.
std::vector<PruneDecision> pruneSnapshots(Workspace& workspace, const RetentionPolicy& policy, bool dryRun);

// A single portable file: the manifest and each graph's canonical N-Quads (zstd), closed by the
// SHA-256 of everything before it. Written atomically.
void exportSnapshot(
    Workspace& workspace, const std::string& idOrPrefix, const std::string& file, const Progress& progress = {});
// Checks an exported file completely (envelope hash, manifest hash, every graph's hash and
// triple count); returns what is wrong, nothing when it is sound.
VerifyReport verifySnapshotFile(const std::string& file, const Progress& progress = {});
// Verifies the file first and writes nothing unless it is sound. Returns the snapshot's id.
std::string importSnapshot(Workspace& workspace, const std::string& file, const Progress& progress = {});

} // namespace evograph::workspace
