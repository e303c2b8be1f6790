#pragma once
// security_agent (read-only): each run checks that the audit log's hash chain is whole, that the
// workspace file is private (mode 0600), that no setting stored in the clear is named like a
// credential (key, token, password, secret), and verifies one snapshot in full, the next in
// rotation each run (its checkpoint), so every snapshot is re-hashed in turn. What it finds is
// the run's result (the action's details and the summary), not a failure of the agent.

#include "evograph/agents/agent.h"

namespace evograph::agents {

class SecurityAgent final : public WorkspaceAgent {
public:
    using WorkspaceAgent::WorkspaceAgent;
    std::string name() const override { return "security_agent"; }
    std::string description() const override { return "verifies the audit chain, permissions, secrets and snapshots"; }
    AgentClass agentClass() const override { return AgentClass::ReadOnly; }
    AgentOutcome run(const engine::TaskContext& context) override;
};

} // namespace evograph::agents
