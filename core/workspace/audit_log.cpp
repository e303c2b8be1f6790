#include "evograph/workspace/audit.h"

#include "evograph/engine/digest.h"
#include "workspace_impl.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace evograph::workspace {

namespace {
constexpr const char* kAuditColumns
    = "seq, at, user, operation, target, before_state, after_state, details, prev_hash, hash";

AuditRecord recordAt(const sql::Statement& row)
{
    return {row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6), row.text(7),
        row.text(8), row.text(9)};
}

// The hash covers every field but itself, as a JSON array so that no field can bleed into the next.
std::string chainHash(const AuditRecord& r)
{
    const nlohmann::json fields
        = {r.seq, r.at, r.user, r.operation, r.target, r.beforeState, r.afterState, r.details, r.prevHash};
    return engine::hexDigest(engine::HashAlgorithm::Sha256, fields.dump());
}
} // namespace

std::pair<std::int64_t, std::string> auditHead(sql::Connection& db)
{
    sql::Statement row(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (!row.step())
        return {0, ""};
    return {row.integer(0), row.text(1)};
}

void appendAudit(Workspace::Impl& ws, const AuditEntry& entry)
{
    const auto [lastSeq, lastHash] = auditHead(ws.db);
    AuditRecord r {lastSeq + 1, utcNow(), ws.user, entry.operation, entry.target, entry.beforeState, entry.afterState,
        entry.details, lastHash, {}};
    r.hash = chainHash(r);
    sql::Statement(ws.db, std::string("INSERT INTO audit(") + kAuditColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(r.seq)
        .bind(r.at)
        .bind(r.user)
        .bind(r.operation)
        .bind(r.target)
        .bind(r.beforeState)
        .bind(r.afterState)
        .bind(r.details)
        .bind(r.prevHash)
        .bind(r.hash)
        .run();
    sql::Statement(ws.db,
        "INSERT INTO meta(key, value) VALUES ('audit_head', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(std::to_string(r.seq) + " " + r.hash)
        .run();
}

std::vector<AuditRecord> auditRecords(Workspace& workspace)
{
    sql::Statement rows(workspace.impl().db, std::string("SELECT ") + kAuditColumns + " FROM audit ORDER BY seq");
    std::vector<AuditRecord> records;
    while (rows.step())
        records.push_back(recordAt(rows));
    return records;
}

AuditVerification verifyAudit(Workspace& workspace)
{
    sql::Connection& db = workspace.impl().db;
    AuditVerification result;
    const std::vector<AuditRecord> records = auditRecords(workspace);
    result.records = records.size();
    std::string previous;
    std::int64_t expectedSeq = 1;
    std::map<std::int64_t, std::string> hashes;
    std::set<std::string> imported; // snapshots from other workspaces name those workspaces' records
    for (const AuditRecord& r : records) {
        if (r.operation == "snapshot.import")
            imported.insert(r.target);
        const std::string name = "record " + std::to_string(r.seq);
        if (r.seq != expectedSeq)
            result.problems.push_back(
                name + ": follows record " + std::to_string(expectedSeq - 1) + "; records in between were deleted");
        if (r.prevHash != previous)
            result.problems.push_back(name + ": does not link to the record before it");
        if (chainHash(r) != r.hash)
            result.problems.push_back(name + " (" + r.operation + " at " + r.at + "): its content was changed");
        hashes[r.seq] = r.hash;
        previous = r.hash;
        expectedSeq = r.seq + 1;
    }
    const std::string head = sql::queryText(db, "SELECT value FROM meta WHERE key = 'audit_head'").value_or("");
    const std::string last = records.empty() ? "" : std::to_string(records.back().seq) + " " + records.back().hash;
    if (head != last)
        result.problems.push_back("the log ends at "
            + (last.empty() ? "nothing" : "record " + last.substr(0, last.find(' '))) + " but the workspace recorded "
            + (head.empty() ? "none" : "record " + head.substr(0, head.find(' ')))
            + " as the last: records at the end were deleted or added outside evograph");
    // Each snapshot names the last record it saw; that record must still be there, unchanged.
    sql::Statement anchors(db, "SELECT id, manifest FROM snapshots");
    while (anchors.step()) {
        const nlohmann::json manifest = nlohmann::json::parse(anchors.text(1), nullptr, false);
        if (manifest.is_discarded() || !manifest.contains("audit_head") || imported.contains(anchors.text(0)))
            continue;
        const std::int64_t seq = manifest["audit_head"].value("seq", std::int64_t {0});
        const std::string hash = manifest["audit_head"].value("hash", std::string());
        if (seq > 0 && (!hashes.contains(seq) || hashes[seq] != hash))
            result.problems.push_back("snapshot " + anchors.text(0) + " saw record " + std::to_string(seq)
                + " with another hash: the log was rewritten after it");
    }
    return result;
}

} // namespace evograph::workspace
