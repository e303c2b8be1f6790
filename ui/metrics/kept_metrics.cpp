#include "metrics/kept_metrics.h"

namespace evograph::ui {

namespace {
using Function = config::AlertExpression::Function;

// The chart a metric of the registry is drawn on, and how the sampler names its series.
std::optional<std::pair<MetricChart, QString>> placeOf(const std::string& metric, const std::string& quantile)
{
    if (!quantile.empty() && (metric.rfind("task.", 0) == 0 || metric.rfind("vector.", 0) == 0))
        return std::pair {MetricChart::Latency,
            QString::fromStdString(metric.rfind("task.", 0) == 0 ? metric.substr(5) : metric) + " "
                + QString::fromStdString(quantile)};
    if (metric == "pool.active")
        return std::pair {MetricChart::Jobs, QObject::tr("active")};
    if (metric == "pool.queued")
        return std::pair {MetricChart::Jobs, QObject::tr("queued")};
    return std::nullopt;
}
} // namespace

std::map<QString, std::vector<QPointF>> keptSeries(
    const std::map<std::string, std::vector<workspace::MetricPoint>>& history, MetricChart chart)
{
    std::map<QString, std::vector<QPointF>> series;
    for (const auto& [metric, points] : history) {
        std::string base = metric, quantile;
        for (const char* q : {".p50", ".p95"})
            if (metric.ends_with(q))
                base = metric.substr(0, metric.size() - 4), quantile = q + 1;
        if (chart == MetricChart::Throughput && metric == "parse.triples") { // a counter: its rate
            auto& out = series[QObject::tr("read")];
            for (std::size_t i = 1; i < points.size(); ++i) {
                const double seconds = static_cast<double>(points[i].at - points[i - 1].at);
                if (seconds > 0 && points[i].value >= points[i - 1].value)
                    out.emplace_back(
                        static_cast<double>(points[i].at) * 1000, (points[i].value - points[i - 1].value) / seconds);
            }
            continue;
        }
        if (chart == MetricChart::Memory && metric == "vector.memory.bytes") {
            auto& out = series[QObject::tr("vector indexes")];
            for (const workspace::MetricPoint& p : points)
                out.emplace_back(static_cast<double>(p.at) * 1000, p.value / 1e6);
            continue;
        }
        const auto place = placeOf(base, quantile);
        if (!place || place->first != chart)
            continue;
        auto& out = series[place->second];
        for (const workspace::MetricPoint& p : points)
            out.emplace_back(static_cast<double>(p.at) * 1000, p.value);
    }
    return series;
}

std::map<QString, std::vector<QPointF>> thresholdLines(
    const std::vector<config::AlertRule>& rules, MetricChart chart, qint64 from, qint64 to)
{
    std::map<QString, std::vector<QPointF>> lines;
    for (const config::AlertRule& rule : rules) {
        const Function f = rule.expr.function;
        const std::string quantile = f == Function::P50 ? "p50" : f == Function::P95 ? "p95" : "";
        const bool latency = f == Function::P50 || f == Function::P90 || f == Function::P95 || f == Function::P99;
        const auto place = placeOf(rule.expr.metric, latency ? (quantile.empty() ? "p95" : quantile) : "");
        if (!place || place->first != chart)
            continue;
        lines[QObject::tr("alert %1: %2")
                  .arg(QString::fromStdString(rule.name), QString::fromStdString(rule.expr.text()))]
            = {QPointF(static_cast<double>(from), rule.expr.threshold),
                QPointF(static_cast<double>(to), rule.expr.threshold)};
    }
    return lines;
}

} // namespace evograph::ui
