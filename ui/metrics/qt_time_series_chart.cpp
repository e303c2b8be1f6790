// The QtCharts implementation of TimeSeriesChart.
#include "metrics/time_series_chart.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>

#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace evograph::ui {

namespace {
// The smallest 1, 2, 2.5 or 5 × 10^n at or above `value`, and the step that divides it in 4 or 5.
std::pair<double, double> niceTop(double value)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const auto& [top, step] : {std::pair {1.0, 0.2}, {2.0, 0.5}, {2.5, 0.5}, {5.0, 1.0}, {10.0, 2.0}})
        if (top * magnitude >= value * (1 - 1e-9))
            return {top * magnitude, step * magnitude};
    return {10 * magnitude, 2 * magnitude};
}

class QtTimeSeriesChart final : public TimeSeriesChart {
public:
    QtTimeSeriesChart(const QString& title, const QString& unit, QWidget* parent)
        : m_view(new QChartView(parent))
        , m_chart(new QChart)
        , m_x(new QDateTimeAxis)
        , m_y(new QValueAxis)
        , m_noData(new QLabel(m_view))
        , m_choose(new QToolButton(m_view))
        , m_menu(new QMenu(m_view))
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
        m_chart->legend()->setShowToolTips(true); // a label still cut short shows whole on hover
        m_choose->setText(QObject::tr("Series ▾"));
        m_choose->setToolTip(QObject::tr("Choose the series this chart shows"));
        m_choose->setAutoRaise(true);
        m_choose->setMenu(m_menu);
        m_choose->setPopupMode(QToolButton::InstantPopup);
        m_choose->setObjectName(QStringLiteral("chooseSeries"));
        auto* overlay = new QVBoxLayout(m_view);
        auto* corner = new QHBoxLayout;
        corner->addStretch();
        corner->addWidget(m_choose);
        overlay->addLayout(corner);
        overlay->addWidget(m_noData, 1);
        overlay->addStretch(); // keeps the button in the corner while the "no data" line is hidden
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
            m_order << name;
            QAction* choice = m_menu->addAction(name);
            choice->setCheckable(true);
            QObject::connect(choice, &QAction::toggled, m_view, [this, name](bool on) { setSeriesShown(name, on); });
            m_choices[name] = choice;
            applyShown(name);
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

    void setSeriesShown(const QString& name, bool shown) override
    {
        m_chosen[name] = shown;
        if (m_series.count(name))
            applyShown(name);
        rescale();
    }

    QStringList shownSeries() const override
    {
        QStringList out;
        for (const QString& name : m_order)
            if (m_series.at(name)->isVisible())
                out << name;
        return out;
    }

    QStringList valueTicks() const override
    {
        QStringList out;
        const int ticks = m_y->tickCount();
        for (int i = 0; i < ticks; ++i)
            out << QString::number(m_y->min() + (m_y->max() - m_y->min()) * i / (ticks - 1), 'g', 4);
        return out;
    }

private:
    // Shown: the user's choice, else an alert threshold, else one of the first kShownByDefault.
    bool isShown(const QString& name) const
    {
        if (const auto chosen = m_chosen.find(name); chosen != m_chosen.end())
            return chosen->second;
        if (name.startsWith(QStringLiteral("alert ")))
            return true;
        int ordinary = 0;
        for (const QString& other : m_order) {
            if (other == name)
                return ordinary < kShownByDefault;
            ordinary += !other.startsWith(QStringLiteral("alert "));
        }
        return false;
    }

    void applyShown(const QString& name)
    {
        QLineSeries* series = m_series.at(name);
        const bool shown = isShown(name);
        series->setVisible(shown);
        for (QLegendMarker* marker : m_chart->legend()->markers(series))
            marker->setVisible(shown);
        QAction* choice = m_choices.at(name);
        const QSignalBlocker quiet(choice);
        choice->setChecked(shown);
        m_choose->setText(QObject::tr("Series %1/%2 ▾").arg(shownSeries().size()).arg(m_order.size()));
    }

    // The y axis from 0 to the round number at or above the largest shown value in the window, in
    // round steps (0, 0.5, 1, 1.5, 2 rather than 0, 1.04, 2.07, 3.1, 4.14).
    void rescale()
    {
        double top = 0;
        for (const auto& [name, series] : m_series)
            if (series->isVisible())
                for (const QPointF& point : series->points())
                    if (point.x() >= static_cast<double>(m_from) && point.x() <= static_cast<double>(m_to))
                        top = std::max(top, point.y());
        const auto [max, step] = niceTop(top > 0 ? top * 1.05 : 1);
        m_y->setRange(0, max);
        m_y->setTickCount(static_cast<int>(std::lround(max / step)) + 1);
        m_y->setLabelFormat(step >= 1 ? QStringLiteral("%.0f")
                : step >= 0.1         ? QStringLiteral("%.1f")
                                      : QStringLiteral("%.3g"));
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
    QToolButton* m_choose;
    QMenu* m_menu;
    std::map<QString, QLineSeries*> m_series;
    QStringList m_order; // series names as first given
    std::map<QString, bool> m_chosen; // the user's choices
    std::map<QString, QAction*> m_choices;
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
