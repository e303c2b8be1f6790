// evograph serve: runs the workspace's agents (agents::AgentService) until SIGINT or SIGTERM,
// then cancels what runs, waits for it and exits 0. Events, alert transitions and a finished run
// whose outcome differs from the agent's last are each a line on stdout.
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/agents/agent_service.h"

#include <iostream>
#include <thread>

namespace evograph::cli {

namespace {
struct ServeOptions {
    WorkspaceArgs args;
    std::string configPath;
    unsigned tickMs = 500;
};

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
            agents::AgentService service(path, config, pool, clock);
            std::size_t serving = 0;
            for (const agents::AgentStatus& s : service.runtime().status())
                serving += s.state != agents::AgentState::Disabled;
            std::cout << timeNow() << " serving " << path << " with " << serving << " agent(s) and "
                      << config.alerts.size() << " alert rule(s)" << std::endl;
            watchTermination();
            // A line per finished run whose outcome differs from the agent's last one (an agent
            // that finds nothing new every few seconds says so once).
            std::map<std::string, std::pair<std::uint64_t, std::string>> reported; // runs, text
            const auto report = [&](const std::vector<std::string>& lines) {
                for (const std::string& line : lines)
                    std::cout << timeNow() << " " << line << "\n";
                for (const agents::AgentStatus& s : service.runtime().status()) {
                    auto& [runs, text] = reported[s.name];
                    if (s.runs == runs)
                        continue;
                    runs = s.runs;
                    std::string line = s.lastError.empty() ? s.lastSummary : "failed: " + s.lastError;
                    line += s.circuitOpen ? " (circuit open)" : "";
                    if (line != text)
                        std::cout << timeNow() << " " << s.name << ": " << line << "\n";
                    text = std::move(line);
                }
                std::cout.flush();
            };
            while (!interrupted()) {
                report(service.step());
                std::this_thread::sleep_for(std::chrono::milliseconds(o->tickMs));
            }
            service.shutdown();
            report({});
            std::cout << timeNow() << " stopped" << std::endl;
            return kOk;
        });
    });
}

} // namespace evograph::cli
