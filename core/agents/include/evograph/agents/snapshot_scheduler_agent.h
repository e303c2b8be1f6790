#pragma once
// snapshot_scheduler ([backup]): each run takes a snapshot tagged "scheduled" (additive) and,
// when [backup] destination names a folder, exports it there as a portable file. Scheduled
// snapshots older than retention_days are deleted through the gate: destructive, so under a
// strict policy each becomes one proposal for a reviewer (never proposed twice) instead.
// `serve` runs it every interval_hours. With [backup] enabled = false it does nothing.

#include "evograph/agents/agent.h"

#include <functional>

namespace evograph::agents {

class SnapshotSchedulerAgent final : public WorkspaceAgent {
public:
    using WallClock = std::function<std::chrono::system_clock::time_point()>;
    // `wallNow`: the calendar time retention is measured in (tests move it).
    SnapshotSchedulerAgent(
        std::string workspacePath, config::Config config,
        WallClock wallNow = [] { return std::chrono::system_clock::now(); });
    std::string name() const override { return "snapshot_scheduler"; }
    std::string description() const override { return "takes and prunes scheduled snapshots ([backup])"; }
    AgentClass agentClass() const override { return AgentClass::Additive; }
    AgentOutcome run(const engine::TaskContext& context) override;

private:
    WallClock m_wallNow;
};

} // namespace evograph::agents
