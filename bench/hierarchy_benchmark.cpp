// How long the hierarchy diff takes to build, apart from reading and analysing: for consecutive
// releases (each pair OLD NEW on the command line), the median of 15 builds of the class, property
// and concept trees and their aligned outlines. Prints one JSON line per pair.
//   bench_hierarchy OLD NEW [OLD NEW ...]
#include "evograph/analysis/hierarchy_report.h"
#include "evograph/rdf/reader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace evograph;

int main(int argc, char** argv)
{
    if (argc < 3 || argc % 2 == 0) {
        std::fprintf(stderr, "usage: %s OLD NEW [OLD NEW ...]\n", argv[0]);
        return 2;
    }
    for (int i = 1; i + 1 < argc; i += 2) {
        auto dictionary = std::make_shared<rdf::Dictionary>();
        rdf::Dataset oldData(dictionary), newData(dictionary);
        rdf::readFile(argv[i], oldData);
        rdf::readFile(argv[i + 1], newData);
        const analysis::Analysis analysis = analysis::analyzeDatasets(oldData, newData);
        const std::vector kinds {
            analysis::HierarchyKind::Classes, analysis::HierarchyKind::Properties, analysis::HierarchyKind::Concepts};
        std::vector<double> ms;
        std::size_t terms = 0, rows = 0;
        for (int run = 0; run < 15; ++run) {
            const auto start = std::chrono::steady_clock::now();
            const auto trees = analysis::buildHierarchies(oldData, newData, analysis, kinds);
            std::size_t aligned = 0;
            for (const auto& tree : trees)
                aligned += analysis::alignOutlines(tree).size();
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            terms = 0;
            for (const auto& tree : trees)
                terms += tree.entries.size();
            rows = aligned;
        }
        std::sort(ms.begin(), ms.end());
        std::printf("{\"old\": \"%s\", \"new\": \"%s\", \"terms\": %zu, \"aligned_rows\": %zu, \"changes\": %zu, "
                    "\"build_ms_median\": %.1f, \"build_ms_max\": %.1f}\n",
            argv[i], argv[i + 1], terms, rows, analysis.changes.size(), ms[ms.size() / 2], ms.back());
    }
    return 0;
}
