#include "evograph/agents/metrics_collector_agent.h"

#include "evograph/workspace/metric_history.h"

#include <algorithm>
#include <chrono>

namespace evograph::agents {

AgentOutcome MetricsCollectorAgent::run(const engine::TaskContext& context)
{
    const engine::MetricsSnapshot metrics = engine::MetricsRegistry::global().snapshot();
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(metrics.taken.time_since_epoch()).count();
    std::vector<workspace::MetricSample> samples;
    for (const auto& [name, value] : metrics.counters)
        samples.push_back({name, now, static_cast<double>(value)});
    for (const auto& [name, value] : metrics.gauges)
        samples.push_back({name, now, static_cast<double>(value)});
    {
        const std::lock_guard lock(m_mutex);
        for (const auto& [name, counts] : metrics.buckets) {
            const auto last = m_lastBuckets.find(name);
            const engine::Histogram::Buckets interval
                = engine::Histogram::between(last == m_lastBuckets.end() ? nullptr : &last->second, counts);
            m_lastBuckets[name] = counts;
            if (const auto summary = metrics.histograms.find(name); summary != metrics.histograms.end())
                samples.push_back({name + ".count", now, static_cast<double>(summary->second.count)});
            if (engine::Histogram::isEmpty(interval))
                continue; // nothing recorded since the last run: no latency to report
            for (const auto& [suffix, q] : {std::pair {".p50", 0.50}, {".p95", 0.95}, {".p99", 0.99}})
                samples.push_back({name + suffix, now, engine::Histogram::quantileOf(interval, q) / 1000.0});
        }
    }
    context.checkpoint();
    auto ws = openWorkspace();
    workspace::recordMetricSamples(ws, samples, now);
    return {"metric samples kept", {}}; // the same words each run: serve logs a change of outcome only
}

} // namespace evograph::agents
