// evograph agents list | run NAME --once: the agents, their class, whether the config enables
// them, their last action and checkpoint in the workspace; and one run of one agent, through the
// same runtime and policy gate `serve` will use.
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/agents/agent_service.h"
#include "evograph/agents/registry.h"
#include "evograph/agents/runtime.h"
#include "evograph/workspace/agent_records.h"

#include <algorithm>
#include <iostream>
#include <thread>

namespace evograph::cli {

namespace {
struct AgentsOptions {
    WorkspaceArgs args;
    std::string name, configPath;
    bool once = false;
};

std::string enablement(
    const config::Config& config, const std::map<std::string, std::string>& settings, const agents::AgentDescriptor& d)
{
    return agents::isEnabled(d.name, config, settings) ? "enabled" : "not enabled";
}
} // namespace

void addAgentsCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<AgentsOptions>();
    auto* group = app.add_subcommand(
        "agents", "The agents: list, status, run one once, enable, disable, start, stop (see docs/agents.md)");
    group->require_subcommand(1);
    addWorkspaceArgs(*group, o->args, true);

    auto* list = workspaceSubcommand(*group, "list", "Each agent's class, enablement, last action and checkpoint");
    addConfigOption(*list, o->configPath);
    list->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            auto ws = workspace::Workspace::open(
                o->args.path(), o->args.openOptions(workspace::Access::Read, "agents list"));
            const auto settings = ws.settings(false);
            nlohmann::json json = nlohmann::json::array();
            std::vector<std::vector<std::string>> rows {{"AGENT", "CLASS", "STATUS", "LAST ACTION", "CHECKPOINT"}};
            for (const agents::AgentDescriptor& d : agents::knownAgents()) {
                const auto actions = workspace::agentActions(ws, d.name, {}, 1);
                const std::string last = actions.empty() ? ""
                                                         : actions[0].at + " " + actions[0].action + " "
                        + actions[0].target + " (" + actions[0].decision + ")";
                const std::string checkpoint = workspace::agentCheckpoint(ws, d.name).value_or("");
                json.push_back({{"name", d.name}, {"class", policy::toString(d.agentClass)},
                    {"description", d.description}, {"status", enablement(config, settings, d)}, {"last_action", last},
                    {"checkpoint", checkpoint}});
                rows.push_back({d.name, std::string(policy::toString(d.agentClass)), enablement(config, settings, d),
                    last.empty() ? "-" : last, checkpoint.empty() ? "-" : checkpoint});
            }
            if (o->args.json())
                printJson(json);
            else
                std::cout << formatTable(rows);
            return kOk;
        });
    });

    auto* run = workspaceSubcommand(*group, "run", "Run one agent now, through the policy gate");
    run->add_option("NAME", o->name, "the agent")->required();
    run->add_flag("--once", o->once, "run it here, once, and return (what run does until `serve` exists)");
    addConfigOption(*run, o->configPath);
    run->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            const std::vector<std::string>& held = config.agents.disabled;
            if (std::find(held.begin(), held.end(), o->name) != held.end())
                throw Error("agent " + o->name + " is in the config's disabled_agents");
            config::AgentsConfig only;
            only.enabled = {o->name}; // asked for by name: runs unless the config holds it
            engine::ThreadPool pool(1);
            const agents::SteadyClock clock;
            agents::AgentRuntime runtime(pool, clock, only);
            runtime.add(agents::makeAgent(o->name, o->args.path(), config), std::chrono::hours(24));
            runtime.tick();
            watchInterrupts();
            while (runtime.status(o->name).state == agents::AgentState::Running) {
                if (interrupted())
                    runtime.stop(o->name);
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                runtime.tick();
            }
            runtime.waitIdle();
            const agents::AgentStatus s = runtime.status(o->name);
            if (o->args.json())
                printJson({{"agent", s.name}, {"state", agents::toString(s.state)}, {"summary", s.lastSummary},
                    {"error", s.lastError}});
            else if (s.lastError.empty())
                std::cout << s.name << ": " << s.lastSummary << "\n";
            if (!s.lastError.empty())
                throw Error("agent " + s.name + ": " + s.lastError);
            return kOk;
        });
    });
    addAgentControlCommands(*group, o->args, exitCode);
}

} // namespace evograph::cli
