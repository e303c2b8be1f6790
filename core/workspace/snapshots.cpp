// Taking, listing, verifying and deleting snapshots. Restoring and comparing are in
// snapshot_restore.cpp, the portable file in snapshot_file.cpp, retention in retention.cpp.
#include "evograph/workspace/snapshots.h"

#include "content_store.h"
#include "evograph/engine/digest.h"
#include "evograph/error.h"
#include "snapshot_manifest.h"
#include "workspace_impl.h"

#include <nlohmann/json.hpp>

#include <set>

namespace evograph::workspace {

namespace {
// When a snapshot last passed is a convenience for `list`: recorded when the writer's lock is free
// at once (a reader never waits for it), and skipped by a file that cannot take the write.
void recordVerification(Workspace::Impl& ws, const std::string& id, bool full)
{
    try {
        std::optional<WorkspaceLock> temporary;
        if (!ws.lock)
            temporary.emplace(ws.path, std::chrono::milliseconds(0), "snapshot verify");
        sql::Statement(ws.db, "UPDATE snapshots SET verified_at = ?, verified_mode = ? WHERE id = ?")
            .bind(utcNow())
            .bind(full ? "full" : "quick")
            .bind(id)
            .run();
    } catch (const Error&) {
    }
}

SnapshotSummary summaryOf(sql::Connection& db, const std::string& id)
{
    sql::Statement row(db, "SELECT verified_at, verified_mode FROM snapshots WHERE id = ?");
    row.bind(id);
    row.step();
    return {storedManifest(db, id, false), storedBytes(db, id), row.optionalText(0), row.optionalText(1)};
}
} // namespace

std::string insertSnapshot(
    Workspace& workspace, const WorkspaceState& state, const std::string& name, const std::vector<std::string>& tags)
{
    sql::Connection& db = workspace.impl().db;
    SnapshotManifest m;
    m.createdAt = utcNow();
    m.user = workspace.user();
    m.name = name;
    m.tags = tags;
    for (const auto& [graph, version] : state.graphs)
        m.graphs.push_back(snapshotGraphOf(version));
    m.settings = state.settings;
    m.state = state.hash();
    std::tie(m.auditSeq, m.auditHash) = auditHead(db);
    const std::string text = manifestText(m);
    const std::string hash = engine::hexDigest(engine::HashAlgorithm::Sha256, text);
    m.id = snapshotIdOf(hash);
    storeSnapshotRows(db, m, text, hash);
    const nlohmann::json details = {{"name", name}, {"tags", tags}, {"graphs", m.graphs.size()}};
    appendAudit(workspace.impl(), {"snapshot.create", m.id, m.state, m.state, details.dump()});
    return m.id;
}

void storeSnapshotRows(sql::Connection& db, const SnapshotManifest& m, const std::string& text, const std::string& hash)
{
    sql::Statement(db,
        "INSERT INTO snapshots(id, created_at, user, name, tags, manifest, manifest_hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(m.id)
        .bind(m.createdAt)
        .bind(m.user)
        .bind(m.name)
        .bind(nlohmann::json(m.tags).dump())
        .bind(text)
        .bind(hash)
        .run();
    sql::Statement graph(db, "INSERT INTO snapshot_contents(snapshot, graph, content) VALUES (?, ?, ?)");
    for (const SnapshotGraph& g : m.graphs) {
        graph.bind(m.id).bind(g.name).bind(g.content).run();
        graph.reset();
    }
}

std::string createSnapshot(Workspace& workspace, const std::string& name, const std::vector<std::string>& tags)
{
    workspace.impl().requireWrite("snapshot create");
    sql::Transaction transaction(workspace.impl().db);
    const std::string id = insertSnapshot(workspace, workspace.state(), name, tags);
    transaction.commit();
    return id;
}

std::string resolveSnapshotId(Workspace& workspace, const std::string& idOrPrefix)
{
    if (idOrPrefix.size() < 4 || idOrPrefix.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw Error("'" + idOrPrefix + "' is not a snapshot id (4 to 16 hex digits; see evograph snapshot list)");
    sql::Statement rows(workspace.impl().db, "SELECT id FROM snapshots WHERE substr(id, 1, ?) = ? LIMIT 2");
    rows.bind(static_cast<std::int64_t>(idOrPrefix.size())).bind(idOrPrefix);
    if (!rows.step())
        throw Error("no snapshot " + idOrPrefix + " in " + workspace.path());
    const std::string id = rows.text(0);
    if (rows.step())
        throw Error("snapshot id " + idOrPrefix + " is ambiguous; give more digits");
    return id;
}

std::vector<SnapshotSummary> listSnapshots(Workspace& workspace)
{
    sql::Connection& db = workspace.impl().db;
    std::vector<std::string> ids;
    sql::Statement rows(db, "SELECT id FROM snapshots ORDER BY created_at, rowid");
    while (rows.step())
        ids.push_back(rows.text(0));
    std::vector<SnapshotSummary> out;
    for (const std::string& id : ids)
        out.push_back(summaryOf(db, id));
    return out;
}

SnapshotSummary snapshotInfo(Workspace& workspace, const std::string& idOrPrefix)
{
    return summaryOf(workspace.impl().db, resolveSnapshotId(workspace, idOrPrefix));
}

std::vector<std::string> snapshotProblems(
    sql::Connection& db, const std::string& id, bool full, const Progress& progress)
{
    std::vector<std::string> problems;
    SnapshotManifest m;
    try {
        m = storedManifest(db, id, true);
    } catch (const Error& e) {
        return {e.message()};
    }
    std::map<std::string, std::string> contents;
    for (const SnapshotGraph& g : m.graphs)
        contents.emplace(g.name, g.content);
    if (stateHash(contents, m.settings) != m.state)
        problems.push_back("the manifest's graphs and settings do not give its state hash");
    std::map<std::string, std::string> rows;
    sql::Statement stored(db, "SELECT graph, content FROM snapshot_contents WHERE snapshot = ?");
    stored.bind(id);
    while (stored.step())
        rows.emplace(stored.text(0), stored.text(1));
    if (rows != contents)
        problems.push_back("the graphs recorded for it differ from its manifest");
    std::set<std::string> verified;
    std::uint64_t done = 0;
    for (const SnapshotGraph& g : m.graphs) {
        progress(done++, m.graphs.size());
        if (auto problem = verifyContent(db, g.content, full, progress, verified))
            problems.push_back("graph '" + g.name + "': " + *problem);
    }
    progress(m.graphs.size(), m.graphs.size());
    return problems;
}

VerifyReport verifySnapshot(Workspace& workspace, const std::string& idOrPrefix, bool full, const Progress& progress)
{
    VerifyReport report {resolveSnapshotId(workspace, idOrPrefix), full, {}};
    sql::Connection& db = workspace.impl().db;
    report.problems = snapshotProblems(db, report.id, full, progress);
    if (report.ok())
        recordVerification(workspace.impl(), report.id, full);
    return report;
}

void deleteSnapshot(Workspace& workspace, const std::string& idOrPrefix)
{
    workspace.impl().requireWrite("snapshot delete");
    const std::string id = resolveSnapshotId(workspace, idOrPrefix);
    sql::Connection& db = workspace.impl().db;
    sql::Transaction transaction(db);
    const std::string state = workspace.state().hash();
    sql::Statement(db, "DELETE FROM snapshots WHERE id = ?").bind(id).run();
    const std::size_t freed = collectGarbage(db);
    appendAudit(
        workspace.impl(), {"snapshot.delete", id, state, state, nlohmann::json {{"contents_freed", freed}}.dump()});
    transaction.commit();
}

std::vector<PruneDecision> pruneSnapshots(Workspace& workspace, const RetentionPolicy& policy, bool dryRun)
{
    if (!policy.keepsAnything())
        throw Error("prune keeps nothing: give at least one of --keep-last, --keep-daily, --keep-weekly");
    std::vector<PruneDecision> decisions = applyRetention(listSnapshots(workspace), policy);
    if (dryRun)
        return decisions;
    workspace.impl().requireWrite("snapshot prune");
    sql::Connection& db = workspace.impl().db;
    sql::Transaction transaction(db);
    const std::string state = workspace.state().hash();
    nlohmann::json removed = nlohmann::json::array();
    sql::Statement remove(db, "DELETE FROM snapshots WHERE id = ?");
    for (const PruneDecision& d : decisions) {
        if (d.kept())
            continue;
        remove.bind(d.id).run();
        remove.reset();
        removed.push_back(d.id);
    }
    const std::size_t freed = collectGarbage(db);
    const nlohmann::json details = {{"removed", removed}, {"keep_last", policy.keepLast},
        {"keep_daily", policy.keepDaily}, {"keep_weekly", policy.keepWeekly}, {"contents_freed", freed}};
    appendAudit(workspace.impl(), {"snapshot.prune", "snapshots", state, state, details.dump()});
    transaction.commit();
    return decisions;
}

} // namespace evograph::workspace
