#pragma once
// migration_planner (additive): after the validator reports a version with breaking changes, it
// analyses that version against the one before and, when a breaking change's terms are used in
// another graph of the workspace (the data), drafts a migration plan for those graphs into the
// workspace's plans folder (plansFolder()) for a reviewer. It never applies a plan: applying
// stays with `evograph migrate apply` and its approvals. Its checkpoint is the last version
// looked at per graph.

#include "evograph/agents/agent.h"

#include <filesystem>

namespace evograph::agents {

// Where drafted plans go: "PATH.plans/" beside the workspace file PATH.
std::filesystem::path plansFolder(const std::string& workspacePath);

class MigrationPlannerAgent final : public WorkspaceAgent {
public:
    using WorkspaceAgent::WorkspaceAgent;
    std::string name() const override { return "migration_planner"; }
    std::string description() const override { return "drafts a migration plan when breaking changes touch data"; }
    AgentClass agentClass() const override { return AgentClass::Additive; }
    AgentOutcome run(const engine::TaskContext& context) override;
    std::vector<std::string> triggers() const override { return {"validated"}; }
};

} // namespace evograph::agents
