#include "evograph/workspace/metric_history.h"

#include "workspace_impl.h"

namespace evograph::workspace {

namespace {
struct Tier {
    std::int64_t resolution; // seconds a row stands for
    std::int64_t keptFor; // then folded into the next tier
};
constexpr Tier kTiers[] = {{1, 3600}, {60, 7 * 86400}};

// Folds the rows of `tier` older than its span into averages at the next tier's resolution.
void fold(sql::Connection& db, const Tier& tier, std::int64_t nextResolution, std::int64_t now)
{
    const std::int64_t cutoff = now - tier.keptFor;
    sql::Statement(db,
        "INSERT INTO metric_samples(metric, resolution, at, value) "
        "SELECT metric, ?1, (at / ?1) * ?1, avg(value) FROM metric_samples "
        "WHERE resolution = ?2 AND at < ?3 GROUP BY metric, at / ?1 "
        "ON CONFLICT(metric, resolution, at) DO UPDATE SET value = (value + excluded.value) / 2")
        .bind(nextResolution)
        .bind(tier.resolution)
        .bind(cutoff)
        .run();
    sql::Statement(db, "DELETE FROM metric_samples WHERE resolution = ? AND at < ?")
        .bind(tier.resolution)
        .bind(cutoff)
        .run();
}
} // namespace

void recordMetricSamples(Workspace& workspace, const std::vector<MetricSample>& samples, std::int64_t now)
{
    Workspace::Impl& ws = workspace.impl();
    ws.requireWrite("recording metrics");
    sql::Transaction transaction(ws.db);
    sql::Statement insert(ws.db,
        "INSERT INTO metric_samples(metric, resolution, at, value) VALUES (?, 1, ?, ?) "
        "ON CONFLICT(metric, resolution, at) DO UPDATE SET value = excluded.value");
    for (const MetricSample& s : samples) {
        insert.bind(s.metric).bind(s.at).bind(s.value);
        insert.run();
        insert.reset();
    }
    fold(ws.db, kTiers[0], kTiers[1].resolution, now);
    fold(ws.db, kTiers[1], 3600, now);
    transaction.commit();
}

std::map<std::string, std::vector<MetricPoint>> metricHistory(Workspace& workspace, std::int64_t from, std::int64_t to)
{
    sql::Statement rows(workspace.impl().db,
        "SELECT metric, at, value FROM metric_samples WHERE at BETWEEN ? AND ? ORDER BY metric, at");
    rows.bind(from).bind(to);
    std::map<std::string, std::vector<MetricPoint>> series;
    while (rows.step())
        series[rows.text(0)].push_back({rows.integer(1), rows.real(2)});
    return series;
}

} // namespace evograph::workspace
