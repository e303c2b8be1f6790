#pragma once
// Evaluates the config's [[alerts]] over what it is fed: the engine's metrics (a reading per
// tick: counters, gauges, and each latency histogram's counts, so quantiles cover exactly the
// window) and the values of the agents' events (the validator's breaking_changes). Samples older
// than the longest window are dropped.
//
// A rule's state goes inactive -> pending (its expression holds, `for` not yet elapsed) -> firing
// -> resolved (it stopped holding `keep_firing_for` ago) -> inactive; without `for` it fires at
// once. evaluate() returns the changes, which the caller records and acts upon.

#include "evograph/agents/agent.h"
#include "evograph/agents/clock.h"
#include "evograph/config/alert_rule.h"
#include "evograph/engine/metrics.h"

#include <deque>
#include <map>
#include <optional>

namespace evograph::agents {

enum class AlertState : std::uint8_t { Inactive, Pending, Firing, Resolved };
std::string_view toString(AlertState state); // "inactive", "pending", "firing", "resolved"

struct AlertStatus {
    config::AlertRule rule;
    AlertState state = AlertState::Inactive;
    std::optional<Clock::TimePoint> since; // of the current state
    std::optional<Clock::TimePoint> lastTrue; // when the expression last held
    double value = 0; // the expression's last reading (NaN: no data)
    bool restored = false; // taken up after a restart: firing until its expression reads data again
};

class AlertEvaluator {
public:
    explicit AlertEvaluator(std::vector<config::AlertRule> rules);

    void observe(const std::string& metric, double value, Clock::TimePoint at);
    void observe(const AgentEvent& event, Clock::TimePoint at); // each of its values
    void observe(const engine::MetricsSnapshot& metrics, Clock::TimePoint at);

    // Takes up a rule's state as it was recorded before a restart: a rule that was firing is firing
    // again (since `at`) and stays so while its expression has no data (the samples did not survive
    // the restart); it resolves, recorded and notified, only once it reads data that does not hold,
    // and it does not fire a second time. Unknown names and other states are ignored.
    void restore(const std::string& name, AlertState state, Clock::TimePoint at);

    // The rules whose state changed, as they are now.
    std::vector<AlertStatus> evaluate(Clock::TimePoint now);
    const std::vector<AlertStatus>& alerts() const { return m_alerts; }

    // The expression's reading now; NaN when the metric has no sample in the window.
    double read(const config::AlertExpression& expr, Clock::TimePoint now) const;

private:
    struct Sample {
        Clock::TimePoint at;
        double value = 0;
        std::optional<engine::Histogram::Buckets> buckets; // a histogram's counts since the last reading
    };
    std::vector<AlertStatus> m_alerts;
    std::map<std::string, std::deque<Sample>> m_series;
    std::map<std::string, engine::Histogram::Buckets> m_lastBuckets; // to turn readings into intervals
    std::chrono::seconds m_keep {300};
    void append(const std::string& metric, Sample sample);
};

} // namespace evograph::agents
