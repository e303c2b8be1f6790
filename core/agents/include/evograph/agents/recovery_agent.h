#pragma once
// recovery_agent (destructive; only when named in enabled_agents, never by "*"): after a migration
// was applied, when the workspace fails its integrity check or an alert whose actions name
// "agent:recovery_agent" is firing, it asks to roll that migration back. Rolling back rewrites
// data, so under a strict policy the rollback becomes a proposal for a reviewer (the Agents and
// Migrations views, `evograph health`); under a permissive one it runs and is journalled
// "ran not approved". Each applied operation is handled once: its id is the checkpoint.

#include "evograph/agents/agent.h"

namespace evograph::agents {

class RecoveryAgent final : public WorkspaceAgent {
public:
    using WorkspaceAgent::WorkspaceAgent;
    std::string name() const override { return "recovery_agent"; }
    std::string description() const override { return "proposes or performs the rollback of a failed migration"; }
    AgentClass agentClass() const override { return AgentClass::Destructive; }
    AgentOutcome run(const engine::TaskContext& context) override;
    std::vector<std::string> triggers() const override { return {"alert firing"}; }
};

} // namespace evograph::agents
