#include "evograph/engine/metrics.h"

#include <algorithm>

#include <cmath>

namespace evograph::engine {

namespace {
int bucketFor(double microseconds)
{
    if (!(microseconds > 1.0))
        return 0;
    const int bucket = 1 + static_cast<int>(std::log2(microseconds) * Histogram::kBucketsPerDoubling);
    return bucket < Histogram::kBuckets ? bucket : Histogram::kBuckets - 1;
}

// The geometric middle of a bucket, as the value its members stand for.
double bucketValue(int bucket)
{
    if (bucket == 0)
        return 1.0;
    return std::exp2((bucket - 0.5) / Histogram::kBucketsPerDoubling);
}
} // namespace

void Histogram::record(double microseconds)
{
    m_buckets[bucketFor(microseconds)].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sumNanoseconds.fetch_add(
        static_cast<std::uint64_t>(microseconds > 0 ? microseconds * 1000.0 : 0), std::memory_order_relaxed);
}

double Histogram::sumMicroseconds() const
{
    return static_cast<double>(m_sumNanoseconds.load(std::memory_order_relaxed)) / 1000.0;
}

double Histogram::quantile(double q) const
{
    return quantileOf(buckets(), q);
}

Histogram::Buckets Histogram::buckets() const
{
    Buckets counts {};
    for (int i = 0; i < kBuckets; ++i)
        counts[i] = m_buckets[i].load(std::memory_order_relaxed);
    return counts;
}

Histogram::Buckets Histogram::between(const Buckets* before, const Buckets& after)
{
    Buckets interval = after;
    if (before)
        for (std::size_t i = 0; i < interval.size(); ++i)
            interval[i] -= std::min(interval[i], (*before)[i]);
    return interval;
}

bool Histogram::isEmpty(const Buckets& counts)
{
    return std::all_of(counts.begin(), counts.end(), [](std::uint64_t c) { return c == 0; });
}

double Histogram::quantileOf(const Buckets& counts, double q)
{
    std::uint64_t total = 0;
    for (const std::uint64_t count : counts)
        total += count;
    if (total == 0)
        return 0;
    const auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(total)));
    std::uint64_t seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += counts[i];
        if (seen >= rank && counts[i] > 0)
            return bucketValue(i);
    }
    return bucketValue(kBuckets - 1);
}

MetricsRegistry& MetricsRegistry::global()
{
    static MetricsRegistry registry;
    return registry;
}

template <typename T> static T& findOrAdd(std::map<std::string, std::unique_ptr<T>>& map, const std::string& name)
{
    auto& slot = map[name];
    if (!slot)
        slot = std::make_unique<T>();
    return *slot;
}

Counter& MetricsRegistry::counter(const std::string& name)
{
    std::lock_guard lock(m_mutex);
    return findOrAdd(m_counters, name);
}

Gauge& MetricsRegistry::gauge(const std::string& name)
{
    std::lock_guard lock(m_mutex);
    return findOrAdd(m_gauges, name);
}

Histogram& MetricsRegistry::histogram(const std::string& name)
{
    std::lock_guard lock(m_mutex);
    return findOrAdd(m_histograms, name);
}

MetricsSnapshot MetricsRegistry::snapshot() const
{
    std::lock_guard lock(m_mutex);
    MetricsSnapshot snapshot;
    snapshot.taken = std::chrono::system_clock::now();
    for (const auto& [name, counter] : m_counters)
        snapshot.counters[name] = counter->value();
    for (const auto& [name, gauge] : m_gauges)
        snapshot.gauges[name] = gauge->value();
    for (const auto& [name, histogram] : m_histograms) {
        const auto counts = histogram->buckets();
        snapshot.histograms[name] = HistogramSummary {histogram->count(), Histogram::quantileOf(counts, 0.50),
            Histogram::quantileOf(counts, 0.95), Histogram::quantileOf(counts, 0.99), histogram->sumMicroseconds()};
        snapshot.buckets[name] = counts;
    }
    return snapshot;
}

ScopedTimer::~ScopedTimer()
{
    m_histogram.record(elapsedSeconds() * 1e6);
}

double ScopedTimer::elapsedSeconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

} // namespace evograph::engine
