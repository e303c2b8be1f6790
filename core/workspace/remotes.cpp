#include "evograph/workspace/remotes.h"

#include "evograph/error.h"
#include "workspace_impl.h"

#include <nlohmann/json.hpp>

namespace evograph::workspace {

namespace {
constexpr const char* kBindingColumns = "graph, endpoint, update_endpoint, gsp, graph_iri, user, password_env, "
                                        "known_content, known_version, known_value_hash, bound_at";
constexpr const char* kPushColumns = "id, graph, base_content, target_content, target_version, batch_size, batches, "
                                     "batches_sent, status, started_at";

RemoteBinding bindingAt(const sql::Statement& row)
{
    return {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6), row.text(7),
        row.integer(8), row.text(9), row.text(10)};
}

RemotePush pushAt(const sql::Statement& row)
{
    return {row.integer(0), row.text(1), row.text(2), row.text(3), row.integer(4),
        static_cast<std::size_t>(row.integer(5)), static_cast<std::size_t>(row.integer(6)),
        static_cast<std::size_t>(row.integer(7)), row.text(8), row.text(9)};
}

// Runs `change` in one transaction with its audit record.
template <typename Change>
void audited(Workspace& workspace, const std::string& operation, const std::string& target,
    const nlohmann::json& details, Change change)
{
    Workspace::Impl& ws = workspace.impl();
    sql::Transaction transaction(ws.db);
    const std::string before = workspace.state().hash();
    change(ws.db);
    appendAudit(ws, {operation, target, before, workspace.state().hash(), details.dump()});
    transaction.commit();
}
} // namespace

void addRemote(Workspace& workspace, const RemoteBinding& b)
{
    workspace.impl().requireWrite("binding a remote store");
    if (findRemote(workspace, b.graph))
        throw Error("graph '" + b.graph + "' is already bound to a remote store (remote remove it first)");
    const nlohmann::json details = {{"endpoint", b.endpoint}, {"update_endpoint", b.updateEndpoint}, {"gsp", b.gsp},
        {"graph_iri", b.graphIri}, {"user", b.user}, {"password_env", b.passwordEnv}};
    audited(workspace, "remote.add", b.graph, details, [&](sql::Connection& db) {
        sql::Statement(db, std::string("INSERT INTO remotes(") + kBindingColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")
            .bind(b.graph)
            .bind(b.endpoint)
            .bind(b.updateEndpoint)
            .bind(b.gsp)
            .bind(b.graphIri)
            .bind(b.user)
            .bind(b.passwordEnv)
            .bind(b.knownContent)
            .bind(b.knownVersion)
            .bind(b.knownValueHash)
            .bind(utcNow())
            .run();
    });
}

void removeRemote(Workspace& workspace, const std::string& graph)
{
    workspace.impl().requireWrite("removing a remote binding");
    requireRemote(workspace, graph);
    audited(workspace, "remote.remove", graph, nlohmann::json::object(),
        [&](sql::Connection& db) { sql::Statement(db, "DELETE FROM remotes WHERE graph = ?").bind(graph).run(); });
}

std::vector<RemoteBinding> remotes(Workspace& workspace)
{
    sql::Statement rows(workspace.impl().db, std::string("SELECT ") + kBindingColumns + " FROM remotes ORDER BY graph");
    std::vector<RemoteBinding> out;
    while (rows.step())
        out.push_back(bindingAt(rows));
    return out;
}

std::optional<RemoteBinding> findRemote(Workspace& workspace, const std::string& graph)
{
    sql::Statement row(workspace.impl().db, std::string("SELECT ") + kBindingColumns + " FROM remotes WHERE graph = ?");
    row.bind(graph);
    if (!row.step())
        return std::nullopt;
    return bindingAt(row);
}

RemoteBinding requireRemote(Workspace& workspace, const std::string& graph)
{
    if (auto binding = findRemote(workspace, graph))
        return *binding;
    std::string bound;
    for (const RemoteBinding& b : remotes(workspace))
        bound += (bound.empty() ? "" : ", ") + b.graph;
    throw Error("graph '" + graph + "' is not bound to a remote store ("
        + (bound.empty() ? "none is; evograph remote add binds one" : "bound: " + bound) + ")");
}

namespace {
void updateKnown(sql::Connection& db, const std::string& graph, const std::string& content, std::int64_t version,
    const std::string& valueHash)
{
    sql::Statement(db, "UPDATE remotes SET known_content = ?, known_version = ?, known_value_hash = ? WHERE graph = ?")
        .bind(content)
        .bind(version)
        .bind(valueHash)
        .bind(graph)
        .run();
}
} // namespace

void recordRemoteState(Workspace& workspace, const std::string& graph, const std::string& content, std::int64_t version,
    const std::string& valueHash)
{
    workspace.impl().requireWrite("recording a remote store's state");
    const nlohmann::json details = {{"content", content}, {"version", version}, {"value_hash", valueHash}};
    audited(workspace, "remote.state", graph, details,
        [&](sql::Connection& db) { updateKnown(db, graph, content, version, valueHash); });
}

RemotePush beginPush(Workspace& workspace, RemotePush push)
{
    workspace.impl().requireWrite("pushing to a remote store");
    push.status = "running";
    push.startedAt = utcNow();
    const nlohmann::json details = {{"base", push.baseContent}, {"target", push.targetContent},
        {"version", push.targetVersion}, {"batches", push.batches}, {"batch_size", push.batchSize}};
    audited(workspace, "remote.push.start", push.graph, details, [&](sql::Connection& db) {
        sql::Statement(db,
            "INSERT INTO remote_pushes(graph, base_content, target_content, target_version, batch_size, batches, "
            "batches_sent, status, started_at) VALUES (?,?,?,?,?,?,0,?,?)")
            .bind(push.graph)
            .bind(push.baseContent)
            .bind(push.targetContent)
            .bind(push.targetVersion)
            .bind(static_cast<std::int64_t>(push.batchSize))
            .bind(static_cast<std::int64_t>(push.batches))
            .bind(push.status)
            .bind(push.startedAt)
            .run();
        push.id = sql::queryInteger(db, "SELECT last_insert_rowid()").value_or(0);
    });
    return push;
}

void recordBatchesSent(Workspace& workspace, std::int64_t push, std::size_t sent)
{
    // Not audited one by one: the push's start and end are; this is the resume point only.
    sql::Statement(workspace.impl().db, "UPDATE remote_pushes SET batches_sent = ? WHERE id = ?")
        .bind(static_cast<std::int64_t>(sent))
        .bind(push)
        .run();
}

void finishPush(Workspace& workspace, const RemotePush& push, const std::string& status, const std::string& detail,
    const std::string& valueHash)
{
    const nlohmann::json details = {{"push", push.id}, {"status", status}, {"target", push.targetContent},
        {"version", push.targetVersion}, {"batches", push.batches}, {"detail", detail}};
    audited(workspace, "remote.push", push.graph, details, [&](sql::Connection& db) {
        sql::Statement(db, "UPDATE remote_pushes SET status = ?, finished_at = ? WHERE id = ?")
            .bind(status)
            .bind(utcNow())
            .bind(push.id)
            .run();
        if (status == "done")
            updateKnown(db, push.graph, push.targetContent, push.targetVersion, valueHash);
    });
}

std::optional<RemotePush> lastPush(Workspace& workspace, const std::string& graph)
{
    sql::Statement row(workspace.impl().db,
        std::string("SELECT ") + kPushColumns + " FROM remote_pushes WHERE graph = ? ORDER BY id DESC LIMIT 1");
    row.bind(graph);
    if (!row.step())
        return std::nullopt;
    return pushAt(row);
}

std::optional<RemotePush> unfinishedPush(Workspace& workspace, const std::string& graph)
{
    auto last = lastPush(workspace, graph);
    if (last && last->status == "running")
        return last;
    return std::nullopt;
}

} // namespace evograph::workspace
