#pragma once
// What `evograph metrics baseline | compare | report` make of the kept metric history: a baseline
// (flat JSON: one figure per latency series, its average over the period, ms), the comparison of
// two such files with a tolerance (the seed's regression check: a figure worse than the baseline
// by more than the tolerance is a regression), and an HTML report with a chart per series.

#include "evograph/workspace/metric_history.h"

namespace evograph::workspace {

// The average of every latency quantile series (".p50", ".p95", ".p99", in ms) over the history.
std::map<std::string, double> metricBaseline(const std::map<std::string, std::vector<MetricPoint>>& history);

// Lower is better, except for figures named like throughput ("per_second", "throughput",
// "hit_rate", "coverage", "score").
bool higherIsBetter(const std::string& metric);

struct MetricComparison {
    std::string metric;
    double baseline = 0, current = 0;
    double change = 0; // (current - baseline) / baseline; 0 when the baseline is 0
    std::string status; // "pass", "regression", "improved", "missing" (not in current)
};
std::vector<MetricComparison> compareMetrics(
    const std::map<std::string, double>& baseline, const std::map<std::string, double>& current, double tolerance);

// A self-contained HTML page: per series its count, min, average, max, last value and a chart.
std::string metricReportHtml(const std::map<std::string, std::vector<MetricPoint>>& history, std::int64_t from,
    std::int64_t to, const std::string& workspaceName);

} // namespace evograph::workspace
