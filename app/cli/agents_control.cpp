// evograph agents status | enable | disable | start | stop NAME: the agents as the process serving
// them last reported (the workspace's agent_status), and the controls that process reads from
// the workspace's settings every few seconds (agents.NAME.enabled, agents.NAME.stopped). The
// config file's explicit enabled_agents / disabled_agents win: changing what it says is refused
// (exit 1), naming the line.
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/agents/agent_service.h"
#include "evograph/agents/registry.h"
#include "evograph/workspace/agent_records.h"

#include <algorithm>
#include <iostream>

namespace evograph::cli {

namespace {
struct ControlOptions {
    std::string name, configPath;
};

void requireAgent(const std::string& name)
{
    const auto& names = config::kAgentNames;
    if (std::find(names.begin(), names.end(), name) == names.end())
        throw Error("no agent \"" + name + "\" (see evograph agents list)");
}

ExitCode refuse(const std::string& why)
{
    std::cerr << "evograph: refused: " << why << "\n";
    return kDifferent;
}

void setControl(const WorkspaceArgs& args, const std::string& key, const std::string& value, const char* purpose)
{
    auto ws = workspace::Workspace::open(args.path(), args.openOptions(workspace::Access::Write, purpose));
    ws.setSetting(key, value, false);
}
} // namespace

void addAgentControlCommands(CLI::App& group, WorkspaceArgs& args, int& exitCode)
{
    auto o = std::make_shared<ControlOptions>();

    auto* status = workspaceSubcommand(group, "status",
        "Each agent's state as `serve` last reported it: runs, failures, last and next run, last error");
    addConfigOption(*status, o->configPath);
    status->callback([o, &args, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            auto ws
                = workspace::Workspace::open(args.path(), args.openOptions(workspace::Access::Read, "agents status"));
            const auto settings = ws.settings(false);
            std::map<std::string, workspace::StoredAgentStatus> reported;
            for (workspace::StoredAgentStatus& s : workspace::agentStatuses(ws))
                reported[s.agent] = std::move(s);
            nlohmann::json json = nlohmann::json::array();
            std::vector<std::vector<std::string>> rows {
                {"AGENT", "ENABLED", "STATE", "RUNS", "FAILURES", "LAST RUN", "NEXT RUN", "LAST"}};
            for (const agents::AgentDescriptor& d : agents::knownAgents()) {
                const bool enabled = agents::isEnabled(d.name, config, settings);
                const auto found = reported.find(d.name);
                const nlohmann::json s
                    = found == reported.end() ? nlohmann::json::object() : nlohmann::json::parse(found->second.status);
                const auto text = [&](const char* key) {
                    return s.contains(key) && s[key].is_string() ? s[key].get<std::string>() : std::string();
                };
                const std::string state = found == reported.end() ? "never served" : text("state");
                const std::string last
                    = text("last_error").empty() ? text("last_summary") : "error: " + text("last_error");
                json.push_back({{"name", d.name}, {"class", policy::toString(d.agentClass)}, {"enabled", enabled},
                    {"state", state}, {"runs", s.value("runs", 0)}, {"failures", s.value("failures", 0)},
                    {"last_run", s.value("last_run", nlohmann::json())},
                    {"next_run", s.value("next_run", nlohmann::json())}, {"last_summary", text("last_summary")},
                    {"last_error", text("last_error")},
                    {"reported_at",
                        found == reported.end() ? nlohmann::json() : nlohmann::json(found->second.updatedAt)}});
                rows.push_back({d.name, enabled ? "yes" : "no", state, std::to_string(s.value("runs", 0)),
                    std::to_string(s.value("failures", 0)), text("last_run").empty() ? "-" : text("last_run"),
                    text("next_run").empty() ? "-" : text("next_run"), last.empty() ? "-" : last});
            }
            if (args.json())
                printJson(json);
            else
                std::cout << formatTable(rows);
            return kOk;
        });
    });

    for (const bool enable : {true, false}) {
        auto* c = workspaceSubcommand(group, enable ? "enable" : "disable",
            enable ? "Enable an agent in the workspace (the config file's explicit word wins)"
                   : "Disable an agent in the workspace; a running `serve` stops it within seconds");
        c->add_option("NAME", o->name, "the agent")->required();
        addConfigOption(*c, o->configPath);
        c->callback([o, &args, &exitCode, enable] {
            exitCode = runCommand([&] {
                requireAgent(o->name);
                if (const auto why = agents::configOverride(loadCliConfig(o->configPath), o->name, enable))
                    return refuse(*why);
                setControl(args, "agents." + o->name + ".enabled", enable ? "true" : "false", "agents enable");
                std::cout << o->name << ": " << (enable ? "enabled" : "disabled") << "\n";
                return kOk;
            });
        });
    }
    for (const bool start : {true, false}) {
        auto* c = workspaceSubcommand(group, start ? "start" : "stop",
            start ? "Let a stopped agent run again on its schedule"
                  : "Stop an agent (its running work is cancelled) until `agents start`");
        c->add_option("NAME", o->name, "the agent")->required();
        addConfigOption(*c, o->configPath);
        c->callback([o, &args, &exitCode, start] {
            exitCode = runCommand([&] {
                requireAgent(o->name);
                if (start) {
                    const config::Config config = loadCliConfig(o->configPath);
                    auto ws = workspace::Workspace::open(
                        args.path(), args.openOptions(workspace::Access::Read, "agents start"));
                    if (!agents::isEnabled(o->name, config, ws.settings(false)))
                        return refuse(
                            "agent " + o->name + " is not enabled; `evograph agents enable " + o->name + "` first");
                }
                setControl(args, "agents." + o->name + ".stopped", start ? "false" : "true", "agents stop");
                std::cout << o->name << ": " << (start ? "started" : "stopped") << "\n";
                return kOk;
            });
        });
    }
}

} // namespace evograph::cli
