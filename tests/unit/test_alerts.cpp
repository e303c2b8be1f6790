// Alert rules on a manual clock: the expression language, pending -> firing after `for`,
// keep_firing_for, resolved, a quantile over the histogram counts of the window only, rate, and
// no data never firing; and the [[alerts]] / [agents.graph_monitor] tables of the config file.
#include "evograph/agents/alert_evaluator.h"
#include "evograph/config/config.h"

#include "config_errors.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <cmath>

using namespace evograph;
using namespace evograph::agents;
using namespace std::chrono_literals;
using Catch::Matchers::ContainsSubstring;

namespace {
config::AlertRule rule(const std::string& name, const std::string& expr, std::chrono::seconds forDuration = 0s,
    std::chrono::seconds keepFiringFor = 0s)
{
    config::AlertRule r;
    r.name = name;
    r.expr = config::parseAlertExpression(expr, {});
    r.forDuration = forDuration;
    r.keepFiringFor = keepFiringFor;
    return r;
}

} // namespace

TEST_CASE("alert expressions: functions, windows and comparisons; typos are errors at their column", "[alerts]")
{
    const config::AlertExpression e = config::parseAlertExpression("p95(diff.latency) > 1000", {});
    CHECK(e.function == config::AlertExpression::Function::P95);
    CHECK(e.metric == "diff.latency");
    CHECK(e.window == 300s);
    CHECK(e.text() == "p95(diff.latency[5m]) > 1000");
    CHECK(config::parseAlertExpression("rate(agent.failures[90s]) >= 0.5", {}).text()
        == "rate(agent.failures[90s]) >= 0.5");
    CHECK(config::parseAlertExpression("breaking_changes>0", {}).text() == "breaking_changes > 0");
    CHECK(config::parseAlertExpression("avg_over_time(pool.queued[1h]) != 2", {}).window == 3600s);

    CHECK_THAT(test::configError("[[alerts]]\nname = \"x\"\nexpr = \"p95(diff.latency) >> 3\"\n"),
        ContainsSubstring("evograph.toml:3:28: error: alert expression \"p95(diff.latency) >> 3\": expected a number"));
    CHECK_THAT(test::configError("[[alerts]]\nname = \"x\"\nexpr = \"p42(diff.latency) > 3\"\n"),
        ContainsSubstring("no function \"p42\" (evograph has p50, p90, p95, p99"));
    CHECK_THAT(test::configError("[[alerts]]\nname = \"x\"\nexpr = \"rate(x[5 minutes]) > 3\"\n"),
        ContainsSubstring("\"5 minutes\" is not a duration"));
}

TEST_CASE("alerts go pending, fire after `for`, keep firing for `keep_firing_for`, then resolve", "[alerts]")
{
    ManualClock clock;
    AlertEvaluator alerts({rule("breaking", "breaking_changes > 0", 60s, 120s)});
    CHECK(alerts.evaluate(clock.now()).empty()); // no data: inactive, and nothing to record
    alerts.observe({"validated", "ontology@2", {{"breaking_changes", 2}}, "validator"}, clock.now());
    auto changed = alerts.evaluate(clock.now());
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].state == AlertState::Pending);
    clock.advance(30s);
    CHECK(alerts.evaluate(clock.now()).empty());
    clock.advance(30s);
    changed = alerts.evaluate(clock.now());
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].state == AlertState::Firing);
    CHECK(changed[0].value == 2);
    alerts.observe("breaking_changes", 0, clock.now()); // the next version is clean
    clock.advance(119s);
    CHECK(alerts.evaluate(clock.now()).empty()); // still firing: keep_firing_for
    clock.advance(1s);
    changed = alerts.evaluate(clock.now());
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].state == AlertState::Resolved);
    clock.advance(1s);
    CHECK(alerts.evaluate(clock.now()).empty()); // back at rest without a record
    CHECK(alerts.alerts()[0].state == AlertState::Inactive);
}

TEST_CASE("a firing alert taken up after a restart neither fires again nor stays firing for ever", "[alerts]")
{
    ManualClock clock;
    const auto restarted = [&] {
        AlertEvaluator alerts({rule("breaking", "breaking_changes > 0", 0s, 60s)});
        alerts.restore("breaking", AlertState::Firing, clock.now());
        alerts.restore("no such rule", AlertState::Firing, clock.now()); // ignored
        return alerts;
    };
    AlertEvaluator stillTrue = restarted();
    CHECK(stillTrue.alerts()[0].state == AlertState::Firing);
    stillTrue.observe("breaking_changes", 3, clock.now());
    CHECK(stillTrue.evaluate(clock.now()).empty()); // firing as before: no second "firing" record

    AlertEvaluator noData = restarted();
    clock.advance(600s);
    CHECK(noData.evaluate(clock.now()).empty()); // nothing read since the restart: still firing
    CHECK(noData.alerts()[0].state == AlertState::Firing);

    AlertEvaluator cleared = restarted();
    cleared.observe("breaking_changes", 0, clock.now());
    CHECK(cleared.evaluate(clock.now()).empty()); // keep_firing_for from the restart
    clock.advance(60s);
    const auto changed = cleared.evaluate(clock.now());
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].state == AlertState::Resolved);
}

TEST_CASE("a pending alert whose expression stops holding goes back to inactive without firing", "[alerts]")
{
    ManualClock clock;
    AlertEvaluator alerts({rule("queue", "pool.queued > 10", 60s)});
    alerts.observe("pool.queued", 50, clock.now());
    REQUIRE(alerts.evaluate(clock.now()).at(0).state == AlertState::Pending);
    clock.advance(10s);
    alerts.observe("pool.queued", 3, clock.now());
    const auto changed = alerts.evaluate(clock.now());
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].state == AlertState::Inactive);
}

TEST_CASE("p95 over a histogram covers what was recorded in the window only, in milliseconds", "[alerts]")
{
    ManualClock clock;
    const config::AlertExpression p95 = config::parseAlertExpression("p95(diff.latency[1m]) > 100", {});
    AlertEvaluator alerts({});
    engine::Histogram histogram;
    const auto reading = [&] {
        engine::MetricsSnapshot s;
        s.buckets["diff.latency"] = histogram.buckets();
        s.histograms["diff.latency"].count = histogram.count();
        return s;
    };
    alerts.observe(reading(), clock.now());
    CHECK(std::isnan(alerts.read(p95, clock.now()))); // nothing recorded yet
    for (int i = 0; i < 100; ++i)
        histogram.record(500'000); // 500 ms each
    clock.advance(10s);
    alerts.observe(reading(), clock.now());
    CHECK(alerts.read(p95, clock.now()) > 450);
    CHECK(alerts.read(p95, clock.now()) < 550);
    for (int i = 0; i < 1000; ++i)
        histogram.record(2'000); // 2 ms each, two minutes later
    clock.advance(120s);
    alerts.observe(reading(), clock.now());
    CHECK(alerts.read(p95, clock.now()) < 3); // the slow ones are out of the window
}

TEST_CASE("rate is a counter's increase per second over the window; avg and count over time", "[alerts]")
{
    ManualClock clock;
    AlertEvaluator alerts({});
    for (int i = 0; i <= 10; ++i) {
        alerts.observe("agent.failures", 3.0 * i, clock.now());
        clock.advance(10s);
    }
    const auto now = clock.now() - 10s;
    CHECK(alerts.read(config::parseAlertExpression("rate(agent.failures[5m]) > 0", {}), now) == 0.3);
    CHECK(alerts.read(config::parseAlertExpression("avg_over_time(agent.failures[30s]) > 0", {}), now) == 25.5);
    CHECK(alerts.read(config::parseAlertExpression("count_over_time(agent.failures[1m]) > 0", {}), now) == 7);
    CHECK(alerts.read(config::parseAlertExpression("agent.failures > 0", {}), now) == 30);
    CHECK(std::isnan(alerts.read(config::parseAlertExpression("other > 0", {}), now)));
}

TEST_CASE("config: [[alerts]] and [agents.graph_monitor] watch, with their errors", "[alerts][config]")
{
    const config::Config c = config::parseConfig(R"(
[agents.graph_monitor]
watch = [{ path = "incoming/", graph = "ontology" },
         { url = "https://example.org/o.ttl", graph = "remote", interval_seconds = 30 }]

[[alerts]]
name = "slow-diff"
expr = "p95(diff.latency) > 1000"
for = "5m"
keep_firing_for = "10m"
severity = "critical"
annotations = { summary = "diffs are slow", runbook_url = "https://example.org/runbook" }
actions = ["notify", "webhook:https://hooks.example.org/x", "agent:recovery_agent"]
)",
        "evograph.toml");
    REQUIRE(c.agents.watch.size() == 2);
    CHECK(c.agents.watch[0].path == "incoming/");
    CHECK(c.agents.watch[1].interval == 30s);
    REQUIRE(c.alerts.size() == 1);
    const config::AlertRule& r = c.alerts[0];
    CHECK((r.forDuration == 300s && r.keepFiringFor == 600s && r.severity == "critical"));
    CHECK(r.annotations.at("summary") == "diffs are slow");
    CHECK(r.actions.size() == 3);
    CHECK(r.where.line == 6);
    CHECK(c.warnings.empty());

    CHECK_THAT(
        test::configError("[[alerts]]\nname = \"a\"\nexpr = \"x > 1\"\n[[alerts]]\nname = \"a\"\nexpr = \"y > 1\"\n"),
        ContainsSubstring("evograph.toml:5:8: error: alerts[1].name: \"a\" is the name of another alert"));
    CHECK_THAT(test::configError("[[alerts]]\nname = \"a\"\nexpr = \"x > 1\"\nactions = [\"email\"]\n"),
        ContainsSubstring("alerts[0].actions: expected \"notify\", \"webhook:URL\""));
    CHECK_THAT(test::configError("[[alerts]]\nname = \"a\"\nexpr = \"x > 1\"\nactions = [\"agent:janitor\"]\n"),
        ContainsSubstring("evograph has no agent \"janitor\""));
    CHECK_THAT(test::configError("[[alerts]]\nname = \"a\"\n"), ContainsSubstring("alerts[0].expr: is required"));
    CHECK_THAT(test::configError("[agents.graph_monitor]\nwatch = [{ graph = \"o\" }]\n"),
        ContainsSubstring("give exactly one of path (a file or folder) and url"));
    CHECK_THAT(test::configError("[agents.graph_monitor]\nwatch = [{ url = \"ftp://x/o.ttl\", graph = \"o\" }]\n"),
        ContainsSubstring("only http:// and https:// URLs are watched"));
    const config::Config unknown = config::parseConfig(
        "[agents.graph_monitor]\nfolders = [\"x\"]\n[agents.template_executor]\n", "evograph.toml");
    REQUIRE(unknown.warnings.size() == 2);
}

TEST_CASE("config: the seed's [performance] tables: rate limits and timeouts for the agents", "[config]")
{
    const config::Config c = config::parseConfig(R"([performance]
max_concurrent_generations = 5
[performance.rate_limiting]
global_requests_per_second = 100
per_agent_requests_per_second = 10
[performance.timeouts]
generation_timeout_seconds = 30
validation_timeout_seconds = 10
graph_query_timeout_seconds = 5
consensus_timeout_seconds = 2
)",
        "evograph.toml");
    CHECK(c.agents.globalRunsPerSecond == 100);
    CHECK(c.agents.perAgentRunsPerSecond == 10);
    CHECK(c.agents.timeoutSeconds.at("validator") == 10);
    CHECK(c.agents.timeoutSeconds.at("migration_planner") == 30);
    CHECK(c.agents.timeoutSeconds.at("graph_monitor") == 5);
    REQUIRE(c.warnings.size() == 2); // max_concurrent_generations, consensus_timeout_seconds
    CHECK_THAT(
        config::formatWarning(c.warnings[0]), ContainsSubstring("performance.timeouts.consensus_timeout_seconds"));
    CHECK_THAT(config::formatWarning(c.warnings[1]), ContainsSubstring("performance.max_concurrent_generations"));
    CHECK_THAT(test::configError("[performance.timeouts]\nvalidation_timeout_seconds = 0\n"),
        ContainsSubstring("performance.timeouts.validation_timeout_seconds"));
}
