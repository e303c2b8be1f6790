#pragma once
// Our small chart interface: time series over a time window, event markers, and an explicit
// "no data" state. The metrics view talks only to this; QtCharts sits behind makeTimeSeriesChart().

#include "metrics/metric_sampler.h"

#include <QPointF>
#include <QString>

#include <memory>
#include <vector>

class QWidget;

namespace evograph::ui {

class TimeSeriesChart {
public:
    virtual ~TimeSeriesChart() = default;
    virtual QWidget* widget() = 0;
    // Replaces the points of one series (x: ms since the epoch), creating it on first use.
    virtual void setSeries(const QString& name, const std::vector<QPointF>& points) = 0;
    virtual void setWindow(qint64 fromMs, qint64 toMs) = 0;
    virtual void setMarkers(const std::vector<MetricMarker>& markers) = 0;
    // Shown over the plot instead of empty axes.
    virtual void setNoData(const QString& message) = 0; // empty: there is data
    virtual int pointCount(const QString& series) const = 0;
    virtual bool showsNoData() const = 0;
};

std::unique_ptr<TimeSeriesChart> makeTimeSeriesChart(const QString& title, const QString& unit, QWidget* parent);

} // namespace evograph::ui
