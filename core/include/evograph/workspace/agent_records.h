#pragma once
// What the workspace keeps for agents: each agent's checkpoint (its cursor, e.g. the last graph
// version it validated), and every action an agent took or proposed, with the gate's decision.
// Actions are audited in the same transaction; checkpoints are bookkeeping, not workspace state
// (no snapshot captures them, no audit record per cursor move).

#include "evograph/workspace/workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace evograph::workspace {

std::optional<std::string> agentCheckpoint(Workspace& workspace, const std::string& agent);
void saveAgentCheckpoint(Workspace& workspace, const std::string& agent, const std::string& cursor);

struct AgentAction {
    std::int64_t id = 0;
    std::string agent, at;
    std::string action; // "graph.import", "snapshot.create", "migration.rollback", ...
    std::string agentClass; // of the action: read_only, additive, destructive
    std::string target;
    std::string decision; // "ran", "ran not approved", "proposed"
    std::string reason; // the gate's
    std::string details; // a JSON object
};

// Stores the action (id and time filled in) and its audit record; returns it as stored.
AgentAction recordAgentAction(Workspace& workspace, AgentAction action);
// Newest first; of one agent, and/or with one decision ("proposed": awaiting a reviewer).
std::vector<AgentAction> agentActions(
    Workspace& workspace, const std::string& agent = {}, const std::string& decision = {}, std::size_t limit = 100);

} // namespace evograph::workspace
