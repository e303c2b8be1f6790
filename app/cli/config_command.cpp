// evograph config check FILE | config show: the one config file, checked and explained.
//   check: exit 0 (warnings on stderr as FILE:LINE:COL: warning: ...), 2 on an error.
//   show:  every setting's effective value and where it came from (default, FILE:LINE:COL, or
//          the workspace's settings, which the file's [policies] override).
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/migrate/migration.h"

#include <iostream>

namespace evograph::cli {

namespace {
struct ConfigOptions {
    std::string file, configPath, workspace, format = "text";
};
} // namespace

void addConfigCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<ConfigOptions>();
    auto* group = app.add_subcommand("config", "Check the config file, or show the settings in effect");
    group->require_subcommand(1);

    auto* check = group->add_subcommand("check", "Read FILE: exit 0 (warnings on stderr), 2 with an error");
    check->add_option("FILE", o->file, "the config file (TOML)")->required();
    check->add_option("--format", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    check->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = config::loadConfig(o->file);
            if (o->format == "json") {
                nlohmann::json warnings = nlohmann::json::array();
                for (const config::ConfigWarning& w : config.warnings)
                    warnings.push_back({{"file", w.where.file}, {"line", w.where.line}, {"column", w.where.column},
                        {"message", w.message}});
                printJson({{"file", o->file}, {"ok", true}, {"warnings", warnings}});
                return kOk;
            }
            for (const config::ConfigWarning& warning : config.warnings)
                std::cerr << config::formatWarning(warning) << '\n';
            std::cout << o->file << ": ok" << (config.warnings.empty() ? "" : " (with warnings)") << "\n";
            return kOk;
        });
    });

    auto* show = group->add_subcommand("show", "Each setting's effective value and where it came from");
    addConfigOption(*show, o->configPath);
    show->add_option("--workspace", o->workspace, "also the policy settings this workspace holds");
    show->add_option("--format", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    show->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            std::map<std::string, std::string> settings;
            if (!o->workspace.empty())
                settings = workspace::Workspace::open(o->workspace, {workspace::Access::Read, {}, "config show"})
                               .settings(false);
            const std::vector<config::ShownSetting> shown
                = config::showSettings(config, settings, policy::Policy::defaultSettings());
            if (o->format == "json") {
                nlohmann::json list = nlohmann::json::array();
                for (const config::ShownSetting& s : shown)
                    list.push_back({{"key", s.key}, {"value", s.value}, {"source", s.source}});
                printJson({{"file", config.file}, {"settings", list}});
                return kOk;
            }
            std::cout << "Config file: " << (config.file.empty() ? "none (defaults)" : config.file) << "\n";
            std::vector<std::vector<std::string>> rows {{"SETTING", "VALUE", "FROM"}};
            for (const config::ShownSetting& s : shown)
                rows.push_back({s.key, s.value.empty() ? "-" : s.value, s.source});
            std::cout << formatTable(rows);
            return kOk;
        });
    });
}

} // namespace evograph::cli
