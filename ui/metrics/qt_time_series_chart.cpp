// The QtCharts implementation of TimeSeriesChart.
#include "metrics/time_series_chart.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>

#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLineSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

#include <map>

namespace evograph::ui {

namespace {
class QtTimeSeriesChart final : public TimeSeriesChart {
public:
    QtTimeSeriesChart(const QString& title, const QString& unit, QWidget* parent)
        : m_view(new QChartView(parent))
        , m_chart(new QChart)
        , m_x(new QDateTimeAxis)
        , m_y(new QValueAxis)
        , m_noData(new QLabel(m_view))
    {
        m_chart->setTitle(title);
        m_chart->legend()->setAlignment(Qt::AlignBottom);
        m_chart->setMargins(QMargins(4, 4, 4, 4));
        m_chart->setBackgroundRoundness(0);
        m_chart->setTheme(
            m_view->palette().window().color().lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        m_x->setFormat(QStringLiteral("HH:mm:ss"));
        m_x->setTickCount(5);
        // A real range before the axis joins the chart: Qt 6.4 draws no time labels at all when a
        // QDateTimeAxis is added with its default range and given one only later.
        const QDateTime now = QDateTime::currentDateTime();
        m_x->setRange(now.addSecs(-300), now);
        m_y->setTitleText(unit);
        m_y->setLabelFormat(QStringLiteral("%.3g"));
        m_y->setRange(0, 1);
        m_chart->addAxis(m_x, Qt::AlignBottom);
        m_chart->addAxis(m_y, Qt::AlignLeft);
        m_view->setChart(m_chart); // the view owns the chart, the chart its axes and series
        m_view->setRenderHint(QPainter::Antialiasing);
        m_view->setMinimumSize(320, 220);
        m_noData->setAlignment(Qt::AlignCenter);
        m_noData->setWordWrap(true);
        m_noData->setAttribute(Qt::WA_TransparentForMouseEvents);
        auto* overlay = new QVBoxLayout(m_view);
        overlay->addWidget(m_noData);
        QObject::connect(m_chart, &QChart::plotAreaChanged, m_view, [this] { placeMarkers(); });
    }

    QWidget* widget() override { return m_view; }

    void setSeries(const QString& name, const std::vector<QPointF>& points) override
    {
        QLineSeries*& series = m_series[name];
        if (!series) {
            series = new QLineSeries;
            series->setName(name);
            series->setPointsVisible(true); // a lone sample (one diff in a quiet minute) still shows
            m_chart->addSeries(series);
            series->attachAxis(m_x);
            series->attachAxis(m_y);
            // A readout on hover: the series, the time and the value under the pointer.
            QObject::connect(series, &QLineSeries::hovered, m_view, [this, name](const QPointF& point, bool state) {
                if (!state) {
                    QToolTip::hideText();
                    return;
                }
                const QDateTime at = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(point.x()));
                QToolTip::showText(QCursor::pos(),
                    QStringLiteral("%1\n%2: %3 %4")
                        .arg(name, at.toString(m_x->format()), QString::number(point.y(), 'g', 4), m_y->titleText()),
                    m_view);
            });
        }
        series->replace(QList<QPointF>(points.begin(), points.end()));
        rescale();
    }

    void setWindow(qint64 fromMs, qint64 toMs) override
    {
        m_from = fromMs, m_to = std::max(toMs, fromMs + 1000);
        // Times of day for a window within a day; dates too for the days kept in the workspace.
        m_x->setFormat(m_to - m_from > 86'400'000 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm:ss"));
        m_x->setRange(QDateTime::fromMSecsSinceEpoch(m_from), QDateTime::fromMSecsSinceEpoch(m_to));
        // At most one tick a second: a window of a few seconds would label the same second twice.
        m_x->setTickCount(static_cast<int>(std::clamp<qint64>((m_to - m_from) / 1000 + 1, 2, 5)));
        rescale();
        placeMarkers();
    }

    void setMarkers(const std::vector<MetricMarker>& markers) override
    {
        m_markers = markers;
        for (auto* item : m_markerItems)
            delete item;
        m_markerItems.clear();
        for (const MetricMarker& marker : m_markers) {
            auto* line = new QGraphicsLineItem(m_chart);
            line->setPen(QPen(QColor(128, 128, 128), 1, Qt::DashLine));
            auto* text = new QGraphicsSimpleTextItem(marker.label, m_chart);
            text->setBrush(m_view->palette().text());
            m_markerItems << line << text;
        }
        placeMarkers();
    }

    void setNoData(const QString& message) override
    {
        m_noData->setText(message);
        m_noData->setVisible(!message.isEmpty());
    }

    int pointCount(const QString& name) const override
    {
        const auto it = m_series.find(name);
        return it == m_series.end() ? 0 : static_cast<int>(it->second->count());
    }

    bool showsNoData() const override { return !m_noData->isHidden(); }

private:
    // The y axis from 0 to a bit above the largest value in the window.
    void rescale()
    {
        double top = 0;
        for (const auto& [name, series] : m_series)
            for (const QPointF& point : series->points())
                if (point.x() >= static_cast<double>(m_from) && point.x() <= static_cast<double>(m_to))
                    top = std::max(top, point.y());
        m_y->setRange(0, top > 0 ? top * 1.15 : 1);
    }

    void placeMarkers()
    {
        const QRectF area = m_chart->plotArea();
        for (std::size_t i = 0; i < m_markers.size(); ++i) {
            auto* line = static_cast<QGraphicsLineItem*>(m_markerItems[static_cast<qsizetype>(2 * i)]);
            auto* text = m_markerItems[static_cast<qsizetype>(2 * i + 1)];
            const bool inside = m_markers[i].time >= m_from && m_markers[i].time <= m_to;
            line->setVisible(inside), text->setVisible(inside);
            if (!inside)
                continue;
            const double x = area.left()
                + area.width() * static_cast<double>(m_markers[i].time - m_from) / static_cast<double>(m_to - m_from);
            line->setLine(x, area.top(), x, area.bottom());
            // Labels go right of their line, or left of it near the right edge; staggered so neighbours stay apart.
            const double width = text->boundingRect().width();
            text->setPos(
                x + 3 + width > area.right() ? x - 3 - width : x + 3, area.top() + 2 + 14 * static_cast<double>(i % 3));
        }
    }

    QChartView* m_view;
    QChart* m_chart;
    QDateTimeAxis* m_x;
    QValueAxis* m_y;
    QLabel* m_noData;
    std::map<QString, QLineSeries*> m_series;
    std::vector<MetricMarker> m_markers;
    QList<QGraphicsItem*> m_markerItems;
    qint64 m_from = 0, m_to = 1000;
};
} // namespace

std::unique_ptr<TimeSeriesChart> makeTimeSeriesChart(const QString& title, const QString& unit, QWidget* parent)
{
    return std::make_unique<QtTimeSeriesChart>(title, unit, parent);
}

} // namespace evograph::ui
