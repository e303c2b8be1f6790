// The flat index's narrow first pass (int8 on VNNI, then an f32 re-rank): on every path this CPU
// has, every metric, filters, removals, odd dimensions and near ties, the answer is the f32
// search's, id for id and score for score.

#include "evograph/vector/flat_index.h"
#include "evograph/vector/kernels.h"

#include <catch2/catch_test_macros.hpp>

#include <random>

using namespace evograph;
using namespace evograph::vector;

namespace {
VectorSet clustered(std::size_t n, std::size_t d, std::uint64_t seed, float spread)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<float> normal;
    VectorSet centres(8, d);
    for (float& x : centres.values())
        x = normal(random);
    VectorSet out(n, d);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < d; ++j)
            out.row(i)[j] = centres.row(i % 8)[j] + normal(random) * spread;
    return out;
}

SearchResults searchOn(const std::string& path, const FlatIndex& index, const VectorSet& queries, SearchOptions options)
{
    forceFirstPassPath(path);
    SearchResults r = index.search(queries, options);
    forceFirstPassPath({});
    return r;
}

void requireSame(const SearchResults& narrow, const SearchResults& exact)
{
    REQUIRE(narrow.ids == exact.ids);
    REQUIRE(narrow.distances == exact.distances);
}
} // namespace

TEST_CASE("the narrow first pass returns the f32 answer on every path, metric and batch shape", "[vector]")
{
    const std::vector<std::string> paths = supportedFirstPassPaths();
    REQUIRE(paths.back() == "f32");
    INFO("first-pass paths on this CPU: " << paths.size() - 1);
    engine::ThreadPool pool(2);
    for (const Metric metric : {Metric::InnerProduct, Metric::L2, Metric::Cosine})
        for (const std::size_t d : {3u, 37u, 128u}) {
            // Tight clusters: many scores differ in the third decimal, where int8 alone would err.
            const VectorSet data = clustered(700, d, 11 + d, 0.02f);
            const VectorSet queries = clustered(40, d, 97 + d, 0.02f);
            FlatIndex index(d, metric);
            index.add(data);
            for (const std::size_t threads : {1u, 2u})
                for (const std::size_t batch : {1u, 40u}) {
                    VectorSet some(batch, d);
                    for (std::size_t i = 0; i < batch; ++i)
                        std::copy_n(queries.row(i), d, some.row(i));
                    SearchOptions options;
                    options.k = 10, options.threads = threads, options.pool = &pool;
                    const SearchResults exact = searchOn("f32", index, some, options);
                    for (const std::string& path : paths) {
                        INFO(path << ", " << toString(metric) << ", d " << d << ", " << threads << " thread(s), batch "
                                  << batch);
                        requireSame(searchOn(path, index, some, options), exact);
                    }
                }
        }
}

TEST_CASE("the narrow first pass keeps filters, removals and k beyond the size", "[vector]")
{
    const std::size_t d = 64;
    FlatIndex index(d, Metric::InnerProduct);
    index.add(clustered(300, d, 5, 0.05f));
    for (VectorId id = 0; id < 300; id += 3) // the last rows fill the holes: the sketch must follow
        REQUIRE(index.remove(id));
    const VectorSet queries = clustered(25, d, 6, 0.05f);
    SearchOptions options;
    options.filter = [](VectorId id) { return id % 5 != 0; };
    for (const std::size_t k : {1u, 10u, 500u}) {
        options.k = k;
        const SearchResults exact = searchOn("f32", index, queries, options);
        for (const std::string& path : supportedFirstPassPaths()) {
            INFO(path << ", k " << k);
            requireSame(searchOn(path, index, queries, options), exact);
        }
    }
}

TEST_CASE("the first pass path can be chosen, and refuses one this CPU lacks", "[vector]")
{
    const auto paths = supportedFirstPassPaths();
    CHECK(firstPassPath() == paths.front());
    forceFirstPassPath("f32");
    CHECK(firstPassPath() == "f32");
    forceFirstPassPath({});
    CHECK(firstPassPath() == paths.front());
    CHECK_THROWS(forceFirstPassPath("sse9"));
}
