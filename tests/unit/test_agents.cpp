// The agent runtime on a manual clock: schedules, the config's enablement, backoff and the
// circuit breaker, the concurrency limit, stop cancelling a run, and 8 agents ticked 1,000 times
// with nothing run twice at once and every run counted (also under TSan: sanitized.thread).
#include "evograph/agents/runtime.h"
#include "evograph/error.h"

#include <catch2/catch_test_macros.hpp>

#include <atomic>
#include <thread>

using namespace evograph;
using namespace evograph::agents;
using namespace std::chrono_literals;

namespace {
// Counts its runs, fails while told to, and notices a second run starting before one ends.
class CountingAgent final : public Agent {
public:
    explicit CountingAgent(std::string name, AgentClass agentClass = AgentClass::ReadOnly)
        : m_name(std::move(name))
        , m_class(agentClass)
    {
    }
    std::string name() const override { return m_name; }
    std::string description() const override { return "counts its runs"; }
    AgentClass agentClass() const override { return m_class; }
    AgentOutcome run(const engine::TaskContext& context) override
    {
        if (m_inside.exchange(true))
            m_overlaps.fetch_add(1);
        struct Leave {
            std::atomic<bool>& inside;
            ~Leave() { inside.store(false); }
        } leave {m_inside};
        while (m_block.load()) {
            context.checkpoint(); // throws Cancelled once stopped
            std::this_thread::sleep_for(1ms);
        }
        const int n = m_runs.fetch_add(1) + 1;
        if (m_failing.load())
            throw Error("the source is unreachable");
        return {"run " + std::to_string(n), {}};
    }

    std::atomic<int> m_runs {0}, m_overlaps {0};
    std::atomic<bool> m_failing {false}, m_block {false}, m_inside {false};

private:
    std::string m_name;
    AgentClass m_class;
};

config::AgentsConfig enabling(std::vector<std::string> names)
{
    config::AgentsConfig c;
    c.enabled = std::move(names);
    return c;
}

struct Fixture {
    engine::ThreadPool pool {2};
    ManualClock clock;
};
} // namespace

TEST_CASE("agents run at once, then every interval on the clock", "[agents]")
{
    Fixture f;
    AgentRuntime runtime(f.pool, f.clock, enabling({"validator"}));
    auto agent = std::make_unique<CountingAgent>("validator");
    CountingAgent& counted = *agent;
    runtime.add(std::move(agent), 60s);
    CHECK(runtime.tick() == 1);
    runtime.waitIdle();
    CHECK(counted.m_runs == 1);
    CHECK(runtime.status("validator").state == AgentState::Idle);
    CHECK(runtime.status("validator").lastSummary == "run 1");
    f.clock.advance(59s);
    CHECK(runtime.tick() == 0);
    f.clock.advance(1s);
    CHECK(runtime.tick() == 1);
    runtime.waitIdle();
    CHECK(runtime.status("validator").runs == 2);
}

TEST_CASE("agents the config does not enable never run; recovery_agent only when named", "[agents]")
{
    Fixture f;
    AgentRuntime runtime(f.pool, f.clock, enabling({"*"}));
    runtime.add(std::make_unique<CountingAgent>("graph_monitor"), 1s);
    runtime.add(std::make_unique<CountingAgent>("recovery_agent", AgentClass::Destructive), 1s);
    CHECK(runtime.tick() == 1);
    runtime.waitIdle();
    CHECK(runtime.status("recovery_agent").state == AgentState::Disabled);
    CHECK(runtime.status("recovery_agent").runs == 0);
    CHECK_THROWS_AS(runtime.start("recovery_agent"), Error);
    CHECK_THROWS_AS(runtime.start("nobody"), Error);
}

TEST_CASE("a failing agent backs off, then its circuit opens until the cooldown", "[agents]")
{
    Fixture f;
    RuntimeOptions options;
    options.circuitThreshold = 3;
    options.circuitCooldown = 1h;
    AgentRuntime runtime(f.pool, f.clock, enabling({"graph_monitor"}), options);
    auto agent = std::make_unique<CountingAgent>("graph_monitor");
    CountingAgent& counted = *agent;
    counted.m_failing = true;
    runtime.add(std::move(agent), 10s);
    runtime.tick();
    runtime.waitIdle();
    AgentStatus s = runtime.status("graph_monitor");
    CHECK(s.state == AgentState::Failing);
    CHECK(s.lastError.find("the source is unreachable") != std::string::npos);
    CHECK(*s.nextRun - f.clock.now() == 20s); // the interval doubled
    f.clock.advance(20s);
    runtime.tick();
    runtime.waitIdle();
    CHECK(*runtime.status("graph_monitor").nextRun - f.clock.now() == 40s);
    f.clock.advance(40s);
    runtime.tick();
    runtime.waitIdle();
    s = runtime.status("graph_monitor");
    CHECK(s.circuitOpen);
    CHECK(*s.nextRun - f.clock.now() == 1h);
    f.clock.advance(59min);
    CHECK(runtime.tick() == 0);
    counted.m_failing = false;
    f.clock.advance(1min);
    CHECK(runtime.tick() == 1);
    runtime.waitIdle();
    s = runtime.status("graph_monitor");
    CHECK(s.state == AgentState::Idle);
    CHECK_FALSE(s.circuitOpen);
    CHECK(s.consecutiveFailures == 0);
    CHECK(s.failures == 3);
}

TEST_CASE("stop cancels a running agent; start makes it due again", "[agents]")
{
    Fixture f;
    AgentRuntime runtime(f.pool, f.clock, enabling({"validator"}));
    auto agent = std::make_unique<CountingAgent>("validator");
    CountingAgent& counted = *agent;
    counted.m_block = true;
    runtime.add(std::move(agent), 1s);
    runtime.tick();
    CHECK(runtime.status("validator").state == AgentState::Running);
    runtime.stop("validator");
    runtime.waitIdle();
    CHECK(runtime.status("validator").state == AgentState::Stopped);
    CHECK(runtime.status("validator").lastError == "cancelled");
    f.clock.advance(1h);
    CHECK(runtime.tick() == 0); // stopped agents stay stopped
    counted.m_block = false;
    runtime.start("validator");
    CHECK(runtime.tick() == 1);
    runtime.waitIdle();
    CHECK(runtime.status("validator").runs == 1);
    CHECK(counted.m_overlaps == 0);
}

TEST_CASE("8 agents ticked 1,000 times: at most max_concurrent at once, no run twice, all counted", "[agents]")
{
    Fixture f;
    RuntimeOptions options;
    options.maxConcurrent = 3;
    AgentRuntime runtime(f.pool, f.clock, enabling({"*"}), options);
    std::vector<CountingAgent*> agents;
    for (const std::string& name : config::kAgentNames) {
        if (name == "recovery_agent")
            continue;
        auto agent = std::make_unique<CountingAgent>(name);
        agents.push_back(agent.get());
        runtime.add(std::move(agent), 5ms);
    }
    auto extra = std::make_unique<CountingAgent>("recovery_agent", AgentClass::Destructive);
    agents.push_back(extra.get());
    runtime.add(std::move(extra), 5ms);
    runtime.start("graph_monitor"); // already running: a no-op
    std::size_t started = 0;
    for (int i = 0; i < 1000; ++i) {
        const std::size_t now = runtime.tick();
        started += now;
        std::size_t running = 0;
        for (const AgentStatus& s : runtime.status())
            running += s.state == AgentState::Running;
        REQUIRE(running <= 3);
        f.clock.advance(1ms);
        if (i % 100 == 0)
            runtime.waitIdle();
    }
    runtime.waitIdle();
    std::uint64_t counted = 0, recorded = 0;
    for (CountingAgent* a : agents) {
        CHECK(a->m_overlaps == 0);
        counted += static_cast<std::uint64_t>(a->m_runs.load());
    }
    for (const AgentStatus& s : runtime.status())
        recorded += s.runs;
    CHECK(counted == started);
    CHECK(recorded == started);
    CHECK(agents.back()->m_runs == 0); // recovery_agent is not enabled by "*"
    // At least 3 start after each of the 10 waits (all idle and due then); more however busy the
    // machine is, so the bound holds under any load.
    CHECK(started >= 30);
}

namespace {
// Works off a shared inbox as an agent works off its checkpoint: each run takes every item not
// yet taken, so a run triggered while one is busy is needed for the items that came meanwhile.
class InboxAgent final : public Agent {
public:
    InboxAgent(std::string name, std::atomic<int>& posted)
        : m_name(std::move(name))
        , m_posted(posted)
    {
    }
    std::string name() const override { return m_name; }
    std::string description() const override { return "takes what was posted"; }
    AgentClass agentClass() const override { return AgentClass::ReadOnly; }
    std::vector<std::string> triggers() const override { return {"posted"}; }
    AgentOutcome run(const engine::TaskContext&) override
    {
        if (m_inside.exchange(true))
            m_overlaps.fetch_add(1);
        const int upTo = m_posted.load();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        m_taken.store(upTo);
        m_runs.fetch_add(1);
        m_inside.store(false);
        return {"took up to " + std::to_string(upTo), {{"taken", m_name, {{"items", double(upTo)}}, {}}}};
    }
    std::atomic<int> m_taken {0}, m_runs {0}, m_overlaps {0};
    std::atomic<bool> m_inside {false};

private:
    std::string m_name;
    std::atomic<int>& m_posted;
};
} // namespace

TEST_CASE("an event makes the agents that trigger on it due at once; its values reach drainEvents", "[agents]")
{
    Fixture f;
    std::atomic<int> posted {0};
    AgentRuntime runtime(f.pool, f.clock, enabling({"*"}));
    auto inbox = std::make_unique<InboxAgent>("validator", posted);
    InboxAgent& agent = *inbox;
    runtime.add(std::move(inbox), std::chrono::hours(1));
    runtime.tick(); // the first run, at once
    runtime.waitIdle();
    REQUIRE(agent.m_runs == 1);
    runtime.tick();
    runtime.waitIdle();
    CHECK(agent.m_runs == 1); // not due for an hour
    posted = 5;
    runtime.publish({"posted", "5 items", {}, {}});
    runtime.publish({"unrelated", "", {}, {}});
    runtime.tick();
    runtime.waitIdle();
    CHECK(agent.m_runs == 2);
    CHECK(agent.m_taken == 5);
    const std::vector<AgentEvent> events = runtime.drainEvents();
    REQUIRE(events.size() == 4); // two runs' "taken", two published
    CHECK(events.back().text() == "taken validator (items 5)");
    CHECK(events.back().agent == "validator");
    CHECK(runtime.drainEvents().empty());
}

TEST_CASE("1,000 events to 8 agents: none lost (each agent ends with all), none run twice at once", "[agents]")
{
    Fixture f;
    std::atomic<int> posted {0};
    RuntimeOptions options;
    options.maxConcurrent = 3;
    AgentRuntime runtime(f.pool, f.clock, enabling({"*"}), options);
    std::vector<InboxAgent*> agents;
    for (int i = 0; i < 8; ++i) {
        auto agent = std::make_unique<InboxAgent>(i == 7 ? "recovery_agent" : "agent" + std::to_string(i), posted);
        agents.push_back(agent.get());
        runtime.add(std::move(agent), std::chrono::hours(1)); // only the events make them run
    }
    runtime.setEnabled("recovery_agent", true);
    for (int i = 1; i <= 1000; ++i) {
        posted.store(i);
        runtime.publish({"posted", std::to_string(i), {}, {}});
        runtime.tick();
        if (i % 97 == 0)
            std::this_thread::sleep_for(std::chrono::microseconds(300));
    }
    for (int i = 0; i < 50; ++i) { // the runs triggered while busy
        runtime.waitIdle();
        runtime.tick();
    }
    runtime.waitIdle();
    for (InboxAgent* a : agents) {
        CHECK(a->m_taken == 1000);
        CHECK(a->m_overlaps == 0);
    }
}

TEST_CASE("setEnabled at run time: disabling stops and cancels, enabling makes it due", "[agents]")
{
    Fixture f;
    AgentRuntime runtime(f.pool, f.clock, enabling({"validator"}));
    auto counting = std::make_unique<CountingAgent>("validator");
    CountingAgent& agent = *counting;
    runtime.add(std::move(counting), 10s);
    runtime.setEnabled("validator", false);
    runtime.tick();
    runtime.waitIdle();
    CHECK(agent.m_runs == 0);
    CHECK(runtime.status("validator").state == AgentState::Disabled);
    CHECK_THROWS_AS(runtime.runNow("validator"), Error);
    runtime.setEnabled("validator", true);
    runtime.tick();
    runtime.waitIdle();
    CHECK(agent.m_runs == 1);
}

TEST_CASE(
    "[performance]: a run past its agent's timeout is cancelled as a failure; rate limits space the runs", "[agents]")
{
    Fixture f;
    RuntimeOptions options;
    options.timeouts["validator"] = 5s;
    options.perAgentRunsPerSecond = 1;
    AgentRuntime runtime(f.pool, f.clock, enabling({"*"}), options);
    auto blocking = std::make_unique<CountingAgent>("validator");
    CountingAgent& slow = *blocking;
    slow.m_block = true;
    runtime.add(std::move(blocking), 10ms);
    auto quick = std::make_unique<CountingAgent>("security_agent");
    CountingAgent& fast = *quick;
    runtime.add(std::move(quick), 10ms);
    runtime.tick();
    f.clock.advance(4s);
    runtime.tick();
    CHECK(runtime.status("validator").state == AgentState::Running); // not yet
    f.clock.advance(2s);
    runtime.tick(); // past 5 s: cancelled
    runtime.waitIdle();
    const AgentStatus s = runtime.status("validator");
    CHECK(s.state == AgentState::Failing);
    CHECK(s.lastError == "timed out after 5 s");
    CHECK(s.failures == 1);
    slow.m_block = false; // its retries finish from now on
    // security_agent, due every 10 ms, started at most once a second over 3 s of ticks.
    const int before = fast.m_runs.load();
    for (int i = 0; i < 300; ++i) {
        f.clock.advance(10ms);
        runtime.tick();
        runtime.waitIdle();
    }
    CHECK(fast.m_runs.load() - before >= 2);
    CHECK(fast.m_runs.load() - before <= 4);
}

TEST_CASE("max_cpu_percent: due agents wait while the process is busier than the limit, then run", "[agents]")
{
    Fixture f;
    RuntimeOptions options;
    options.maxCpuPercent = 5;
    AgentRuntime runtime(f.pool, f.clock, enabling({"validator"}), options);
    auto agent = std::make_unique<CountingAgent>("validator");
    CountingAgent& counted = *agent;
    runtime.add(std::move(agent), 60s);
    {
        // Every core busy for this process for a second: far above 5 %.
        std::atomic<bool> spin {true};
        std::vector<std::thread> burners;
        for (unsigned i = 0; i < std::max(1u, std::thread::hardware_concurrency()); ++i)
            burners.emplace_back([&] {
                volatile std::uint64_t x = 0;
                while (spin.load(std::memory_order_relaxed))
                    x = x + 1;
            });
        std::this_thread::sleep_for(700ms);
        CHECK(runtime.tick() == 0);
        CHECK(runtime.status("validator").lastError.find("max_cpu_percent (5 %") != std::string::npos);
        spin = false;
        for (std::thread& t : burners)
            t.join();
    }
    std::this_thread::sleep_for(700ms); // a quiet window
    CHECK(runtime.tick() == 1);
    runtime.waitIdle();
    CHECK(counted.m_runs == 1);
}
