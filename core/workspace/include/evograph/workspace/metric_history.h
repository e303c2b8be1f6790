#pragma once
// The engine's metrics kept in the workspace (metrics_collector), so charts, reports and
// baselines show history across sessions. Down-sampled as they age: samples at 1 s for an hour,
// then one average per minute for a week, then one per hour. Bookkeeping like checkpoints: not
// audited, in no snapshot.

#include "evograph/workspace/workspace.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace evograph::workspace {

struct MetricSample {
    std::string metric; // "diff.latency.p95" (ms), "parse.triples", "pool.queued", ...
    std::int64_t at = 0; // Unix seconds
    double value = 0;
};

// Appends the samples and down-samples what has aged, in one transaction.
void recordMetricSamples(Workspace& workspace, const std::vector<MetricSample>& samples, std::int64_t now);

struct MetricPoint {
    std::int64_t at = 0;
    double value = 0;
};
// Every series with points in [from, to], oldest first, at whatever resolution they are kept.
std::map<std::string, std::vector<MetricPoint>> metricHistory(Workspace& workspace, std::int64_t from, std::int64_t to);

} // namespace evograph::workspace
