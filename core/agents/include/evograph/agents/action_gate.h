#pragma once
// The policy gate for agents: the one policy decision (policy::decide, under the workspace's
// settings with the config file's [policies] over them) weighs every action an agent takes, as it
// weighs migration plans and pushes to stores. An action that would need a reviewer becomes a
// proposal awaiting one and never runs by itself; one a permissive policy lets through unapproved
// is recorded "ran not approved". Every action, run or proposed, is recorded with the agent's name
// and audited.

#include "evograph/agents/agent.h"
#include "evograph/config/config.h"
#include "evograph/workspace/agent_records.h"

#include <functional>

namespace evograph::agents {

struct ActionRequest {
    std::string agent;
    std::string action; // "graph.import", "snapshot.prune", ...
    AgentClass actionClass = AgentClass::ReadOnly;
    std::string target;
    std::string details; // a JSON object, kept with the record
    // The agent's checkpoint once the action has run, saved with its record in one transaction.
    std::optional<std::string> checkpoint;
};

// Decides by the workspace's policy and the config, runs `act` on the workspace when the gate lets
// it, and records the action either way ("ran", "ran not approved", "proposed"). `act` returns the
// record's details (a JSON object; empty: the request's). When it throws, the failure is recorded
// ("failed", with the error) and rethrown.
workspace::AgentAction performAction(workspace::Workspace& workspace, const config::Config& config,
    const ActionRequest& request, const std::function<std::string(workspace::Workspace&)>& act);

} // namespace evograph::agents
