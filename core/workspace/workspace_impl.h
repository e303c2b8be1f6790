#pragma once
// What the workspace's source files share: the open connection, the writer's lock, and the
// helpers every mutating operation uses (time stamps, the audit record in its transaction).

#include "content_store.h"
#include "evograph/engine/time_stamp.h"
#include "evograph/workspace/sqlite.h"
#include "evograph/workspace/workspace.h"
#include "workspace_lock.h"

#include <map>
#include <optional>
#include <string>

namespace evograph::workspace {

struct Workspace::Impl {
    std::string path;
    std::optional<WorkspaceLock> lock; // declared before db: the file closes before the lock goes
    sql::Connection db;
    std::string user;

    Impl(const std::string& path, const OpenOptions& options, sql::OpenMode mode);
    // Throws unless the workspace was opened for writing.
    void requireWrite(const std::string& operation) const;
};

// The hash of a state given as graph name -> content hash and the settings (WorkspaceState::hash).
std::string stateHash(
    const std::map<std::string, std::string>& contents, const std::map<std::string, std::string>& settings);

// "2026-11-23T10:15:02.123Z"
using engine::utcNow;

// Appends an audit record inside the caller's transaction (audit_log.cpp).
struct AuditEntry {
    std::string operation; // "graph.import", "snapshot.create", ...
    std::string target;
    std::string beforeState, afterState; // WorkspaceState hashes
    std::string details; // a JSON object
};
void appendAudit(Workspace::Impl& ws, const AuditEntry& entry);
// The last record's sequence number and hash ("", 0 before the first).
std::pair<std::int64_t, std::string> auditHead(sql::Connection& db);

// The version row at the cursor of "SELECT <kVersionColumns> FROM versions v ...".
inline constexpr const char* kVersionColumns
    = "v.id, v.graph, v.seq, v.label, v.content, v.triples, v.added, v.removed, v.prefixes, v.ontology_versions, "
      "v.source, v.created_at, v.user, (SELECT head FROM graphs g WHERE g.name = v.graph) = v.id, "
      "(SELECT encoding = 'patch' FROM contents c WHERE c.hash = v.content), "
      "(SELECT length(data) FROM contents c WHERE c.hash = v.content)";
GraphVersion versionAt(const sql::Statement& row);

// The sequence number the graph's next version gets (1 for a new graph).
std::int64_t nextVersionSeq(sql::Connection& db, const std::string& graph);
bool hasVersionLabel(sql::Connection& db, const std::string& graph, const std::string& label);
// Stores `version` (graph, seq, label, content, triples, added, removed, prefixes, ontology
// versions, source) as made now by the workspace's user, creating the graph, and makes it the
// graph's current version; inside the caller's transaction. Returns the version as stored.
GraphVersion appendVersion(Workspace::Impl& ws, const GraphVersion& version);

// A graph's next version, prepared outside the transaction that stores it: its canonical
// content and, against the current version, the counts and the patch a delta would store.
struct PreparedVersion {
    std::string graph;
    const rdf::Dataset* data = nullptr; // triples, finalized; outlives the PreparedVersion
    CanonicalContent content;
    std::optional<GraphVersion> current;
    std::optional<DeltaCandidate> delta;
    std::optional<std::uint64_t> added, removed;
    bool changes() const { return !current || current->content != content.hash; }
};
PreparedVersion prepareVersion(
    Workspace::Impl& ws, const std::string& graph, const rdf::Dataset& data, const Progress& progress);
// Stores the prepared content and makes it the graph's current version, inside the caller's
// transaction (label: "v<seq>" when empty).
GraphVersion commitVersion(Workspace::Impl& ws, PreparedVersion prepared, const std::string& label,
    const std::string& source, const Progress& progress);

} // namespace evograph::workspace
