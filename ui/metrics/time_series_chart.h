#pragma once
// Our small chart interface: time series over a time window, event markers, and an explicit
// "no data" state. The metrics view talks only to this; QtCharts sits behind makeTimeSeriesChart().
// A chart shows at most kShownByDefault series until the user picks others ("Series ▾" in its
// corner): with more, QtCharts' legend cuts every label to "…". Alert thresholds (names starting
// with "alert ") are always shown. The value axis ends on a round number with round ticks.

#include "metrics/metric_sampler.h"

#include <QPointF>
#include <QString>
#include <QStringList>

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
    static constexpr int kShownByDefault = 6;
    virtual void setSeriesShown(const QString& series, bool shown) = 0; // the user's choice, kept
    virtual QStringList shownSeries() const = 0; // in the order they were first given
    virtual QStringList valueTicks() const = 0; // the value axis's labels, bottom to top
    virtual bool showsNoData() const = 0;
};

std::unique_ptr<TimeSeriesChart> makeTimeSeriesChart(const QString& title, const QString& unit, QWidget* parent);

} // namespace evograph::ui
