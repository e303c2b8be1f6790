#pragma once
// A workspace's agents at work, for `evograph serve` and the studio: the runtime with every agent
// this build has (those the config does not enable start Disabled), the alert rules, and the
// workspace as the control plane between processes:
//   - settings agents.NAME.enabled ("true"/"false", `evograph agents enable|disable`) and
//     agents.NAME.stopped (`agents stop|start`) are read every few seconds and applied; an agent
//     the config file names in enabled_agents / disabled_agents stays as the file says;
//   - each agent's status is written to the workspace (`agents status` from another process);
//   - while the workspace asks the writing agents to pause (workspace::pauseWritingAgents, e.g.
//     `snapshot restore`), the additive and destructive agents are stopped, then started again;
//   - each alert transition is recorded (`alerts list`) and acted upon: notify (a line of the
//     log), webhook:URL (a JSON POST through the one HTTP layer, Slack-compatible: {"text": ...}),
//     agent:NAME (runs it now); a firing alert is also published as an "alert firing" event.

#include "evograph/agents/alert_evaluator.h"
#include "evograph/agents/runtime.h"

#include <memory>

namespace evograph::agents {

// How often an agent runs when nothing triggers it: the validator and the planner every
// [monitoring] health_check_interval_seconds, snapshot_scheduler every [backup] interval_hours,
// security_agent hourly, graph_monitor every 60 s (its folders wake it through inotify, its URLs
// by their own intervals), metrics_collector every second.
std::chrono::milliseconds defaultInterval(const std::string& agent, const config::Config& config);

// Whether the agent should be enabled: the config file's explicit word, else the workspace's
// agents.NAME.enabled setting, else the config's default ("*").
bool isEnabled(const std::string& agent, const config::Config& config,
    const std::map<std::string, std::string>& workspaceSettings);
// Why enabling (or disabling) the agent in the workspace would not take: the config file names
// it in disabled_agents (enabled_agents), which wins. Empty when the workspace may decide.
std::optional<std::string> configOverride(const config::Config& config, const std::string& agent, bool enable);

class AgentService {
public:
    AgentService(std::string workspacePath, config::Config config, engine::ThreadPool& pool, const Clock& clock);
    ~AgentService();
    AgentService(const AgentService&) = delete;
    AgentService& operator=(const AgentService&) = delete;

    // One step: apply the workspace's controls (every few seconds), tick the runtime, feed and
    // evaluate the alert rules, record and act on their transitions, save the agents' status.
    // Returns what is worth a line of the log: events, alert transitions, failures.
    std::vector<std::string> step();
    // Makes the next step read the workspace's controls (after this process changed them).
    void reloadControls() { m_lastControls.reset(); }
    // Stops every agent, waits for running work and saves the final status ("not served").
    void shutdown();

    AgentRuntime& runtime() { return m_runtime; }
    std::vector<AlertStatus> alerts() const;

private:
    void applyControls(std::vector<std::string>& log);
    void act(const AlertStatus& alert, std::vector<std::string>& log);
    void saveStatus(bool served); // not served: the process is done serving (states "not served")

    std::string m_workspacePath;
    config::Config m_config;
    engine::ThreadPool& m_pool;
    const Clock& m_clock;
    AgentRuntime m_runtime;
    AlertEvaluator m_alerts;
    std::optional<Clock::TimePoint> m_lastControls, m_lastStatus;
    std::map<std::string, std::string> m_lastStatusJson;
    std::vector<std::string> m_paused; // writing agents stopped for a pause, to start after it
    struct Webhooks;
    std::unique_ptr<Webhooks> m_webhooks;
};

} // namespace evograph::agents
