#pragma once
// validator (read-only): each graph version it has not seen yet is analysed against the version
// before it; the result (changes, breaking count) is recorded as the agent's action and reported
// as an event ("validated ontology@3", breaking_changes 2, changes 7). A "version imported" event
// makes it run at once. Its checkpoint is the last
// version seen per graph, saved after each one, so a restart resumes at the next version.

#include "evograph/agents/agent.h"

namespace evograph::agents {

class ValidatorAgent final : public WorkspaceAgent {
public:
    using WorkspaceAgent::WorkspaceAgent;
    std::string name() const override { return "validator"; }
    std::string description() const override { return "analyses each new graph version against the one before it"; }
    AgentClass agentClass() const override { return AgentClass::ReadOnly; }
    AgentOutcome run(const engine::TaskContext& context) override;
    std::vector<std::string> triggers() const override { return {"version imported"}; }
};

} // namespace evograph::agents
