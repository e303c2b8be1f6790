#pragma once
// The engine's metrics registry: counters, gauges and latency histograms, updated lock-free
// from any thread and read as a consistent-enough snapshot by the UI, the CLI and benchmarks.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace evograph::engine {

class Counter {
public:
    void add(std::uint64_t n = 1) { m_value.fetch_add(n, std::memory_order_relaxed); }
    std::uint64_t value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<std::uint64_t> m_value {0};
};

class Gauge {
public:
    void set(std::int64_t v) { m_value.store(v, std::memory_order_relaxed); }
    void add(std::int64_t n) { m_value.fetch_add(n, std::memory_order_relaxed); }
    std::int64_t value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<std::int64_t> m_value {0};
};

// Latencies in microseconds, in log-spaced buckets (8 per power of two: quantiles are within
// about 9 % of the true value) from 1 µs to about 18 hours.
class Histogram {
public:
    static constexpr int kBucketsPerDoubling = 8;
    static constexpr int kBuckets = 36 * kBucketsPerDoubling + 1;

    void record(double microseconds);
    std::uint64_t count() const { return m_count.load(std::memory_order_relaxed); }
    double sumMicroseconds() const;
    // q in [0, 1]; 0 when nothing was recorded.
    double quantile(double q) const;

    using Buckets = std::array<std::uint64_t, kBuckets>;
    // The bucket counts so far. The difference of two readings is the histogram of what was
    // recorded in between, so a sampler can show the latency of the last interval.
    Buckets buckets() const;
    // q in [0, 1] over bucket counts (a reading or a difference); 0 when they are all zero.
    static double quantileOf(const Buckets& counts, double q);
    // What was recorded between two readings: `after` less `before` (none: all of `after`).
    static Buckets between(const Buckets* before, const Buckets& after);
    static bool isEmpty(const Buckets& counts);

private:
    std::array<std::atomic<std::uint64_t>, kBuckets> m_buckets {};
    std::atomic<std::uint64_t> m_count {0};
    std::atomic<std::uint64_t> m_sumNanoseconds {0};
};

struct HistogramSummary {
    std::uint64_t count = 0;
    double p50 = 0, p95 = 0, p99 = 0; // microseconds
    double sumMicroseconds = 0;
};

struct MetricsSnapshot {
    std::chrono::system_clock::time_point taken;
    std::map<std::string, std::uint64_t> counters;
    std::map<std::string, std::int64_t> gauges;
    std::map<std::string, HistogramSummary> histograms;
    std::map<std::string, Histogram::Buckets> buckets; // each histogram's counts, for interval quantiles
};

class MetricsRegistry {
public:
    // The process-wide registry the engine reports to.
    static MetricsRegistry& global();

    // Returned references stay valid for the registry's lifetime.
    Counter& counter(const std::string& name);
    Gauge& gauge(const std::string& name);
    Histogram& histogram(const std::string& name);

    MetricsSnapshot snapshot() const;

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::unique_ptr<Counter>> m_counters;
    std::map<std::string, std::unique_ptr<Gauge>> m_gauges;
    std::map<std::string, std::unique_ptr<Histogram>> m_histograms;
};

// Records the time from construction to destruction into a histogram.
class ScopedTimer {
public:
    explicit ScopedTimer(Histogram& histogram)
        : m_histogram(histogram)
        , m_start(std::chrono::steady_clock::now())
    {
    }
    ~ScopedTimer();
    ScopedTimer(const ScopedTimer&) = delete;
    ScopedTimer& operator=(const ScopedTimer&) = delete;
    double elapsedSeconds() const;

private:
    Histogram& m_histogram;
    std::chrono::steady_clock::time_point m_start;
};

} // namespace evograph::engine
