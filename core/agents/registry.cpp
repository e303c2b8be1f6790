#include "evograph/agents/registry.h"

#include "evograph/agents/graph_monitor_agent.h"
#include "evograph/agents/metrics_collector_agent.h"
#include "evograph/agents/migration_planner_agent.h"
#include "evograph/agents/recovery_agent.h"
#include "evograph/agents/security_agent.h"
#include "evograph/agents/snapshot_scheduler_agent.h"
#include "evograph/agents/validator_agent.h"
#include "evograph/error.h"

namespace evograph::agents {

const std::vector<AgentDescriptor>& knownAgents()
{
    static const std::vector<AgentDescriptor> agents {
        {"graph_monitor", "imports new versions of watched files, folders and URLs", AgentClass::Additive},
        {"validator", "analyses each new graph version against the one before it", AgentClass::ReadOnly},
        {"migration_planner", "drafts a migration plan when breaking changes touch data", AgentClass::Additive},
        {"snapshot_scheduler", "takes and prunes scheduled snapshots ([backup])", AgentClass::Additive},
        {"metrics_collector", "keeps metric history in the workspace", AgentClass::ReadOnly},
        {"security_agent", "verifies the audit chain, permissions, secrets and snapshots", AgentClass::ReadOnly},
        {"recovery_agent", "proposes or performs the rollback of a failed migration", AgentClass::Destructive},
    };
    return agents;
}

std::unique_ptr<Agent> makeAgent(
    const std::string& name, const std::string& workspacePath, const config::Config& config)
{
    if (name == "graph_monitor")
        return std::make_unique<GraphMonitorAgent>(workspacePath, config);
    if (name == "metrics_collector")
        return std::make_unique<MetricsCollectorAgent>(workspacePath, config);
    if (name == "migration_planner")
        return std::make_unique<MigrationPlannerAgent>(workspacePath, config);
    if (name == "recovery_agent")
        return std::make_unique<RecoveryAgent>(workspacePath, config);
    if (name == "validator")
        return std::make_unique<ValidatorAgent>(workspacePath, config);
    if (name == "security_agent")
        return std::make_unique<SecurityAgent>(workspacePath, config);
    if (name == "snapshot_scheduler")
        return std::make_unique<SnapshotSchedulerAgent>(workspacePath, config);
    throw Error("no agent \"" + name + "\" (see evograph agents list)");
}

} // namespace evograph::agents
