#pragma once
// metrics_collector (read-only): each run (every second under `serve`) reads the engine's metrics
// of this process and keeps them in the workspace (workspace/metric_history.h): counters and
// gauges as they are, each latency histogram as the p50, p95 and p99 (ms) of what was recorded
// since the last run, and its count. It changes no graph, setting or snapshot: the samples are
// bookkeeping, so its runs are not actions and are not audited one by one.

#include "evograph/agents/agent.h"
#include "evograph/engine/metrics.h"

#include <mutex>

namespace evograph::agents {

class MetricsCollectorAgent final : public WorkspaceAgent {
public:
    using WorkspaceAgent::WorkspaceAgent;
    std::string name() const override { return "metrics_collector"; }
    std::string description() const override { return "keeps metric history in the workspace"; }
    AgentClass agentClass() const override { return AgentClass::ReadOnly; }
    AgentOutcome run(const engine::TaskContext& context) override;

private:
    std::mutex m_mutex; // runs never overlap; the lock documents what they share
    std::map<std::string, engine::Histogram::Buckets> m_lastBuckets;
};

} // namespace evograph::agents
