#include "metric_sampler.h"

#include "evograph/engine/atomic_file.h"
#include "evograph/engine/process_usage.h"

#include <QDateTime>

#include <sstream>

namespace evograph::ui {

MetricSampler::MetricSampler(engine::MetricsRegistry& registry, QObject* parent)
    : QObject(parent)
    , m_registry(registry)
    , m_start(QDateTime::currentMSecsSinceEpoch())
{
    connect(&m_timer, &QTimer::timeout, this, &MetricSampler::sampleNow);
    m_last = m_registry.snapshot();
    m_lastTime = m_start;
}

void MetricSampler::start(int intervalMs)
{
    m_timer.start(intervalMs);
}

void MetricSampler::stop()
{
    m_timer.stop();
}

QString MetricSampler::title(MetricChart chart)
{
    switch (chart) {
    case MetricChart::Latency:
        return tr("Latency per operation (p50, p95)");
    case MetricChart::Throughput:
        return tr("Throughput");
    case MetricChart::Jobs:
        return tr("Jobs");
    case MetricChart::Memory:
        return tr("Process memory");
    }
    return {};
}

QString MetricSampler::unit(MetricChart chart)
{
    switch (chart) {
    case MetricChart::Latency:
        return tr("ms");
    case MetricChart::Throughput:
        return tr("triples/s");
    case MetricChart::Jobs:
        return tr("jobs");
    case MetricChart::Memory:
        return tr("MB");
    }
    return {};
}

void MetricSampler::add(MetricChart chart, const QString& name, qint64 time, double value)
{
    m_series[int(chart)][name].emplace_back(static_cast<double>(time), value);
}

void MetricSampler::sampleNow()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const engine::MetricsSnapshot current = m_registry.snapshot();
    const double seconds = std::max(0.001, (now - m_lastTime) / 1000.0);
    // Latency of what finished in this interval: the difference of the bucket counts.
    for (const auto& [name, buckets] : current.buckets) {
        // Engine tasks by name, and the vector engine's searches and builds (vector.search.latency, ...).
        const bool task = name.rfind("task.", 0) == 0;
        if (!task && name.rfind("vector.", 0) != 0)
            continue;
        const auto before = m_last.buckets.find(name);
        const engine::Histogram::Buckets interval
            = engine::Histogram::between(before == m_last.buckets.end() ? nullptr : &before->second, buckets);
        if (engine::Histogram::quantileOf(interval, 1.0) == 0)
            continue; // nothing finished: no point, not a stale one
        const QString operation = QString::fromStdString(task ? name.substr(5) : name);
        add(MetricChart::Latency, operation + QStringLiteral(" p50"), now,
            engine::Histogram::quantileOf(interval, 0.50) / 1000.0);
        add(MetricChart::Latency, operation + QStringLiteral(" p95"), now,
            engine::Histogram::quantileOf(interval, 0.95) / 1000.0);
    }
    const auto delta = [&](const char* counter) {
        const auto after = current.counters.find(counter);
        const auto before = m_last.counters.find(counter);
        const std::uint64_t a = after == current.counters.end() ? 0 : after->second;
        const std::uint64_t b = before == m_last.counters.end() ? 0 : before->second;
        return static_cast<double>(a - b) / seconds;
    };
    add(MetricChart::Throughput, tr("read"), now, delta("parse.triples"));
    add(MetricChart::Throughput, tr("diffed (changed)"), now, delta("diff.changed_quads"));
    const auto gauge = [&](const char* name) {
        const auto it = current.gauges.find(name);
        return it == current.gauges.end() ? 0.0 : static_cast<double>(it->second);
    };
    add(MetricChart::Jobs, tr("active"), now, gauge("pool.active"));
    add(MetricChart::Jobs, tr("queued"), now, gauge("pool.queued"));
    add(MetricChart::Memory, tr("resident"), now, static_cast<double>(engine::residentBytes()) / 1e6);
    if (current.gauges.contains("vector.memory.bytes"))
        add(MetricChart::Memory, tr("vector indexes"), now, gauge("vector.memory.bytes") / 1e6);
    m_last = current;
    m_lastTime = now;
    Q_EMIT sampled();
}

void MetricSampler::mark(const QString& label)
{
    m_markers.push_back({QDateTime::currentMSecsSinceEpoch(), label});
}

void MetricSampler::exportCsv(const QString& path) const
{
    std::ostringstream out;
    out << "time,chart,series,value\n";
    const auto iso = [](double ms) {
        return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms))
            .toUTC()
            .toString(Qt::ISODateWithMs)
            .toStdString();
    };
    const auto quoted = [](const QString& text) {
        return '"' + text.toStdString() + '"'; // names never hold quotes
    };
    for (const MetricChart chart : kMetricCharts)
        for (const auto& [name, points] : m_series[int(chart)])
            for (const QPointF& point : points)
                out << iso(point.x()) << ',' << quoted(title(chart)) << ','
                    << quoted(name + QStringLiteral(" (") + unit(chart) + QLatin1Char(')')) << ',' << point.y() << '\n';
    for (const MetricMarker& marker : m_markers)
        out << iso(static_cast<double>(marker.time)) << ",event," << quoted(marker.label) << ",\n";
    engine::writeFileAtomically(path.toStdString(), out.str());
}

} // namespace evograph::ui
