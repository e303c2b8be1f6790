#include "evograph/agents/alert_evaluator.h"

#include "evograph/engine/enum_names.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace evograph::agents {

namespace {
using Function = config::AlertExpression::Function;
constexpr double kNoData = std::numeric_limits<double>::quiet_NaN();

double quantileOf(Function function)
{
    switch (function) {
    case Function::P50:
        return 0.50;
    case Function::P90:
        return 0.90;
    case Function::P95:
        return 0.95;
    case Function::P99:
        return 0.99;
    default:
        return -1;
    }
}
} // namespace

std::string_view toString(AlertState state)
{
    static constexpr auto kNames = engine::enumNames<AlertState>({{AlertState::Inactive, "inactive"},
        {AlertState::Pending, "pending"}, {AlertState::Firing, "firing"}, {AlertState::Resolved, "resolved"}});
    return kNames.name(state);
}

AlertEvaluator::AlertEvaluator(std::vector<config::AlertRule> rules)
{
    for (config::AlertRule& rule : rules) {
        m_keep = std::max(m_keep, rule.expr.window);
        m_alerts.push_back({std::move(rule), AlertState::Inactive, std::nullopt, std::nullopt, kNoData});
    }
}

void AlertEvaluator::restore(const std::string& name, AlertState state, Clock::TimePoint at)
{
    if (state != AlertState::Firing)
        return;
    for (AlertStatus& a : m_alerts)
        if (a.rule.name == name) {
            a.state = AlertState::Firing;
            a.since = a.lastTrue = at;
            a.restored = true;
        }
}

void AlertEvaluator::append(const std::string& metric, Sample sample)
{
    std::deque<Sample>& series = m_series[metric];
    series.push_back(std::move(sample));
    while (series.size() > 1 && series.front().at < series.back().at - m_keep)
        series.pop_front(); // the latest stays, however old: bare metrics read it
}

void AlertEvaluator::observe(const std::string& metric, double value, Clock::TimePoint at)
{
    append(metric, {at, value, std::nullopt});
}

void AlertEvaluator::observe(const AgentEvent& event, Clock::TimePoint at)
{
    for (const auto& [metric, value] : event.values)
        observe(metric, value, at);
}

void AlertEvaluator::observe(const engine::MetricsSnapshot& metrics, Clock::TimePoint at)
{
    for (const auto& [name, value] : metrics.counters)
        observe(name, static_cast<double>(value), at);
    for (const auto& [name, value] : metrics.gauges)
        observe(name, static_cast<double>(value), at);
    for (const auto& [name, counts] : metrics.buckets) {
        const auto last = m_lastBuckets.find(name);
        const engine::Histogram::Buckets interval
            = engine::Histogram::between(last == m_lastBuckets.end() ? nullptr : &last->second, counts);
        m_lastBuckets[name] = counts;
        const auto summary = metrics.histograms.find(name);
        append(name,
            {at, summary == metrics.histograms.end() ? 0.0 : static_cast<double>(summary->second.count), interval});
    }
}

double AlertEvaluator::read(const config::AlertExpression& expr, Clock::TimePoint now) const
{
    const auto found = m_series.find(expr.metric);
    if (found == m_series.end() || found->second.empty())
        return kNoData;
    const std::deque<Sample>& series = found->second;
    if (expr.function == Function::Latest)
        return series.back().value;
    const Clock::TimePoint from = now - expr.window;
    std::vector<const Sample*> window;
    for (const Sample& s : series)
        if (s.at >= from && s.at <= now)
            window.push_back(&s);
    if (expr.function == Function::CountOverTime)
        return static_cast<double>(window.size());
    if (window.empty())
        return kNoData;
    if (const double q = quantileOf(expr.function); q >= 0) {
        // A histogram: the quantile of everything recorded in the window, in milliseconds.
        // A plain series: the quantile of its samples.
        if (window.front()->buckets) {
            engine::Histogram::Buckets sum {};
            for (const Sample* s : window)
                for (std::size_t i = 0; i < sum.size(); ++i)
                    sum[i] += (*s->buckets)[i];
            if (engine::Histogram::isEmpty(sum))
                return kNoData;
            return engine::Histogram::quantileOf(sum, q) / 1000.0;
        }
        std::vector<double> values;
        for (const Sample* s : window)
            values.push_back(s->value);
        std::sort(values.begin(), values.end());
        return values[static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size()))) - 1];
    }
    double sum = 0, lo = window.front()->value, hi = lo;
    for (const Sample* s : window)
        sum += s->value, lo = std::min(lo, s->value), hi = std::max(hi, s->value);
    switch (expr.function) {
    case Function::Rate: { // a counter's increase per second over the window
        if (window.size() < 2)
            return 0;
        const double seconds = std::chrono::duration<double>(window.back()->at - window.front()->at).count();
        const double increase = window.back()->value - window.front()->value;
        return seconds > 0 && increase > 0 ? increase / seconds : 0;
    }
    case Function::Min:
    case Function::MinOverTime:
        return lo;
    case Function::Max:
    case Function::MaxOverTime:
        return hi;
    case Function::SumOverTime:
        return sum;
    default:
        return sum / static_cast<double>(window.size()); // avg, avg_over_time
    }
}

std::vector<AlertStatus> AlertEvaluator::evaluate(Clock::TimePoint now)
{
    std::vector<AlertStatus> changed;
    for (AlertStatus& a : m_alerts) {
        a.value = read(a.rule.expr, now);
        if (a.restored && std::isnan(a.value))
            continue; // no reading since the restart: as it was
        a.restored = false;
        const bool holds = !std::isnan(a.value) && a.rule.expr.holds(a.value);
        if (holds)
            a.lastTrue = now;
        AlertState next = a.state;
        switch (a.state) {
        case AlertState::Inactive:
        case AlertState::Resolved:
            if (holds)
                next = a.rule.forDuration.count() == 0 ? AlertState::Firing : AlertState::Pending;
            else if (a.state == AlertState::Resolved)
                next = AlertState::Inactive;
            break;
        case AlertState::Pending:
            if (!holds)
                next = AlertState::Inactive;
            else if (now - *a.since >= a.rule.forDuration)
                next = AlertState::Firing;
            break;
        case AlertState::Firing:
            if (!holds && (!a.lastTrue || now - *a.lastTrue >= a.rule.keepFiringFor))
                next = AlertState::Resolved;
            break;
        }
        const bool first = !a.since;
        if (next == a.state && !first)
            continue;
        const AlertState before = a.state;
        a.state = next;
        a.since = now;
        // The first look and inactive after resolved are the rule at rest: nothing to record.
        if (!(next == AlertState::Inactive && (first || before == AlertState::Resolved)))
            changed.push_back(a);
    }
    return changed;
}

} // namespace evograph::agents
