#pragma once
// The metrics metrics_collector kept in the workspace, as the series of the live charts (so the
// charts can show days, not only this session), and the alert rules' thresholds as lines on the
// chart whose series they watch.

#include "metrics/metric_sampler.h"

#include "evograph/config/alert_rule.h"
#include "evograph/workspace/metric_history.h"

namespace evograph::ui {

// The kept series that belong on `chart`, named as the sampler names its own: latency "OP p50" /
// "OP p95" (ms), throughput "read" (triples per second from the counter), jobs "active" /
// "queued", memory "vector indexes" (MB).
std::map<QString, std::vector<QPointF>> keptSeries(
    const std::map<std::string, std::vector<workspace::MetricPoint>>& history, MetricChart chart);

// A flat line per alert rule whose expression watches a series of `chart`, from `from` to `to`
// (ms since the epoch), named "alert NAME: EXPR".
std::map<QString, std::vector<QPointF>> thresholdLines(
    const std::vector<config::AlertRule>& rules, MetricChart chart, qint64 from, qint64 to);

} // namespace evograph::ui
