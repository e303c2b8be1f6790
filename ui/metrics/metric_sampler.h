#pragma once
// Samples the engine's metrics once a second into time series the charts show: latency p50/p95
// per operation kind and of vector searches and builds (over the last interval, from histogram
// bucket differences, so a quiet second has no point rather than a stale one), throughput,
// active and queued jobs, and the process's memory with the vector indexes' share. Events
// (snapshot taken, restore, diff) become markers.

#include "evograph/engine/metrics.h"

#include <QObject>
#include <QPointF>
#include <QString>
#include <QTimer>

#include <map>
#include <vector>

namespace evograph::ui {

enum class MetricChart { Latency, Throughput, Jobs, Memory };
inline constexpr MetricChart kMetricCharts[]
    = {MetricChart::Latency, MetricChart::Throughput, MetricChart::Jobs, MetricChart::Memory};

struct MetricMarker {
    qint64 time = 0; // ms since the epoch
    QString label;
};

class MetricSampler : public QObject {
    Q_OBJECT
public:
    explicit MetricSampler(
        engine::MetricsRegistry& registry = engine::MetricsRegistry::global(), QObject* parent = nullptr);

    void start(int intervalMs = 1000);
    void stop();
    void sampleNow(); // also what the timer calls
    void mark(const QString& label);

    // Series of one chart: name → points (x: ms since the epoch, y: the value in the chart's unit).
    const std::map<QString, std::vector<QPointF>>& series(MetricChart chart) const { return m_series[int(chart)]; }
    const std::vector<MetricMarker>& markers() const { return m_markers; }
    qint64 sessionStart() const { return m_start; }
    // Every point and marker as CSV (time, chart, series, value), written atomically.
    void exportCsv(const QString& path) const;

    static QString title(MetricChart chart);
    static QString unit(MetricChart chart);

Q_SIGNALS:
    void sampled();

private:
    void add(MetricChart chart, const QString& name, qint64 time, double value);

    engine::MetricsRegistry& m_registry;
    QTimer m_timer;
    qint64 m_start = 0;
    qint64 m_lastTime = 0;
    engine::MetricsSnapshot m_last;
    std::map<QString, std::vector<QPointF>> m_series[4];
    std::vector<MetricMarker> m_markers;
};

} // namespace evograph::ui
