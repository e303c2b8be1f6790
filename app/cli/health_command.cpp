// evograph health: is the workspace and its agents' work sound? Exit 0 healthy, 1 degraded (with
// the reasons). Degraded: the audit chain does not verify, an enabled agent's last action failed,
// the security agent's last check found something, or a critical alert is firing. Proposals
// awaiting a reviewer and alerts firing are counted.
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/agents/registry.h"
#include "evograph/workspace/agent_records.h"
#include "evograph/workspace/audit.h"

#include <iostream>

namespace evograph::cli {

namespace {
struct HealthOptions {
    WorkspaceArgs args;
    std::string configPath;
};
} // namespace

void addHealthCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<HealthOptions>();
    auto* c = app.add_subcommand("health",
        "Is the workspace sound and did its agents' last actions succeed? "
        "Exit 0 healthy, 1 degraded");
    c->add_option("--workspace", o->args.workspace, "the workspace (default: the XDG location)");
    c->add_option("--format", o->args.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    addConfigOption(*c, o->configPath);
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            auto ws
                = workspace::Workspace::open(o->args.path(), o->args.openOptions(workspace::Access::Read, "health"));
            std::vector<std::string> reasons;
            for (const std::string& problem : workspace::verifyAudit(ws).problems)
                reasons.push_back("audit log: " + problem);
            nlohmann::json agents = nlohmann::json::array();
            for (const agents::AgentDescriptor& d : agents::knownAgents()) {
                if (!config.agents.isEnabled(d.name))
                    continue;
                const auto last = workspace::agentActions(ws, d.name, {}, 1);
                nlohmann::json entry = {{"name", d.name}, {"last_action", nullptr}};
                if (!last.empty()) {
                    const workspace::AgentAction& a = last[0];
                    entry["last_action"]
                        = {{"at", a.at}, {"action", a.action}, {"target", a.target}, {"decision", a.decision}};
                    if (a.decision == "failed")
                        reasons.push_back(d.name + ": its last action failed at " + a.at + ": " + a.reason);
                    const auto details = nlohmann::json::parse(a.details, nullptr, false);
                    if (details.is_object() && details.contains("findings") && !details["findings"].empty())
                        reasons.push_back(d.name + ": " + std::to_string(details["findings"].size()) + " finding(s) at "
                            + a.at + ", e.g. " + details["findings"][0].get<std::string>());
                }
                agents.push_back(entry);
            }
            // Alerts firing now: a critical one makes the workspace degraded, others are listed.
            nlohmann::json firing = nlohmann::json::array();
            for (const workspace::AlertTransition& t : workspace::latestAlertStates(ws)) {
                if (t.state != "firing")
                    continue;
                firing.push_back({{"name", t.name}, {"severity", t.severity}, {"since", t.at}, {"value", t.value}});
                if (t.severity == "critical")
                    reasons.push_back("alert " + t.name + " (critical) firing since " + t.at);
            }
            const std::size_t proposals = workspace::agentActions(ws, {}, "proposed", 100000).size();
            const bool healthy = reasons.empty();
            if (o->args.json()) {
                printJson({{"status", healthy ? "healthy" : "degraded"}, {"reasons", reasons}, {"agents", agents},
                    {"alerts_firing", firing}, {"proposals", proposals}});
            } else {
                std::cout << (healthy ? "healthy" : "degraded") << " (" << agents.size() << " enabled agent(s), "
                          << firing.size() << " alert(s) firing, " << proposals << " proposal(s) awaiting review)\n";
                for (const std::string& r : reasons)
                    std::cout << "  " << r << "\n";
            }
            return healthy ? kOk : kDifferent;
        });
    });
}

} // namespace evograph::cli
