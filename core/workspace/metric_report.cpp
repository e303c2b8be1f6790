#include "evograph/workspace/metric_report.h"

#include "evograph/engine/markup_escape.h"
#include "evograph/engine/time_stamp.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iomanip>
#include <sstream>

namespace evograph::workspace {

namespace {

std::string number(double value)
{
    std::ostringstream out;
    out << std::setprecision(4) << value;
    return out.str();
}

// A polyline of the points over [from, to], 600 x 80.
std::string chart(const std::vector<MetricPoint>& points, std::int64_t from, std::int64_t to, double lo, double hi)
{
    std::ostringstream svg;
    svg << "<svg viewBox=\"0 0 600 80\" width=\"600\" height=\"80\" role=\"img\"><rect width=\"600\" height=\"80\" "
           "fill=\"#f6f8fa\"/><polyline fill=\"none\" stroke=\"#0b6bcb\" stroke-width=\"1.5\" points=\"";
    const double span = static_cast<double>(std::max<std::int64_t>(1, to - from));
    const double range = hi > lo ? hi - lo : 1;
    for (const MetricPoint& p : points)
        svg << number(600.0 * static_cast<double>(p.at - from) / span) << ','
            << number(76.0 - 72.0 * (p.value - lo) / range) << ' ';
    svg << "\"/></svg>";
    return svg.str();
}
} // namespace

std::map<std::string, double> metricBaseline(const std::map<std::string, std::vector<MetricPoint>>& history)
{
    std::map<std::string, double> baseline;
    for (const auto& [metric, points] : history) {
        if (points.empty() || !(metric.ends_with(".p50") || metric.ends_with(".p95") || metric.ends_with(".p99")))
            continue;
        double sum = 0;
        for (const MetricPoint& p : points)
            sum += p.value;
        baseline[metric] = sum / static_cast<double>(points.size());
    }
    return baseline;
}

bool higherIsBetter(const std::string& metric)
{
    for (const char* word : {"per_second", "throughput", "hit_rate", "coverage", "score"})
        if (metric.find(word) != std::string::npos)
            return true;
    return false;
}

std::vector<MetricComparison> compareMetrics(
    const std::map<std::string, double>& baseline, const std::map<std::string, double>& current, double tolerance)
{
    std::vector<MetricComparison> out;
    for (const auto& [metric, base] : baseline) {
        MetricComparison c {metric, base, 0, 0, "missing"};
        if (const auto it = current.find(metric); it != current.end()) {
            c.current = it->second;
            c.change = base != 0 ? (c.current - base) / std::abs(base) : 0;
            const double worse = higherIsBetter(metric) ? -c.change : c.change;
            c.status = worse > tolerance ? "regression" : worse < -tolerance ? "improved" : "pass";
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::string metricReportHtml(const std::map<std::string, std::vector<MetricPoint>>& history, std::int64_t from,
    std::int64_t to, const std::string& workspaceName)
{
    std::ostringstream html;
    html << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>evograph metrics: "
         << detail::escapeMarkup(workspaceName)
         << "</title>\n<style>body{font-family:sans-serif;margin:2em;color:#1f2328}"
         << "table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #d0d7de;text-align:right}"
         << "td:first-child,th:first-child{text-align:left}</style></head><body>\n<h1>Metrics of "
         << detail::escapeMarkup(workspaceName) << "</h1>\n<p>"
         << engine::utcReadable(engine::WallTime(std::chrono::seconds(from))) << " to "
         << engine::utcReadable(engine::WallTime(std::chrono::seconds(to))) << ": " << history.size()
         << " series kept by metrics_collector (1 s for an hour, 1 min for a week, 1 h beyond).</p>\n";
    if (history.empty())
        html << "<p>No metrics were kept in this period. Enable the metrics_collector agent and run "
                "<code>evograph serve</code>.</p>\n";
    for (const auto& [metric, points] : history) {
        double lo = points.front().value, hi = lo, sum = 0;
        for (const MetricPoint& p : points)
            lo = std::min(lo, p.value), hi = std::max(hi, p.value), sum += p.value;
        html << "<h2>" << detail::escapeMarkup(metric)
             << "</h2>\n<table><tr><th>points</th><th>min</th><th>average</th><th>max</th>"
             << "<th>last</th></tr><tr><td>" << points.size() << "</td><td>" << number(lo) << "</td><td>"
             << number(sum / static_cast<double>(points.size())) << "</td><td>" << number(hi) << "</td><td>"
             << number(points.back().value) << "</td></tr></table>\n"
             << chart(points, from, to, lo, hi) << "\n";
    }
    html << "</body></html>\n";
    return html.str();
}

} // namespace evograph::workspace
