#pragma once
// A fixed pool of worker threads and a task API on top of it: a task reports progress, stops at
// cancellation checkpoints, and hands its result back as an immutable shared value.

#include "evograph/engine/cancellation.h"
#include "evograph/engine/metrics.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace evograph::engine {

class ThreadPool {
public:
    // threads == 0: one per hardware thread. Reports "pool.queued"/"pool.active" gauges.
    explicit ThreadPool(unsigned threads = 0, MetricsRegistry& metrics = MetricsRegistry::global());
    // Runs what is still queued, then joins the workers.
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    void post(std::function<void()> job);
    unsigned threadCount() const { return static_cast<unsigned>(m_workers.size()); }
    std::size_t queued() const;
    std::size_t active() const { return m_active.load(); }
    MetricsRegistry& metrics() { return m_metrics; }

private:
    void workerLoop();

    MetricsRegistry& m_metrics;
    Gauge& m_queuedGauge;
    Gauge& m_activeGauge;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    std::atomic<std::size_t> m_active {0};
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

// What a running task sees: where to check for cancellation and report progress.
class TaskContext {
public:
    TaskContext(CancellationToken cancel, std::shared_ptr<std::atomic<std::uint64_t>> done,
        std::shared_ptr<std::atomic<std::uint64_t>> total)
        : m_cancel(std::move(cancel))
        , m_done(std::move(done))
        , m_total(std::move(total))
    {
    }

    const CancellationToken& cancellation() const { return m_cancel; }
    void checkpoint() const { m_cancel.checkpoint(); }
    void setProgress(std::uint64_t done, std::uint64_t total) const
    {
        m_total->store(total, std::memory_order_relaxed);
        m_done->store(done, std::memory_order_relaxed);
    }
    ProgressCallback progressCallback() const
    {
        return [done = m_done, total = m_total](std::uint64_t d, std::uint64_t t) {
            total->store(t, std::memory_order_relaxed);
            done->store(d, std::memory_order_relaxed);
        };
    }

private:
    CancellationToken m_cancel;
    std::shared_ptr<std::atomic<std::uint64_t>> m_done;
    std::shared_ptr<std::atomic<std::uint64_t>> m_total;
};

// A handle to a task's result. Copies share the task.
template <typename T> class Task {
public:
    using Result = std::shared_ptr<const T>;

    Task(std::shared_future<Result> result, CancellationToken cancel, std::shared_ptr<std::atomic<std::uint64_t>> done,
        std::shared_ptr<std::atomic<std::uint64_t>> total)
        : m_result(std::move(result))
        , m_cancel(std::move(cancel))
        , m_done(std::move(done))
        , m_total(std::move(total))
    {
    }

    void cancel() const { m_cancel.cancel(); }
    bool isCancelled() const { return m_cancel.isCancelled(); }
    bool isReady() const { return m_result.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }
    bool waitFor(std::chrono::milliseconds timeout) const
    {
        return m_result.wait_for(timeout) == std::future_status::ready;
    }
    // Waits; rethrows what the task threw (evograph::Error, evograph::Cancelled, ...).
    Result get() const { return m_result.get(); }
    std::uint64_t progressDone() const { return m_done->load(std::memory_order_relaxed); }
    std::uint64_t progressTotal() const { return m_total->load(std::memory_order_relaxed); }

private:
    std::shared_future<Result> m_result;
    CancellationToken m_cancel;
    std::shared_ptr<std::atomic<std::uint64_t>> m_done;
    std::shared_ptr<std::atomic<std::uint64_t>> m_total;
};

// Runs `work(TaskContext&) -> T` on the pool; its duration goes to the "task.<name>" histogram.
template <typename Work>
auto runTask(ThreadPool& pool, const std::string& name, Work work)
    -> Task<std::invoke_result_t<Work&, const TaskContext&>>
{
    using T = std::invoke_result_t<Work&, const TaskContext&>;
    using Result = std::shared_ptr<const T>;
    auto promise = std::make_shared<std::promise<Result>>();
    CancellationToken cancel;
    auto done = std::make_shared<std::atomic<std::uint64_t>>(0);
    auto total = std::make_shared<std::atomic<std::uint64_t>>(0);
    Task<T> task(promise->get_future().share(), cancel, done, total);
    Histogram& latency = pool.metrics().histogram("task." + name);
    pool.post([promise, context = TaskContext(cancel, done, total), work = std::move(work), &latency]() mutable {
        Result result;
        std::exception_ptr error;
        {
            ScopedTimer timer(latency); // recorded before the result is visible to anyone
            try {
                context.checkpoint();
                result = std::make_shared<const T>(work(context));
            } catch (...) {
                error = std::current_exception();
            }
        }
        if (error)
            promise->set_exception(error);
        else
            promise->set_value(std::move(result));
    });
    return task;
}

} // namespace evograph::engine
