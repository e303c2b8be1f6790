// evograph serve: runs the agents the config enables on their schedules until SIGINT or SIGTERM,
// then cancels what runs, waits for it and exits 0. A finished run whose outcome differs from the
// agent's last is one line on stdout.
// Schedules: validator every [monitoring] health_check_interval_seconds, snapshot_scheduler every
// [backup] interval_hours, security_agent hourly. Agents not built yet are named once and skipped.
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/agents/registry.h"
#include "evograph/agents/runtime.h"

#include <iostream>
#include <thread>

namespace evograph::cli {

namespace {
struct ServeOptions {
    WorkspaceArgs args;
    std::string configPath;
    unsigned tickMs = 500;
};

std::chrono::milliseconds intervalOf(const std::string& agent, const config::Config& config)
{
    if (agent == "snapshot_scheduler")
        return std::chrono::milliseconds(static_cast<std::int64_t>(config.backup.intervalHours * 3600 * 1000));
    if (agent == "security_agent") // re-hashes a snapshot in full each run
        return std::chrono::hours(1);
    return std::chrono::seconds(config.monitoring.healthCheckIntervalSeconds);
}

std::string timeNow()
{
    const std::time_t t = std::time(nullptr);
    std::tm local {};
    localtime_r(&t, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}
} // namespace

void addServeCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<ServeOptions>();
    auto* c = app.add_subcommand("serve", "Run the agents the config enables until SIGINT or SIGTERM");
    c->add_option("--workspace", o->args.workspace, "the workspace (default: the XDG location)");
    addConfigOption(*c, o->configPath);
    c->add_option("--tick-ms", o->tickMs, "how often schedules are looked at (default 500)")
        ->check(CLI::Range(10, 60000));
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            const std::string path = o->args.path();
            workspace::Workspace::open(path, {workspace::Access::Read, {}, "serve"}); // fail early on a bad path
            engine::ThreadPool pool(std::max<std::size_t>(1, config.agents.maxConcurrentOperations));
            const agents::SteadyClock clock;
            agents::RuntimeOptions options;
            options.maxConcurrent = config.agents.maxConcurrentOperations;
            agents::AgentRuntime runtime(pool, clock, config.agents, options);
            std::vector<std::string> serving;
            for (const agents::AgentDescriptor& d : agents::knownAgents()) {
                if (!config.agents.isEnabled(d.name))
                    continue;
                if (!d.available) {
                    std::cout << timeNow() << " " << d.name << ": enabled, but not available in this version\n";
                    continue;
                }
                runtime.add(agents::makeAgent(d.name, path, config), intervalOf(d.name, config));
                serving.push_back(d.name);
            }
            std::cout << timeNow() << " serving " << path << " with " << serving.size() << " agent(s)" << std::endl;
            watchTermination();
            // A line per finished run whose outcome differs from the agent's last one (an agent
            // that finds nothing new every few seconds says so once).
            std::map<std::string, std::pair<std::uint64_t, std::string>> reported; // runs, text
            const auto report = [&] {
                for (const agents::AgentStatus& s : runtime.status()) {
                    auto& [runs, text] = reported[s.name];
                    if (s.runs == runs)
                        continue;
                    runs = s.runs;
                    std::string line = s.lastError.empty() ? s.lastSummary : "failed: " + s.lastError;
                    line += s.circuitOpen ? " (circuit open)" : "";
                    if (line != text)
                        std::cout << timeNow() << " " << s.name << ": " << line << std::endl;
                    text = std::move(line);
                }
            };
            while (!interrupted()) {
                runtime.tick();
                report();
                std::this_thread::sleep_for(std::chrono::milliseconds(o->tickMs));
            }
            for (const std::string& name : serving)
                runtime.stop(name);
            runtime.waitIdle();
            report();
            std::cout << timeNow() << " stopped" << std::endl;
            return kOk;
        });
    });
}

} // namespace evograph::cli
