#include "evograph/workspace/agent_records.h"

#include "workspace_impl.h"

#include <nlohmann/json.hpp>

namespace evograph::workspace {

std::optional<std::string> agentCheckpoint(Workspace& workspace, const std::string& agent)
{
    sql::Statement row(workspace.impl().db, "SELECT cursor FROM agent_checkpoints WHERE agent = ?");
    row.bind(agent);
    if (!row.step())
        return std::nullopt;
    return row.text(0);
}

void saveAgentCheckpoint(Workspace& workspace, const std::string& agent, const std::string& cursor)
{
    Workspace::Impl& ws = workspace.impl();
    ws.requireWrite("saving an agent's checkpoint");
    sql::Statement(ws.db,
        "INSERT INTO agent_checkpoints(agent, cursor, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(agent) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at")
        .bind(agent)
        .bind(cursor)
        .bind(utcNow())
        .run();
}

AgentAction recordAgentAction(Workspace& workspace, AgentAction action, const std::optional<std::string>& checkpoint)
{
    Workspace::Impl& ws = workspace.impl();
    ws.requireWrite("recording an agent's action");
    action.at = utcNow();
    sql::Transaction transaction(ws.db);
    const std::string state = workspace.state().hash(); // recording changes no graph or setting
    sql::Statement(ws.db,
        "INSERT INTO agent_actions(agent, at, action, class, target, decision, reason, details) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(action.agent)
        .bind(action.at)
        .bind(action.action)
        .bind(action.agentClass)
        .bind(action.target)
        .bind(action.decision)
        .bind(action.reason)
        .bind(action.details.empty() ? std::string("{}") : action.details)
        .run();
    action.id = ws.db.lastInsertId();
    const nlohmann::json details = {{"agent", action.agent}, {"action", action.action}, {"class", action.agentClass},
        {"decision", action.decision}, {"reason", action.reason}};
    appendAudit(ws, {"agent.action", "agent:" + action.agent + " " + action.target, state, state, details.dump()});
    if (checkpoint)
        saveAgentCheckpoint(workspace, action.agent, *checkpoint);
    transaction.commit();
    return action;
}

std::vector<AgentAction> agentActions(
    Workspace& workspace, const std::string& agent, const std::string& decision, std::size_t limit)
{
    sql::Statement rows(workspace.impl().db,
        "SELECT id, agent, at, action, class, target, decision, reason, details FROM agent_actions "
        "WHERE (?1 = '' OR agent = ?1) AND (?2 = '' OR decision = ?2) ORDER BY id DESC LIMIT ?3");
    rows.bind(agent).bind(decision).bind(static_cast<std::int64_t>(limit));
    std::vector<AgentAction> out;
    while (rows.step())
        out.push_back({rows.integer(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5),
            rows.text(6), rows.text(7), rows.text(8)});
    return out;
}

void saveAgentStatus(Workspace& workspace, const std::string& agent, const std::string& statusJson)
{
    Workspace::Impl& ws = workspace.impl();
    ws.requireWrite("saving an agent's status");
    sql::Statement(ws.db,
        "INSERT INTO agent_status(agent, status, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(agent) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at")
        .bind(agent)
        .bind(statusJson)
        .bind(utcNow())
        .run();
}

std::vector<StoredAgentStatus> agentStatuses(Workspace& workspace)
{
    sql::Statement rows(workspace.impl().db, "SELECT agent, status, updated_at FROM agent_status ORDER BY agent");
    std::vector<StoredAgentStatus> out;
    while (rows.step())
        out.push_back({rows.text(0), rows.text(1), rows.text(2)});
    return out;
}

namespace {
constexpr const char* kPause = "*pause"; // no agent's name: agent names are identifiers
}

void pauseWritingAgents(Workspace& workspace, const std::string& reason)
{
    saveAgentCheckpoint(workspace, kPause, reason);
}

void resumeWritingAgents(Workspace& workspace)
{
    Workspace::Impl& ws = workspace.impl();
    ws.requireWrite("resuming the agents");
    sql::Statement(ws.db, "DELETE FROM agent_checkpoints WHERE agent = ?").bind(kPause).run();
}

std::optional<std::string> writingAgentsPausedFor(Workspace& workspace)
{
    return agentCheckpoint(workspace, kPause);
}

AlertTransition recordAlertTransition(Workspace& workspace, AlertTransition transition)
{
    Workspace::Impl& ws = workspace.impl();
    ws.requireWrite("recording an alert");
    transition.at = utcNow();
    if (transition.annotations.empty())
        transition.annotations = "{}";
    sql::Statement(
        ws.db, "INSERT INTO alert_history(name, state, severity, value, at, annotations) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(transition.name)
        .bind(transition.state)
        .bind(transition.severity)
        .bind(transition.value)
        .bind(transition.at)
        .bind(transition.annotations)
        .run();
    transition.id = ws.db.lastInsertId();
    return transition;
}

namespace {
std::vector<AlertTransition> alertRows(sql::Statement& rows)
{
    std::vector<AlertTransition> out;
    while (rows.step())
        out.push_back(
            {rows.integer(0), rows.text(1), rows.text(2), rows.text(3), rows.real(4), rows.text(5), rows.text(6)});
    return out;
}
} // namespace

std::vector<AlertTransition> alertHistory(Workspace& workspace, const std::string& name, std::size_t limit)
{
    sql::Statement rows(workspace.impl().db,
        "SELECT id, name, state, severity, value, at, annotations FROM alert_history "
        "WHERE (?1 = '' OR name = ?1) ORDER BY id DESC LIMIT ?2");
    rows.bind(name).bind(static_cast<std::int64_t>(limit));
    return alertRows(rows);
}

std::vector<AlertTransition> latestAlertStates(Workspace& workspace)
{
    sql::Statement rows(workspace.impl().db,
        "SELECT id, name, state, severity, value, at, annotations FROM alert_history "
        "WHERE id IN (SELECT max(id) FROM alert_history GROUP BY name) ORDER BY name");
    return alertRows(rows);
}

} // namespace evograph::workspace
