// evograph alerts list | history: the alert rules' states as `serve` recorded them in the
// workspace (each rule's latest transition; the config's rules with none are "inactive"), and the
// history of their transitions.
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/workspace/agent_records.h"

#include <iostream>

namespace evograph::cli {

namespace {
struct AlertsOptions {
    WorkspaceArgs args;
    std::string configPath, state, name;
    std::size_t limit = 100;
};

nlohmann::json alertJson(const workspace::AlertTransition& t)
{
    return {{"name", t.name}, {"state", t.state}, {"severity", t.severity}, {"since", t.at}, {"value", t.value},
        {"annotations", nlohmann::json::parse(t.annotations)}};
}

void print(const WorkspaceArgs& args, const nlohmann::json& alerts, const char* timeColumn)
{
    if (args.json()) {
        printJson(alerts);
        return;
    }
    std::vector<std::vector<std::string>> rows {{"ALERT", "STATE", "SEVERITY", timeColumn, "VALUE", "SUMMARY"}};
    for (const nlohmann::json& a : alerts)
        rows.push_back(
            {a["name"], a["state"], a["severity"], a["since"].is_null() ? "-" : a["since"].get<std::string>(),
                a["value"].is_null() ? "-" : a["value"].dump(), a["annotations"].value("summary", "-")});
    std::cout << formatTable(rows);
}
} // namespace

void addAlertsCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<AlertsOptions>();
    auto* group = app.add_subcommand("alerts", "The alert rules' states and history, as `serve` recorded them");
    group->require_subcommand(1);
    addWorkspaceArgs(*group, o->args, true);

    auto* list = workspaceSubcommand(*group, "list", "Each alert rule's current state");
    list->add_option("--state", o->state, "only rules in this state")
        ->check(CLI::IsMember({"inactive", "pending", "firing", "resolved"}));
    addConfigOption(*list, o->configPath);
    list->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            auto ws = workspace::Workspace::open(
                o->args.path(), o->args.openOptions(workspace::Access::Read, "alerts list"));
            std::map<std::string, nlohmann::json> byName;
            for (const workspace::AlertTransition& t : workspace::latestAlertStates(ws))
                byName[t.name] = alertJson(t);
            for (const config::AlertRule& rule : config.alerts)
                if (!byName.count(rule.name)) {
                    nlohmann::json annotations = nlohmann::json::object();
                    for (const auto& [key, value] : rule.annotations)
                        annotations[key] = value;
                    byName[rule.name] = {{"name", rule.name}, {"state", "inactive"}, {"severity", rule.severity},
                        {"since", nullptr}, {"value", nullptr}, {"annotations", annotations}};
                }
            nlohmann::json alerts = nlohmann::json::array();
            for (auto& [name, alert] : byName)
                if (o->state.empty() || alert["state"] == o->state)
                    alerts.push_back(std::move(alert));
            print(o->args, alerts, "SINCE");
            return kOk;
        });
    });

    auto* history = workspaceSubcommand(*group, "history", "The alert rules' transitions, newest first");
    history->add_option("--name", o->name, "of one rule");
    history->add_option("--limit", o->limit, "at most this many (default 100)");
    history->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            auto ws = workspace::Workspace::open(
                o->args.path(), o->args.openOptions(workspace::Access::Read, "alerts history"));
            nlohmann::json alerts = nlohmann::json::array();
            for (const workspace::AlertTransition& t : workspace::alertHistory(ws, o->name, o->limit))
                alerts.push_back(alertJson(t));
            print(o->args, alerts, "AT");
            return kOk;
        });
    });
}

} // namespace evograph::cli
