#include "evograph/agents/runtime.h"

#include "evograph/engine/enum_names.h"
#include "evograph/error.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <unistd.h>

namespace evograph::agents {

std::string_view toString(AgentState state)
{
    static constexpr auto kNames
        = engine::enumNames<AgentState>({{AgentState::Stopped, "stopped"}, {AgentState::Idle, "idle"},
            {AgentState::Running, "running"}, {AgentState::Failing, "failing"}, {AgentState::Disabled, "disabled"}});
    return kNames.name(state);
}

std::string readingText(double value)
{
    if (std::isnan(value))
        return "no data";
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1); // 2.000000 -> 2.
    if (text.back() == '.')
        text.pop_back();
    return text;
}

std::string AgentEvent::text() const
{
    std::string out = kind + (subject.empty() ? "" : " " + subject);
    std::string readings;
    for (const auto& [name, value] : values)
        readings += (readings.empty() ? "" : ", ") + name + " " + readingText(value);
    return readings.empty() ? out : out + " (" + readings + ")";
}

RuntimeOptions runtimeOptions(const config::AgentsConfig& config)
{
    RuntimeOptions options;
    options.maxConcurrent = config.maxConcurrentOperations;
    options.maxMemoryMb = config.maxMemoryMb;
    options.maxCpuPercent = config.maxCpuPercent;
    options.globalRunsPerSecond = config.globalRunsPerSecond;
    options.perAgentRunsPerSecond = config.perAgentRunsPerSecond;
    for (const auto& [agent, seconds] : config.timeoutSeconds)
        options.timeouts[agent] = std::chrono::seconds(seconds);
    return options;
}

struct AgentRuntime::Entry {
    std::shared_ptr<Agent> agent; // shared with its running task
    std::chrono::milliseconds interval {0};
    AgentStatus status;
    std::optional<engine::Task<AgentOutcome>> running;
    bool triggeredWhileRunning = false; // run once more when this run is done
    bool timedOut = false; // cancelled for running past its timeout
};

AgentRuntime::AgentRuntime(
    engine::ThreadPool& pool, const Clock& clock, config::AgentsConfig config, RuntimeOptions options)
    : m_pool(pool)
    , m_clock(clock)
    , m_config(std::move(config))
    , m_options(options)
{
}

AgentRuntime::~AgentRuntime()
{
    {
        const std::lock_guard lock(m_mutex);
        for (auto& [name, e] : m_agents)
            if (e->running)
                e->running->cancel();
    }
    waitIdle();
}

void AgentRuntime::add(std::unique_ptr<Agent> agent, std::chrono::milliseconds interval)
{
    auto e = std::make_unique<Entry>();
    e->interval = interval;
    e->status.name = agent->name();
    e->status.description = agent->description();
    e->status.agentClass = agent->agentClass();
    e->status.triggers = agent->triggers();
    const bool enabled = m_config.isEnabled(e->status.name);
    e->status.state = enabled ? AgentState::Idle : AgentState::Disabled;
    if (enabled)
        e->status.nextRun = m_clock.now();
    e->agent = std::move(agent);
    const std::lock_guard lock(m_mutex);
    const std::string name = e->status.name;
    if (!m_agents.emplace(name, std::move(e)).second)
        throw Error("agent " + name + " is already registered");
}

AgentRuntime::Entry& AgentRuntime::entry(const std::string& name)
{
    const auto it = m_agents.find(name);
    if (it == m_agents.end())
        throw Error("no agent \"" + name + "\"");
    return *it->second;
}

void AgentRuntime::start(const std::string& name)
{
    const std::lock_guard lock(m_mutex);
    Entry& e = entry(name);
    if (e.status.state == AgentState::Disabled)
        throw Error("agent " + name + " is not enabled by the config ([agents] enabled_agents / disabled_agents)");
    if (e.status.state == AgentState::Stopped) {
        e.status.state = AgentState::Idle;
        e.status.nextRun = m_clock.now();
    }
}

void AgentRuntime::stop(const std::string& name)
{
    const std::lock_guard lock(m_mutex);
    Entry& e = entry(name);
    if (e.running)
        e.running->cancel();
    if (e.status.state != AgentState::Disabled)
        e.status.state = AgentState::Stopped;
    e.status.nextRun.reset();
}

void AgentRuntime::runNow(const std::string& name)
{
    const std::lock_guard lock(m_mutex);
    Entry& e = entry(name);
    if (e.status.state == AgentState::Disabled || e.status.state == AgentState::Stopped)
        throw Error("agent " + name + " is " + std::string(toString(e.status.state)) + "; start it first");
    e.status.nextRun = m_clock.now();
}

void AgentRuntime::setEnabled(const std::string& name, bool enabled)
{
    const std::lock_guard lock(m_mutex);
    Entry& e = entry(name);
    if (!enabled) {
        if (e.running)
            e.running->cancel();
        e.status.state = AgentState::Disabled;
        e.status.nextRun.reset();
    } else if (e.status.state == AgentState::Disabled) {
        e.status.state = AgentState::Idle;
        e.status.nextRun = m_clock.now();
    }
}

void AgentRuntime::wake(Entry& e, Clock::TimePoint now)
{
    const AgentState state = e.status.state;
    if (state != AgentState::Idle && state != AgentState::Failing && state != AgentState::Running)
        return;
    if (e.running)
        e.triggeredWhileRunning = true;
    else if (!e.status.circuitOpen) // a failing agent keeps its backoff only while its circuit is open
        e.status.nextRun = now;
}

void AgentRuntime::trigger(const AgentEvent& event, Clock::TimePoint now)
{
    for (auto& [name, e] : m_agents)
        if (std::find(e->status.triggers.begin(), e->status.triggers.end(), event.kind) != e->status.triggers.end())
            wake(*e, now);
}

void AgentRuntime::publish(AgentEvent event)
{
    const std::lock_guard lock(m_mutex);
    trigger(event, m_clock.now());
    m_events.push_back(std::move(event));
}

std::vector<AgentEvent> AgentRuntime::drainEvents()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_events, {});
}

// Records a finished run: success schedules the next at the interval, failure backs off and, after
// enough in a row, opens the circuit.
void AgentRuntime::collect(Entry& e, Clock::TimePoint now)
{
    AgentStatus& s = e.status;
    const bool stopped = s.state == AgentState::Stopped;
    try {
        AgentOutcome outcome = *e.running->get();
        for (AgentEvent& event : outcome.events) {
            event.agent = s.name;
            trigger(event, now);
            m_events.push_back(std::move(event));
        }
        ++s.runs;
        s.consecutiveFailures = 0;
        s.circuitOpen = false;
        s.lastSummary = outcome.summary;
        s.lastError.clear();
        if (!stopped)
            s.state = AgentState::Idle, s.nextRun = now + e.interval;
    } catch (const Cancelled&) {
        if (!e.timedOut) {
            s.lastError = "cancelled";
            if (!stopped)
                s.state = AgentState::Idle, s.nextRun = now + e.interval;
        } else {
            failed(e,
                "timed out after "
                    + std::to_string(
                        std::chrono::duration_cast<std::chrono::seconds>(m_options.timeouts.at(s.name)).count())
                    + " s",
                now);
        }
    } catch (const std::exception& error) {
        failed(e, error.what(), now);
    }
    e.timedOut = false;
    e.running.reset();
    if (std::exchange(e.triggeredWhileRunning, false))
        wake(e, now);
}

void AgentRuntime::failed(Entry& e, const std::string& error, Clock::TimePoint now)
{
    AgentStatus& s = e.status;
    ++s.runs, ++s.failures, ++s.consecutiveFailures;
    s.lastError = error;
    if (s.state == AgentState::Stopped)
        return;
    s.state = AgentState::Failing;
    s.circuitOpen = s.consecutiveFailures >= m_options.circuitThreshold;
    const auto backoff = std::min<std::chrono::milliseconds>(
        e.interval * (1LL << std::min(s.consecutiveFailures, 20u)), m_options.maxBackoff);
    s.nextRun = now + (s.circuitOpen ? m_options.circuitCooldown : backoff);
}

std::size_t AgentRuntime::tick()
{
    const std::lock_guard lock(m_mutex);
    const Clock::TimePoint now = m_clock.now();
    std::size_t running = 0;
    for (auto& [name, e] : m_agents) {
        if (e->running && e->running->isReady())
            collect(*e, now);
        if (const auto limit = m_options.timeouts.find(name); limit != m_options.timeouts.end() && e->running
            && !e->timedOut && e->status.lastRun && now - *e->status.lastRun > limit->second) {
            e->timedOut = true; // collected as a failure once it has stopped
            e->running->cancel();
        }
        running += e->running.has_value();
    }
    for (auto& [name, e] : m_agents)
        if ((e->status.state == AgentState::Idle || e->status.state == AgentState::Running) && e->agent->poll())
            wake(*e, now);
    // Over a resource limit, due agents wait (refused, not dropped): they run once usage is back under it.
    std::string over;
    if (m_options.maxMemoryMb && engine::residentBytes() / (1024 * 1024) > m_options.maxMemoryMb)
        over = "resident memory above max_memory_mb (" + std::to_string(m_options.maxMemoryMb) + " MiB)";
    else if (m_options.maxCpuPercent < 100 && m_cpu.percent() > m_options.maxCpuPercent)
        over = "CPU use above max_cpu_percent (" + std::to_string(m_options.maxCpuPercent) + " % of the machine)";
    if (!over.empty()) {
        for (auto& [name, e] : m_agents)
            if (e->status.nextRun && *e->status.nextRun <= now)
                e->status.lastError = "waiting: " + over;
        return 0;
    }
    std::size_t started = 0;
    for (auto& [name, e] : m_agents) {
        AgentStatus& s = e->status;
        const bool ready = s.state == AgentState::Idle || s.state == AgentState::Failing;
        if (!ready || e->running || !s.nextRun || *s.nextRun > now || running >= m_options.maxConcurrent)
            continue;
        const auto spacing = [](double perSecond) {
            return std::chrono::duration_cast<Clock::TimePoint::duration>(std::chrono::duration<double>(1 / perSecond));
        };
        if (m_options.perAgentRunsPerSecond > 0 && s.lastRun
            && now - *s.lastRun < spacing(m_options.perAgentRunsPerSecond))
            continue; // due, waiting for its turn
        if (m_options.globalRunsPerSecond > 0 && m_lastStart
            && now - *m_lastStart < spacing(m_options.globalRunsPerSecond))
            break;
        m_lastStart = now;
        s.state = AgentState::Running;
        s.lastRun = now;
        s.nextRun.reset();
        e->running = engine::runTask(m_pool, "agent." + name,
            [agent = e->agent](const engine::TaskContext& context) { return agent->run(context); });
        ++running, ++started;
    }
    return started;
}

void AgentRuntime::waitIdle()
{
    std::vector<engine::Task<AgentOutcome>> running;
    {
        const std::lock_guard lock(m_mutex);
        for (auto& [name, e] : m_agents)
            if (e->running)
                running.push_back(*e->running);
    }
    for (const auto& task : running)
        task.waitFor(std::chrono::hours(24));
    const std::lock_guard lock(m_mutex);
    const Clock::TimePoint now = m_clock.now();
    for (auto& [name, e] : m_agents)
        if (e->running && e->running->isReady())
            collect(*e, now);
}

std::vector<AgentStatus> AgentRuntime::status() const
{
    const std::lock_guard lock(m_mutex);
    std::vector<AgentStatus> all;
    for (const auto& [name, e] : m_agents)
        all.push_back(e->status);
    return all;
}

AgentStatus AgentRuntime::status(const std::string& name) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_agents.find(name);
    if (it == m_agents.end())
        throw Error("no agent \"" + name + "\"");
    return it->second->status;
}

} // namespace evograph::agents
