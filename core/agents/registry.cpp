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

namespace {
template <typename A> std::unique_ptr<Agent> make(const std::string& workspacePath, const config::Config& config)
{
    return std::make_unique<A>(workspacePath, config);
}
} // namespace

const std::vector<AgentDescriptor>& knownAgents()
{
    static const std::vector<AgentDescriptor> agents {
        {"graph_monitor", "imports new versions of watched files, folders and URLs", AgentClass::Additive,
            make<GraphMonitorAgent>},
        {"validator", "analyses each new graph version against the one before it", AgentClass::ReadOnly,
            make<ValidatorAgent>},
        {"migration_planner", "drafts a migration plan when breaking changes touch data", AgentClass::Additive,
            make<MigrationPlannerAgent>},
        {"snapshot_scheduler", "takes and prunes scheduled snapshots ([backup])", AgentClass::Additive,
            make<SnapshotSchedulerAgent>},
        {"metrics_collector", "keeps metric history in the workspace", AgentClass::ReadOnly,
            make<MetricsCollectorAgent>},
        {"security_agent", "verifies the audit chain, permissions, secrets and snapshots", AgentClass::ReadOnly,
            make<SecurityAgent>},
        {"recovery_agent", "proposes or performs the rollback of a failed migration", AgentClass::Destructive,
            make<RecoveryAgent>},
    };
    return agents;
}

std::unique_ptr<Agent> makeAgent(
    const std::string& name, const std::string& workspacePath, const config::Config& config)
{
    for (const AgentDescriptor& d : knownAgents())
        if (d.name == name)
            return d.make(workspacePath, config);
    throw Error("no agent \"" + name + "\" (see evograph agents list)");
}

} // namespace evograph::agents
