// Metric history in a real workspace file: 1 s samples kept for an hour, then folded into
// per-minute averages, those into hourly ones after a week; baselines and comparisons.
#include "evograph/workspace/metric_report.h"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <unistd.h>

using namespace evograph;
using namespace evograph::workspace;

TEST_CASE("metric samples age from 1 s to 1 min averages after an hour, to 1 h after a week", "[workspace][metrics]")
{
    const auto dir = std::filesystem::temp_directory_path() / ("evograph-metrics-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto ws = Workspace::create((dir / "m.evograph").string());
    const std::int64_t now = 1'800'000'000; // a minute boundary: 30'000'000 minutes
    std::vector<MetricSample> samples;
    for (std::int64_t s = 0; s < 120; ++s) // two minutes of 1 s samples, two hours ago
        samples.push_back({"diff.latency.p95", now - 7200 + s, s < 60 ? 10.0 : 30.0});
    for (std::int64_t s = 0; s < 30; ++s) // and half a minute just now
        samples.push_back({"diff.latency.p95", now - 30 + s, 5.0});
    recordMetricSamples(ws, samples, now);
    auto history = metricHistory(ws, 0, now);
    const auto& points = history.at("diff.latency.p95");
    REQUIRE(points.size() == 2 + 30); // the old minutes as one point each, the recent seconds as they were
    CHECK(points[0].at == now - 7200);
    CHECK(points[0].value == 10.0);
    CHECK(points[1].value == 30.0);
    CHECK(points[2].value == 5.0);

    recordMetricSamples(ws, {}, now + 8 * 86400); // a week later: minutes become hours
    history = metricHistory(ws, 0, now + 8 * 86400);
    REQUIRE(history.at("diff.latency.p95").size() == 2); // the old hour, the recent one
    CHECK(history.at("diff.latency.p95")[0].value == 20.0);

    CHECK(metricBaseline(metricHistory(ws, 0, now + 8 * 86400)).at("diff.latency.p95") == 12.5);
    std::filesystem::remove_all(dir);
}

TEST_CASE("comparing figures: worse beyond the tolerance is a regression; throughput is better higher", "[metrics]")
{
    const auto results = compareMetrics({{"diff.latency.p95", 100}, {"parse.per_second", 1000}, {"gone", 1}},
        {{"diff.latency.p95", 109}, {"parse.per_second", 800}}, 0.10);
    REQUIRE(results.size() == 3);
    CHECK(results[0].status == "pass"); // diff.latency.p95: 9 % slower
    CHECK(results[1].status == "missing");
    CHECK(results[2].status == "regression"); // parse.per_second: 20 % fewer
}
