#include "evograph/engine/thread_pool.h"

#include <algorithm>

namespace evograph::engine {

ThreadPool::ThreadPool(unsigned threads, MetricsRegistry& metrics)
    : m_metrics(metrics)
    , m_queuedGauge(metrics.gauge("pool.queued"))
    , m_activeGauge(metrics.gauge("pool.active"))
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    m_workers.reserve(threads);
    for (unsigned i = 0; i < threads; ++i)
        m_workers.emplace_back([this] { workerLoop(); });
}

ThreadPool::~ThreadPool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& worker : m_workers)
        worker.join();
}

void ThreadPool::post(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(job));
        m_queuedGauge.add(1);
    }
    m_wake.notify_one();
}

std::size_t ThreadPool::queued() const
{
    std::lock_guard lock(m_mutex);
    return m_queue.size();
}

void ThreadPool::workerLoop()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping and nothing left to run
            job = std::move(m_queue.front());
            m_queue.pop_front();
            m_queuedGauge.add(-1);
            ++m_active;
            m_activeGauge.add(1);
        }
        job(); // jobs made by runTask never throw: they store exceptions in the task
        --m_active;
        m_activeGauge.add(-1);
    }
}

} // namespace evograph::engine
