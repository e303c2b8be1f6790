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

// Stores the action (id and time filled in) and its audit record, and the agent's new checkpoint
// when given, in one transaction: a kill between them cannot make the agent repeat the action.
// Returns it as stored.
AgentAction recordAgentAction(
    Workspace& workspace, AgentAction action, const std::optional<std::string>& checkpoint = std::nullopt);
// Newest first; of one agent, and/or with one decision ("proposed": awaiting a reviewer).
std::vector<AgentAction> agentActions(
    Workspace& workspace, const std::string& agent = {}, const std::string& decision = {}, std::size_t limit = 100);

// What the process serving the agents last said of each: a JSON object per agent (state, runs,
// last run, last error, ...), with when it said so. Bookkeeping like checkpoints: not audited.
void saveAgentStatus(Workspace& workspace, const std::string& agent, const std::string& statusJson);
struct StoredAgentStatus {
    std::string agent, status, updatedAt;
};
std::vector<StoredAgentStatus> agentStatuses(Workspace& workspace);

// A pause of the agents that write, asked for by an operation that must not race them (a snapshot
// restore): the process serving the agents stops them while it is set and starts them again once
// it is cleared. Kept beside the checkpoints (no snapshot captures it, so a restore keeps it).
void pauseWritingAgents(Workspace& workspace, const std::string& reason);
void resumeWritingAgents(Workspace& workspace);
std::optional<std::string> writingAgentsPausedFor(Workspace& workspace);

// An alert rule's change of state: pending, firing, resolved (the history of firings).
struct AlertTransition {
    std::int64_t id = 0;
    std::string name, state, severity;
    double value = 0; // the expression's reading at the change
    std::string at; // UTC
    std::string annotations; // a JSON object
};
AlertTransition recordAlertTransition(Workspace& workspace, AlertTransition transition);
// Newest first, of one rule or all.
std::vector<AlertTransition> alertHistory(Workspace& workspace, const std::string& name = {}, std::size_t limit = 100);
// The latest transition of every rule that has one.
std::vector<AlertTransition> latestAlertStates(Workspace& workspace);

} // namespace evograph::workspace
