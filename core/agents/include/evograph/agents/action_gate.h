#pragma once
// The policy gate for agents: the same policy as migrations (migrate::Policy::of, the workspace's
// settings with the config file's [policies] over them) decides every action an agent takes.
//   read_only   runs (in strict mode only while auto_approve_read_only holds; else proposed)
//   additive    runs (adds versions, snapshots, plan drafts; nothing is lost)
//   destructive strict: becomes a proposal awaiting a reviewer and never runs by itself;
//               permissive: runs, recorded "ran not approved"; require_approval_for_destructive
//               = false: runs.
// Every action, run or proposed, is recorded with the agent's name and audited.

#include "evograph/agents/agent.h"
#include "evograph/migrate/migration.h"
#include "evograph/workspace/agent_records.h"

#include <functional>

namespace evograph::agents {

enum class GateOutcome : std::uint8_t { Run, RunNotApproved, Propose };

struct GateDecision {
    GateOutcome outcome = GateOutcome::Propose;
    std::string reason;
    bool runs() const { return outcome != GateOutcome::Propose; }
};

GateDecision decideAction(const migrate::Policy& policy, AgentClass actionClass);

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
