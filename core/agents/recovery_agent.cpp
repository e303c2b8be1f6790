#include "evograph/agents/recovery_agent.h"

#include "evograph/agents/action_gate.h"
#include "evograph/migrate/migration.h"
#include "evograph/workspace/agent_records.h"
#include "evograph/workspace/migration_journal.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace evograph::agents {

namespace {
// Why the last migration should be undone, if it should: the integrity check's first problem, or
// the firing alerts that call for this agent.
std::string troubleWith(workspace::Workspace& ws, const config::Config& config)
{
    if (const std::vector<std::string> problems = ws.integrityProblems(); !problems.empty())
        return "the workspace fails its integrity check: " + problems.front();
    std::string firing;
    for (const workspace::AlertTransition& t : workspace::latestAlertStates(ws)) {
        if (t.state != "firing")
            continue;
        for (const config::AlertRule& rule : config.alerts)
            if (rule.name == t.name
                && std::find(rule.actions.begin(), rule.actions.end(), "agent:recovery_agent") != rule.actions.end())
                firing += (firing.empty() ? "" : ", ") + t.name;
    }
    return firing.empty() ? std::string() : "alert " + firing + " is firing";
}
} // namespace

AgentOutcome RecoveryAgent::run(const engine::TaskContext& context)
{
    auto ws = openWorkspace();
    const std::vector<std::string> applied = migrate::lastApplied(ws, 1);
    if (applied.empty())
        return {"no applied migration to roll back", {}};
    const std::string& operation = applied.front();
    if (workspace::agentCheckpoint(ws, name()) == operation)
        return {"the last migration (" + operation + ") was handled already", {}};
    const std::string trouble = troubleWith(ws, config());
    if (trouble.empty())
        return {"nothing calls for a rollback", {}};
    const workspace::Progress progress = workspace::Progress::of(context);
    const workspace::AgentAction action = performAction(ws, config(),
        {name(), "migration.rollback", AgentClass::Destructive, operation,
            nlohmann::json {{"operation", operation}, {"why", trouble}}.dump(), operation},
        [&](workspace::Workspace& w) {
            const workspace::JournalOperation rollback = migrate::rollbackOperation(w, operation, progress);
            return nlohmann::json {{"operation", operation}, {"why", trouble}, {"rollback", rollback.id}}.dump();
        });
    if (action.decision == "proposed") {
        workspace::saveAgentCheckpoint(ws, name(), operation); // proposed once, not on every run
        return {"rollback of " + operation + " proposed: " + trouble, {{"rollback proposed", operation, {}, {}}}};
    }
    return {
        "rolled back " + operation + " (" + action.decision + "): " + trouble, {{"rolled back", operation, {}, {}}}};
}

} // namespace evograph::agents
