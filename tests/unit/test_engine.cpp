#include "evograph/engine/metrics.h"
#include "evograph/engine/thread_pool.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <set>
#include <thread>

using namespace evograph;
using namespace evograph::engine;
using namespace std::chrono_literals;

TEST_CASE("tasks run on worker threads and hand back immutable results", "[engine]")
{
    MetricsRegistry metrics;
    ThreadPool pool(2, metrics);
    auto a = runTask(pool, "square", [](const TaskContext&) { return std::this_thread::get_id(); });
    auto b = runTask(pool, "square", [](const TaskContext&) { return 6 * 7; });
    CHECK(*a.get() != std::this_thread::get_id());
    CHECK(*b.get() == 42);
    CHECK(metrics.snapshot().histograms.at("task.square").count == 2);
}

TEST_CASE("a task's exception reaches whoever takes its result", "[engine]")
{
    ThreadPool pool(1);
    auto task = runTask(pool, "failing", [](const TaskContext&) -> int { throw Error("boom"); });
    CHECK_THROWS_AS(task.get(), Error);
}

TEST_CASE("cancelling stops a task at its next checkpoint and reports progress until then", "[engine]")
{
    ThreadPool pool(1);
    auto task = runTask(pool, "endless", [](const TaskContext& context) {
        for (std::uint64_t i = 0;; ++i) {
            context.setProgress(i, 0);
            context.checkpoint();
            std::this_thread::sleep_for(1ms);
        }
        return 0;
    });
    while (task.progressDone() < 3)
        std::this_thread::sleep_for(1ms);
    task.cancel();
    REQUIRE(task.waitFor(5s));
    CHECK_THROWS_AS(task.get(), Cancelled);
}

TEST_CASE("the pool reports queued and active work", "[engine]")
{
    MetricsRegistry metrics;
    std::atomic<bool> release {false};
    {
        ThreadPool pool(1, metrics);
        pool.post([&] {
            while (!release)
                std::this_thread::sleep_for(1ms);
        });
        pool.post([] {});
        while (pool.active() == 0)
            std::this_thread::sleep_for(1ms);
        CHECK(metrics.snapshot().gauges.at("pool.active") == 1);
        CHECK(metrics.snapshot().gauges.at("pool.queued") == 1);
        release = true;
    }
    CHECK(metrics.snapshot().gauges.at("pool.queued") == 0);
}

TEST_CASE("histogram quantiles are within a bucket of the truth", "[metrics]")
{
    Histogram h;
    for (int i = 1; i <= 1000; ++i)
        h.record(i * 10.0); // 10 µs .. 10 ms, uniform
    CHECK(h.count() == 1000);
    CHECK(h.quantile(0.50) == Catch::Approx(5000).epsilon(0.1));
    CHECK(h.quantile(0.95) == Catch::Approx(9500).epsilon(0.1));
    CHECK(h.quantile(0.99) == Catch::Approx(9900).epsilon(0.1));
    CHECK(Histogram().quantile(0.5) == 0);
}

TEST_CASE("counters add up across threads", "[metrics]")
{
    MetricsRegistry metrics;
    Counter& c = metrics.counter("hits");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 10'000; ++i)
                c.add();
        });
    for (auto& t : threads)
        t.join();
    CHECK(metrics.snapshot().counters.at("hits") == 40'000);
}
