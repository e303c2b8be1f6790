#pragma once
// Live metrics: four charts (latency per operation, throughput, jobs, memory) refreshed every
// second from the sampler, over the last 5 minutes, the last hour or the whole session, or over
// the last 7 days with what metrics_collector kept in the open workspace; pause freezes the
// picture while sampling goes on; markers show events; the config's alert thresholds are lines on
// the charts they watch; CSV export of everything.

#include "metrics/metric_sampler.h"

#include "evograph/config/alert_rule.h"
#include "evograph/workspace/metric_history.h"
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

    enum class Range { FiveMinutes, OneHour, Session, Week };
    void setRange(Range range);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    TimeSeriesChart& chart(MetricChart which) { return *m_charts[int(which)]; }
    void refresh(); // redraws from the sampler (the 1 s tick calls it unless paused)
    // Where the kept history comes from (Range::Week), and the alert rules drawn as thresholds.
    void setWorkspace(const QString& path);
    void setAlertRules(std::vector<config::AlertRule> rules);

private:
    MetricSampler& m_sampler;
    std::unique_ptr<TimeSeriesChart> m_charts[4];
    QComboBox* m_range;
    QPushButton* m_pause;
    QLabel* m_status;
    bool m_paused = false;
    QString m_workspace;
    std::vector<config::AlertRule> m_rules;
    std::map<std::string, std::vector<workspace::MetricPoint>> m_kept; // read at most every 30 s
    qint64 m_keptAt = 0;
};

} // namespace evograph::ui
