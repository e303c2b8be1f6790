#include "evograph/workspace/migration_journal.h"

#include "evograph/error.h"
#include "workspace_impl.h"

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

namespace evograph::workspace {

namespace {
constexpr const char* kOperationColumns
    = "id, correlation_id, kind, status, plan_hash, plan_name, plan_text, pre_snapshot, before_state, after_state, "
      "started_at, finished_at, user, steps, graphs, rolls_back, approval, error";

// The journal's graphs column; the audit record gets the same without the patches.
nlohmann::json graphsJson(const std::vector<JournalGraph>& graphs, bool withPatches)
{
    nlohmann::json out = nlohmann::json::array();
    for (const JournalGraph& g : graphs) {
        nlohmann::json graph = {
            {"graph", g.graph}, {"before", g.before}, {"after", g.after}, {"added", g.added}, {"removed", g.removed}};
        if (withPatches)
            graph["inverse_patch"] = g.inversePatch;
        out.push_back(std::move(graph));
    }
    return out;
}

JournalOperation operationAt(const sql::Statement& row)
{
    JournalOperation op;
    op.id = row.text(0);
    op.correlationId = row.text(1);
    op.kind = row.text(2);
    op.status = row.text(3);
    op.planHash = row.text(4);
    op.planName = row.text(5);
    op.planText = row.text(6);
    op.preSnapshot = row.text(7);
    op.beforeState = row.text(8);
    op.afterState = row.text(9);
    op.startedAt = row.text(10);
    op.finishedAt = row.text(11);
    op.user = row.text(12);
    op.steps = row.text(13);
    for (const auto& g : nlohmann::json::parse(row.text(14)))
        op.graphs.push_back(
            {g.at("graph"), g.at("before"), g.at("after"), g.at("added"), g.at("removed"), g.at("inverse_patch")});
    if (!row.isNull(15))
        op.rollsBack = row.text(15);
    op.approval = row.text(16);
    op.error = row.text(17);
    return op;
}

void insertOperation(Workspace::Impl& ws, const JournalOperation& op)
{
    sql::Statement(ws.db,
        std::string("INSERT INTO operations(") + kOperationColumns
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(op.id)
        .bind(op.correlationId)
        .bind(op.kind)
        .bind(op.status)
        .bind(op.planHash)
        .bind(op.planName)
        .bind(op.planText)
        .bind(op.preSnapshot)
        .bind(op.beforeState)
        .bind(op.afterState)
        .bind(op.startedAt)
        .bind(op.finishedAt)
        .bind(op.user)
        .bind(op.steps)
        .bind(graphsJson(op.graphs, true).dump())
        .bind(op.rollsBack)
        .bind(op.approval)
        .bind(op.error)
        .run();
}

// What the audit record of an operation says (its patches stay in the journal).
std::string auditDetails(const JournalOperation& op)
{
    nlohmann::json details = {{"operation", op.id}, {"correlation_id", op.correlationId}, {"plan_hash", op.planHash},
        {"plan", op.planName}, {"pre_snapshot", op.preSnapshot}, {"steps", nlohmann::json::parse(op.steps)},
        {"graphs", graphsJson(op.graphs, false)}};
    if (op.rollsBack)
        details["rolls_back"] = *op.rollsBack;
    if (!op.approval.empty())
        details["approval"] = op.approval;
    if (!op.error.empty())
        details["error"] = op.error;
    return details.dump();
}
} // namespace

std::string newOperationId()
{
    unsigned char bytes[6];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw Error("cannot draw a random operation id");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id = "op-";
    for (const unsigned char b : bytes)
        id += kHex[b >> 4], id += kHex[b & 15];
    return id;
}

std::string journalTime()
{
    return utcNow();
}

Approval recordApproval(Workspace& workspace, Approval approval)
{
    Workspace::Impl& ws = workspace.impl();
    ws.requireWrite("recording an approval");
    if (approval.decision != "approve" && approval.decision != "reject")
        throw Error("a decision is 'approve' or 'reject', not '" + approval.decision + "'");
    if (approval.reviewer.empty())
        throw Error("an approval needs the reviewer's name (--as NAME)");
    approval.recordedBy = ws.user;
    approval.at = utcNow();
    sql::Transaction transaction(ws.db);
    const std::string state = workspace.state().hash();
    sql::Statement(ws.db,
        "INSERT INTO approvals(plan_hash, plan_name, decision, reviewer, recorded_by, comment, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(approval.planHash)
        .bind(approval.planName)
        .bind(approval.decision)
        .bind(approval.reviewer)
        .bind(approval.recordedBy)
        .bind(approval.comment)
        .bind(approval.at)
        .run();
    approval.id = ws.db.lastInsertId();
    const nlohmann::json details = {{"plan_hash", approval.planHash}, {"reviewer", approval.reviewer},
        {"recorded_by", approval.recordedBy}, {"comment", approval.comment}};
    appendAudit(ws, {"migration." + approval.decision, approval.planName, state, state, details.dump()});
    transaction.commit();
    return approval;
}

std::vector<Approval> approvals(Workspace& workspace, const std::string& planHash)
{
    sql::Statement rows(workspace.impl().db,
        "SELECT id, plan_hash, plan_name, decision, reviewer, recorded_by, comment, at FROM approvals "
        "WHERE ? = '' OR plan_hash = ? ORDER BY id");
    rows.bind(planHash).bind(planHash);
    std::vector<Approval> out;
    while (rows.step())
        out.push_back({rows.integer(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5),
            rows.text(6), rows.text(7)});
    return out;
}

JournalOperation commitOperation(
    Workspace& workspace, JournalOperation op, const std::vector<GraphContent>& contents, const Progress& progress)
{
    Workspace::Impl& ws = workspace.impl();
    ws.requireWrite("a migration");
    std::vector<PreparedVersion> prepared;
    for (const GraphContent& c : contents) {
        prepared.push_back(prepareVersion(ws, c.graph, *c.data, progress));
        if (c.expected && prepared.back().content.hash != *c.expected)
            throw Error("graph '" + c.graph + "' would get the content " + prepared.back().content.hash.substr(0, 12)
                + ", not the expected " + c.expected->substr(0, 12) + "; nothing was written");
    }

    sql::Transaction transaction(ws.db);
    if (workspace.state().hash() != op.beforeState)
        throw Error("the workspace changed while the migration ran; nothing was written");
    const std::string label = (op.kind == "apply" ? "migrated " : "rolled back ") + op.id;
    for (PreparedVersion& p : prepared) {
        for (JournalGraph& g : op.graphs)
            if (g.graph == p.graph)
                g.after = p.content.hash;
        if (p.changes())
            commitVersion(ws, std::move(p), label, op.kind + " " + op.planName, progress);
    }
    op.afterState = workspace.state().hash();
    op.finishedAt = utcNow();
    op.user = ws.user;
    insertOperation(ws, op);
    if (op.rollsBack)
        sql::Statement(ws.db, "UPDATE operations SET status = 'rolled_back' WHERE id = ?").bind(*op.rollsBack).run();
    appendAudit(ws, {"migration." + op.kind, op.planName, op.beforeState, op.afterState, auditDetails(op)});
    transaction.commit();
    return op;
}

void recordFailedOperation(Workspace& workspace, JournalOperation op)
{
    Workspace::Impl& ws = workspace.impl();
    ws.requireWrite("recording a migration");
    sql::Transaction transaction(ws.db);
    op.status = "failed";
    op.afterState = op.beforeState;
    op.finishedAt = utcNow();
    op.user = ws.user;
    op.graphs.clear();
    insertOperation(ws, op);
    appendAudit(ws, {"migration.failed", op.planName, op.beforeState, op.beforeState, auditDetails(op)});
    transaction.commit();
}

std::vector<JournalOperation> journal(Workspace& workspace)
{
    sql::Statement rows(
        workspace.impl().db, std::string("SELECT ") + kOperationColumns + " FROM operations ORDER BY rowid");
    std::vector<JournalOperation> out;
    while (rows.step())
        out.push_back(operationAt(rows));
    return out;
}

JournalOperation journalOperation(Workspace& workspace, const std::string& id)
{
    sql::Statement row(
        workspace.impl().db, std::string("SELECT ") + kOperationColumns + " FROM operations WHERE id = ?");
    row.bind(id);
    if (!row.step())
        throw Error("no migration operation '" + id + "' in " + workspace.path() + " (see evograph migrate history)");
    return operationAt(row);
}

} // namespace evograph::workspace
