// How small the diff stays when a few statements around blank nodes change: for each file, drop
// or add k = 1..K statements that touch a blank node (tests/support/blank_mutation.h), relabel
// every blank node, diff against the original, and report |diff| / k: mean, percentiles, worst.
// Usage: bench_blank_diff FILE... [--max-k K]
#include "../tests/support/blank_mutation.h"
#include "evograph/diff/graph_diff.h"
#include "evograph/rdf/reader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace evograph;

int main(int argc, char** argv)
{
    std::vector<std::string> files;
    std::size_t maxK = 200;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--max-k") == 0 && i + 1 < argc)
            maxK = std::stoul(argv[++i]);
        else
            files.push_back(argv[i]);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: bench_blank_diff FILE... [--max-k K]\n");
        return 2;
    }
    for (const std::string& file : files) {
        rdf::Dataset original;
        rdf::readFile(file, original);
        for (const test::Edit edit : {test::Edit::Drop, test::Edit::Add}) {
            std::vector<double> ratios;
            double seconds = 0;
            std::size_t total = 0, edits = 0;
            for (std::size_t k = 1; k <= maxK; ++k) {
                const rdf::Dataset edited = test::editAroundBlanks(original, edit, k, static_cast<std::uint32_t>(k));
                const auto start = std::chrono::steady_clock::now();
                const diff::GraphDiff d = diff::diffDatasets(original, edited);
                seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                const std::size_t size = d.added.size() + d.removed.size();
                ratios.push_back(static_cast<double>(size) / static_cast<double>(k));
                total += size, edits += k;
            }
            std::vector<double> sorted = ratios;
            std::sort(sorted.begin(), sorted.end());
            auto at = [&](double q) {
                return sorted[static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1))];
            };
            double mean = 0;
            for (const double r : ratios)
                mean += r;
            mean /= static_cast<double>(ratios.size());
            std::printf("%s %s k=1..%zu: |diff|/k mean %.3f, overall %.3f, p50 %.2f, p90 %.2f, p99 %.2f, max %.2f "
                        "(k=%zu); %.1f ms per diff of %zu triples\n",
                file.c_str(), edit == test::Edit::Drop ? "drop" : "add ", maxK, mean,
                static_cast<double>(total) / static_cast<double>(edits), at(0.5), at(0.9), at(0.99), sorted.back(),
                static_cast<std::size_t>(std::max_element(ratios.begin(), ratios.end()) - ratios.begin()) + 1,
                1000 * seconds / static_cast<double>(maxK), original.size());
        }
    }
    return 0;
}
