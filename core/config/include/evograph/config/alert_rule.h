#pragma once
// An alert rule, Prometheus-like: [[alerts]] in the config file. Its expression compares one
// reading of a metric or an event value with a number:
//
//   breaking_changes > 0                  the latest value (an agent's event value or a gauge)
//   p95(diff.latency) > 1000              a quantile of the samples of the last 5 minutes
//   p99(diff.latency[1m]) >= 250          ... of the last minute
//   rate(agent.failures[5m]) > 0          per second: the increase of a counter over the window
//   avg_over_time(queue.depth[5m]) > 10   also min_, max_, sum_ and count_over_time
//
// The expression is parsed when the file is read, so a typo is an error at its FILE:LINE:COL.

#include "evograph/error.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace evograph::config {

struct AlertExpression {
    enum class Function : std::uint8_t {
        Latest,
        P50,
        P90,
        P95,
        P99,
        Min,
        Max,
        Avg,
        Rate,
        MinOverTime,
        MaxOverTime,
        AvgOverTime,
        SumOverTime,
        CountOverTime
    };
    enum class Comparison : std::uint8_t { Greater, GreaterOrEqual, Less, LessOrEqual, Equal, NotEqual };
    Function function = Function::Latest;
    std::string metric; // "diff.latency", "breaking_changes"
    std::chrono::seconds window {300}; // for every function but Latest
    Comparison comparison = Comparison::Greater;
    double threshold = 0;

    bool holds(double value) const;
    std::string text() const; // as written, normalised: "p95(diff.latency[5m]) > 1000"
};

// Throws evograph::Error at `where` (moved along to the offending character) for a malformed
// expression, naming what was expected.
AlertExpression parseAlertExpression(std::string_view text, const SourcePosition& where);

struct AlertRule {
    std::string name;
    AlertExpression expr;
    std::chrono::seconds forDuration {0}; // true this long before it fires (pending meanwhile)
    std::chrono::seconds keepFiringFor {0}; // still firing this long after it stops being true
    std::string severity = "warning"; // info | warning | critical
    std::map<std::string, std::string> annotations; // summary, description, runbook_url, ...
    // "notify" (log and studio notification), "webhook:URL" (JSON POST, Slack-compatible),
    // "agent:NAME" (runs the agent now).
    std::vector<std::string> actions {"notify"};
    SourcePosition where;
};

// "90s", "5m", "2h", "1d" (or a bare number of seconds) as a duration; throws at `where`.
std::chrono::seconds parseDuration(std::string_view text, const SourcePosition& where);

} // namespace evograph::config
