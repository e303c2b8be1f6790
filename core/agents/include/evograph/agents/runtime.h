#pragma once
// Runs agents on their schedules as engine tasks. The caller drives it: tick() (from `serve`'s
// loop or the studio's timer, or a test with a ManualClock) collects finished runs and starts
// those due, at most `maxConcurrent` at once. A failing agent backs off (its interval doubled per
// consecutive failure, up to `maxBackoff`); after `circuitThreshold` failures in a row its circuit
// opens and it rests for `circuitCooldown` before one more try. Agents the config does not enable
// are Disabled and never run; stop() cancels a running one.
//
// Events: what a run reports (AgentOutcome::events) or publish() brings in makes every agent that
// triggers on its kind due at once; an agent busy when triggered runs once more after, so no event
// is lost, and since each agent works from its checkpoint a second run never repeats work. The
// events are kept for drainEvents() (serve prints them, the alert rules read their values).
// Above `maxMemoryMb` of resident memory no new run starts. Run starts are spaced by the rate
// limits (a due run waits for its turn); a run longer than its agent's timeout is cancelled and
// counts as a failure ("timed out after N s").

#include "evograph/agents/agent.h"
#include "evograph/agents/clock.h"
#include "evograph/config/config.h"
#include "evograph/engine/process_usage.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace evograph::agents {

enum class AgentState : std::uint8_t { Stopped, Idle, Running, Failing, Disabled };
std::string_view toString(AgentState state); // "stopped", "idle", ...

struct AgentStatus {
    std::string name, description;
    AgentClass agentClass = AgentClass::ReadOnly;
    AgentState state = AgentState::Stopped;
    std::uint64_t runs = 0, failures = 0;
    unsigned consecutiveFailures = 0;
    bool circuitOpen = false;
    std::string lastSummary, lastError;
    std::vector<std::string> triggers; // event kinds it reacts to
    std::optional<Clock::TimePoint> lastRun, nextRun;
};

struct RuntimeOptions {
    std::size_t maxConcurrent = 4; // [agents.resource_limits] max_concurrent_operations
    std::chrono::milliseconds maxBackoff = std::chrono::minutes(15);
    unsigned circuitThreshold = 5;
    std::chrono::milliseconds circuitCooldown = std::chrono::minutes(30);
    std::uint64_t maxMemoryMb = 0; // [agents.resource_limits] max_memory_mb; 0: no ceiling
    // [agents.resource_limits] max_cpu_percent: no agent starts while the process uses more of the
    // machine's CPU than this (measured over half a second); 100: no ceiling.
    unsigned maxCpuPercent = 100;
    double globalRunsPerSecond = 0, perAgentRunsPerSecond = 0; // [performance.rate_limiting]; 0: none
    std::map<std::string, std::chrono::milliseconds> timeouts; // [performance.timeouts], by agent
};

// The options the config's [agents.resource_limits] give.
RuntimeOptions runtimeOptions(const config::AgentsConfig& config);

class AgentRuntime {
public:
    AgentRuntime(
        engine::ThreadPool& pool, const Clock& clock, config::AgentsConfig config, RuntimeOptions options = {});
    ~AgentRuntime(); // cancels and waits for running agents
    AgentRuntime(const AgentRuntime&) = delete;
    AgentRuntime& operator=(const AgentRuntime&) = delete;

    // Registers an agent run every `interval`, first at once. Enabled agents start Idle.
    void add(std::unique_ptr<Agent> agent, std::chrono::milliseconds interval);
    // Throws evograph::Error for an unknown name, or for start() of an agent the config disables.
    void start(const std::string& name);
    void stop(const std::string& name);
    // Makes an enabled agent due now (it runs at the next tick).
    void runNow(const std::string& name);
    // Enables or disables at run time (the workspace's agents.NAME.enabled); disabling stops it.
    void setEnabled(const std::string& name, bool enabled);

    // An event from outside the agents (an alert firing): triggers as a run's events do.
    void publish(AgentEvent event);
    // The events since the last call, oldest first.
    std::vector<AgentEvent> drainEvents();

    // Collects finished runs and starts the due ones; returns how many it started.
    std::size_t tick();
    // Waits for the running agents to finish and collects them (tests, shutdown).
    void waitIdle();

    std::vector<AgentStatus> status() const;
    AgentStatus status(const std::string& name) const;

private:
    struct Entry;
    Entry& entry(const std::string& name);
    void collect(Entry& e, Clock::TimePoint now);
    void failed(Entry& e, const std::string& error, Clock::TimePoint now); // backoff and circuit
    void trigger(const AgentEvent& event, Clock::TimePoint now); // with m_mutex held
    static void wake(Entry& e, Clock::TimePoint now);

    engine::ThreadPool& m_pool;
    const Clock& m_clock;
    config::AgentsConfig m_config;
    RuntimeOptions m_options;
    mutable std::mutex m_mutex;
    std::map<std::string, std::unique_ptr<Entry>> m_agents;
    std::vector<AgentEvent> m_events;
    std::optional<Clock::TimePoint> m_lastStart; // of any agent, for the global rate limit
    engine::CpuMeter m_cpu; // for max_cpu_percent
};

} // namespace evograph::agents
