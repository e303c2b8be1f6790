#include "metrics_view.h"

#include "common/workspace_jobs.h"
#include "metrics/kept_metrics.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace evograph::ui {

namespace {
QString noDataMessage(MetricChart chart)
{
    switch (chart) {
    case MetricChart::Latency:
        return QObject::tr("No operations finished in this time range.\nOpen or compare files to see their latency.");
    case MetricChart::Throughput:
        return QObject::tr("Nothing read yet in this time range.");
    default:
        return QObject::tr("No samples yet.");
    }
}
} // namespace

MetricsView::MetricsView(MetricSampler& sampler, QWidget* parent)
    : QWidget(parent)
    , m_sampler(sampler)
    , m_range(new QComboBox(this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_status(new QLabel(this))
{
    auto* grid = new QGridLayout;
    for (const MetricChart which : kMetricCharts) {
        m_charts[int(which)] = makeTimeSeriesChart(MetricSampler::title(which), MetricSampler::unit(which), this);
        grid->addWidget(m_charts[int(which)]->widget(), int(which) / 2, int(which) % 2);
    }
    m_range->addItem(tr("Last 5 minutes"), int(Range::FiveMinutes));
    m_range->addItem(tr("Last hour"), int(Range::OneHour));
    m_range->addItem(tr("Whole session"), int(Range::Session));
    m_range->addItem(tr("Last 7 days (kept in the workspace)"), int(Range::Week));
    connect(m_range, &QComboBox::currentIndexChanged, this, &MetricsView::refresh);
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freeze the charts; sampling goes on"));
    connect(m_pause, &QPushButton::toggled, this, &MetricsView::setPaused);
    auto* exportButton = new QPushButton(tr("Export CSV…"), this);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export metrics"), QStringLiteral("evograph-metrics.csv"), tr("CSV (*.csv)"));
        if (path.isEmpty())
            return;
        try {
            m_sampler.exportCsv(path);
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Export metrics"), QString::fromStdString(e.what()));
        }
    });
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Range:"), this));
    bar->addWidget(m_range);
    bar->addWidget(m_pause);
    bar->addWidget(exportButton);
    bar->addStretch();
    bar->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);
    connect(&m_sampler, &MetricSampler::sampled, this, [this] {
        if (!m_paused)
            refresh();
    });
    refresh();
}

void MetricsView::setWorkspace(const QString& path)
{
    m_workspace = path;
    m_kept.clear();
    m_keptAt = 0;
    refresh();
}

void MetricsView::setAlertRules(std::vector<config::AlertRule> rules)
{
    m_rules = std::move(rules);
    refresh();
}

void MetricsView::setRange(Range range)
{
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

void MetricsView::setPaused(bool paused)
{
    m_paused = paused;
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused)
        refresh();
    else
        m_status->setText(tr("Paused at %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))));
}

void MetricsView::refresh()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto range = Range(m_range->currentData().toInt());
    // "Last 5 minutes" of a younger session is the session so far: no empty stretch before it began.
    const qint64 window = range == Range::FiveMinutes ? 5 * 60'000 : range == Range::OneHour ? 60 * 60'000 : now;
    const bool week = range == Range::Week;
    const qint64 from = week ? now - 7 * 86'400'000LL : std::max(m_sampler.sessionStart(), now - window);
    if (week && !m_workspace.isEmpty() && now - m_keptAt > 30'000) {
        try {
            auto ws = openStudioWorkspace(m_workspace.toStdString(), workspace::Access::Read, "metrics");
            m_kept = workspace::metricHistory(ws, from / 1000, now / 1000);
        } catch (const std::exception&) {
            m_kept.clear(); // an older workspace file or none: the session's samples only
        }
        m_keptAt = now;
    }
    for (const MetricChart which : kMetricCharts) {
        TimeSeriesChart& target = *m_charts[int(which)];
        bool any = false;
        std::map<QString, std::vector<QPointF>> all = m_sampler.series(which);
        if (week)
            for (auto& [name, kept] : keptSeries(m_kept, which)) { // the kept days, then this session
                std::vector<QPointF>& points = all[name];
                kept.insert(kept.end(), points.begin(), points.end());
                std::stable_sort(
                    kept.begin(), kept.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
                points = std::move(kept);
            }
        for (auto& [name, line] : thresholdLines(m_rules, which, from, now))
            all[name] = std::move(line);
        for (const auto& [name, points] : all) {
            // Only the points in the window: a session's worth of samples stays cheap to draw.
            const auto first = std::lower_bound(points.begin(), points.end(), static_cast<double>(from),
                [](const QPointF& point, double x) { return point.x() < x; });
            const std::vector<QPointF> visible(first, points.end());
            any |= !visible.empty();
            target.setSeries(name, visible);
        }
        target.setWindow(from, now);
        target.setMarkers(m_sampler.markers());
        target.setNoData(any ? QString() : noDataMessage(which));
    }
    m_status->setText(tr("Sampled every second · %n event(s)", nullptr, static_cast<int>(m_sampler.markers().size())));
}

} // namespace evograph::ui
