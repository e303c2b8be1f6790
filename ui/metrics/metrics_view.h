#pragma once
// Live metrics: four charts (latency per operation, throughput, jobs, memory) refreshed every
// second from the sampler, over the last 5 minutes, the last hour or the whole session; pause
// freezes the picture while sampling goes on; markers show events; CSV export of everything.

#include "metrics/metric_sampler.h"
#include "metrics/time_series_chart.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace evograph::ui {

class MetricsView : public QWidget {
    Q_OBJECT
public:
    explicit MetricsView(MetricSampler& sampler, QWidget* parent = nullptr);

    enum class Range { FiveMinutes, OneHour, Session };
    void setRange(Range range);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    TimeSeriesChart& chart(MetricChart which) { return *m_charts[int(which)]; }
    void refresh(); // redraws from the sampler (the 1 s tick calls it unless paused)

private:
    MetricSampler& m_sampler;
    std::unique_ptr<TimeSeriesChart> m_charts[4];
    QComboBox* m_range;
    QPushButton* m_pause;
    QLabel* m_status;
    bool m_paused = false;
};

} // namespace evograph::ui
