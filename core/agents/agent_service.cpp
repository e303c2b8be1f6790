#include "evograph/agents/agent_service.h"

#include "evograph/agents/registry.h"
#include "evograph/engine/time_stamp.h"
#include "evograph/net/http_client.h"
#include "evograph/workspace/agent_records.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <unistd.h>

namespace evograph::agents {

namespace {
constexpr auto kControlsEvery = std::chrono::seconds(2);
constexpr auto kStatusEvery = std::chrono::seconds(2);

bool named(const std::vector<std::string>& list, const std::string& agent)
{
    return std::find(list.begin(), list.end(), agent) != list.end();
}

nlohmann::json annotationsOf(const AlertStatus& alert)
{
    nlohmann::json annotations = nlohmann::json::object();
    for (const auto& [key, value] : alert.rule.annotations)
        annotations[key] = value;
    return annotations;
}

} // namespace

std::chrono::milliseconds defaultInterval(const std::string& agent, const config::Config& config)
{
    if (agent == "snapshot_scheduler")
        return std::chrono::milliseconds(static_cast<std::int64_t>(config.backup.intervalHours * 3600 * 1000));
    if (agent == "security_agent") // re-hashes a snapshot in full each run
        return std::chrono::hours(1);
    if (agent == "graph_monitor")
        return std::chrono::seconds(60);
    if (agent == "metrics_collector") // 1 s samples, down-sampled as they age
        return std::chrono::seconds(1);
    return std::chrono::seconds(config.monitoring.healthCheckIntervalSeconds);
}

bool isEnabled(
    const std::string& agent, const config::Config& config, const std::map<std::string, std::string>& workspaceSettings)
{
    if (named(config.agents.disabled, agent))
        return false;
    if (named(config.agents.enabled, agent))
        return true;
    if (const auto it = workspaceSettings.find("agents." + agent + ".enabled"); it != workspaceSettings.end())
        return it->second == "true";
    return config.agents.isEnabled(agent);
}

std::optional<std::string> configOverride(const config::Config& config, const std::string& agent, bool enable)
{
    if (!named(enable ? config.agents.disabled : config.agents.enabled, agent))
        return std::nullopt;
    const std::string key = enable ? "agents.disabled_agents" : "agents.enabled_agents";
    const auto where = config.origins.find(key);
    return "agent " + agent + " is " + (enable ? "disabled" : "enabled") + " by the config file (" + key
        + (where == config.origins.end() ? "" : " at " + formatPosition(where->second))
        + "), which overrides the workspace; change it there";
}

// Webhook posts run on the pool: a slow receiver must not hold up the agents' schedule.
struct AgentService::Webhooks {
    net::HttpClient http;
    std::vector<engine::Task<int>> sending;

    Webhooks()
        : http([] {
            net::HttpOptions options;
            options.timeout = std::chrono::seconds(10);
            options.maxRetries = 3;
            return options;
        }())
    {
    }
};

AgentService::AgentService(
    std::string workspacePath, config::Config config, engine::ThreadPool& pool, const Clock& clock)
    : m_workspacePath(std::move(workspacePath))
    , m_config(std::move(config))
    , m_pool(pool)
    , m_clock(clock)
    , m_runtime(pool, clock, m_config.agents, runtimeOptions(m_config.agents))
    , m_alerts(m_config.alerts)
    , m_webhooks(std::make_unique<Webhooks>())
{
    for (const AgentDescriptor& d : knownAgents())
        m_runtime.add(d.make(m_workspacePath, m_config), defaultInterval(d.name, m_config));
    // Alerts that were firing when `serve` last stopped are still firing: take their state up.
    if (std::error_code ec; std::filesystem::is_regular_file(m_workspacePath, ec)) {
        auto ws = workspace::Workspace::open(m_workspacePath, {workspace::Access::Read, {}, "agents"});
        for (const workspace::AlertTransition& t : workspace::latestAlertStates(ws))
            if (t.state == toString(AlertState::Firing))
                m_alerts.restore(t.name, AlertState::Firing, m_clock.now());
    }
}

AgentService::~AgentService()
{
    for (auto& task : m_webhooks->sending)
        task.cancel();
}

void AgentService::applyControls(std::vector<std::string>& log)
{
    auto ws = workspace::Workspace::open(m_workspacePath, {workspace::Access::Read, {}, "agents"});
    const auto settings = ws.settings(false);
    if (const std::optional<std::string> pause = workspace::writingAgentsPausedFor(ws)) {
        for (const AgentStatus& s : m_runtime.status())
            if (s.agentClass != AgentClass::ReadOnly && s.state != AgentState::Disabled
                && s.state != AgentState::Stopped) {
                m_runtime.stop(s.name);
                m_paused.push_back(s.name);
                log.push_back(s.name + ": paused for " + *pause);
            }
        m_runtime.waitIdle(); // cancelled at their next checkpoint; the asker waits for the status
        m_lastStatus.reset(); // written at this step
        return;
    }
    for (const std::string& name : std::exchange(m_paused, {})) {
        m_runtime.start(name);
        log.push_back(name + ": resumed");
    }
    for (const AgentStatus& s : m_runtime.status()) {
        const bool enabled = isEnabled(s.name, m_config, settings);
        const bool disabledNow = s.state == AgentState::Disabled;
        if (enabled == disabledNow) {
            m_runtime.setEnabled(s.name, enabled);
            log.push_back(s.name + ": " + (enabled ? "enabled" : "disabled"));
        }
        if (!enabled)
            continue;
        const auto stopped = settings.find("agents." + s.name + ".stopped");
        const bool wantStopped = stopped != settings.end() && stopped->second == "true";
        const AgentState state = m_runtime.status(s.name).state;
        if (wantStopped && state != AgentState::Stopped) {
            m_runtime.stop(s.name);
            log.push_back(s.name + ": stopped");
        } else if (!wantStopped && state == AgentState::Stopped) {
            m_runtime.start(s.name);
            log.push_back(s.name + ": started");
        }
    }
}

void AgentService::act(const AlertStatus& alert, std::vector<std::string>& log)
{
    const std::string state(toString(alert.state));
    const std::string summary
        = alert.rule.annotations.count("summary") ? alert.rule.annotations.at("summary") : alert.rule.expr.text();
    const std::string line = "alert " + alert.rule.name + " " + state + " (" + alert.rule.severity + ", "
        + alert.rule.expr.text() + ": " + readingText(alert.value) + ")";
    {
        auto ws = workspace::Workspace::open(
            m_workspacePath, {workspace::Access::Write, std::chrono::seconds(10), "alerts"});
        workspace::recordAlertTransition(ws,
            {0, alert.rule.name, state, alert.rule.severity, std::isnan(alert.value) ? 0 : alert.value, {},
                annotationsOf(alert).dump()});
    }
    if (alert.state != AlertState::Firing && alert.state != AlertState::Resolved)
        return;
    for (const std::string& action : alert.rule.actions) {
        if (action == "notify") {
            log.push_back(line + (summary.empty() ? "" : ": " + summary));
        } else if (action.rfind("webhook:", 0) == 0) {
            const std::string url = action.substr(8);
            nlohmann::json body = {{"text", "[" + state + "] " + alert.rule.name + ": " + summary},
                {"alert",
                    {{"name", alert.rule.name}, {"state", state}, {"severity", alert.rule.severity},
                        {"value", std::isnan(alert.value) ? nlohmann::json() : nlohmann::json(alert.value)},
                        {"annotations", annotationsOf(alert)}}}};
            net::HttpRequest request {"POST", url, {{"Content-Type", "application/json"}}, body.dump()};
            m_webhooks->sending.push_back(engine::runTask(
                m_pool, "alert.webhook", [http = &m_webhooks->http, request](const engine::TaskContext& context) {
                    const net::HttpResponse response = http->send(request, &context.cancellation());
                    if (response.status >= 300)
                        throw Error("webhook " + net::displayUrl(request.url) + " answered HTTP "
                            + std::to_string(response.status));
                    return 0;
                }));
        } else if (action.rfind("agent:", 0) == 0 && alert.state == AlertState::Firing) {
            const std::string agent = action.substr(6);
            try {
                m_runtime.runNow(agent);
            } catch (const Error& e) {
                log.push_back("alert " + alert.rule.name + ": cannot run " + agent + ": " + e.message());
            }
        }
    }
    if (alert.state == AlertState::Firing)
        m_runtime.publish({"alert firing", alert.rule.name, {}, {}});
}

void AgentService::saveStatus(bool served)
{
    const auto steadyNow = m_clock.now();
    const auto wallNow = std::chrono::system_clock::now();
    const auto wall = [&](const std::optional<Clock::TimePoint>& t) {
        return t ? nlohmann::json(engine::utcTimestamp(
                   wallNow + std::chrono::duration_cast<std::chrono::system_clock::duration>(*t - steadyNow)))
                 : nlohmann::json();
    };
    std::optional<workspace::Workspace> ws;
    for (const AgentStatus& s : m_runtime.status()) {
        const std::string state(served ? toString(s.state) : "not served");
        const std::string json = nlohmann::json {{"state", state}, {"class", toString(s.agentClass)}, {"runs", s.runs},
            {"failures", s.failures}, {"circuit_open", s.circuitOpen}, {"last_summary", s.lastSummary},
            {"last_error", s.lastError}, {"last_run", wall(s.lastRun)}, {"next_run", wall(s.nextRun)},
            {"pid", ::getpid()}}.dump();
        auto& last = m_lastStatusJson[s.name];
        if (json == last)
            continue;
        if (!ws)
            ws.emplace(workspace::Workspace::open(
                m_workspacePath, {workspace::Access::Write, std::chrono::seconds(10), "agents"}));
        workspace::saveAgentStatus(*ws, s.name, json);
        last = json;
    }
}

std::vector<std::string> AgentService::step()
{
    std::vector<std::string> log;
    const Clock::TimePoint now = m_clock.now();
    if (!m_lastControls || now - *m_lastControls >= kControlsEvery) {
        applyControls(log);
        m_lastControls = now;
    }
    m_runtime.tick();
    for (const AgentEvent& event : m_runtime.drainEvents()) {
        if (!event.agent.empty()) // published from outside (an alert firing): logged where it arose
            log.push_back(event.agent + ": " + event.text());
        m_alerts.observe(event, now);
    }
    m_alerts.observe(engine::MetricsRegistry::global().snapshot(), now);
    for (const AlertStatus& alert : m_alerts.evaluate(now))
        act(alert, log);
    std::erase_if(m_webhooks->sending, [&](engine::Task<int>& task) {
        if (!task.isReady())
            return false;
        try {
            task.get();
        } catch (const std::exception& e) {
            log.push_back(std::string("alert webhook failed: ") + e.what());
        }
        return true;
    });
    if (!m_lastStatus || now - *m_lastStatus >= kStatusEvery) {
        saveStatus(true);
        m_lastStatus = now;
    }
    return log;
}

void AgentService::shutdown()
{
    for (const AgentStatus& s : m_runtime.status())
        if (s.state != AgentState::Disabled)
            m_runtime.stop(s.name);
    m_runtime.waitIdle();
    for (auto& task : m_webhooks->sending)
        task.waitFor(std::chrono::seconds(15));
    saveStatus(false);
}

std::vector<AlertStatus> AgentService::alerts() const
{
    return m_alerts.alerts();
}

} // namespace evograph::agents
