// Times one SPARQL Update in evograph's executor: reads DATA once, then runs UPDATE on a fresh
// copy RUNS times and prints the best wall time in seconds (the update alone, as Oxigraph's side
// of bench/migrate_vs_oxigraph.sh measures store.update alone).
//   bench_migrate_update DATA UPDATE [RUNS]
#include "evograph/rdf/reader.h"
#include "evograph/sparql/update.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_migrate_update DATA UPDATE [RUNS]\n");
        return 2;
    }
    const int runs = argc > 3 ? std::stoi(argv[3]) : 3;
    evograph::rdf::Dataset original;
    evograph::rdf::readFile(argv[1], original);
    original.finalize();
    std::ifstream in(argv[2]);
    std::stringstream text;
    text << in.rdbuf();
    const auto update = evograph::sparql::parseUpdate(text.str(), argv[2]);
    double best = 1e9;
    std::size_t added = 0, removed = 0;
    for (int i = 0; i < runs; ++i) {
        evograph::rdf::Dataset data(original.sharedDictionary());
        data.reserve(original.size());
        for (const auto& q : original.quads())
            data.add(q);
        data.finalize();
        const auto start = std::chrono::steady_clock::now();
        const auto effect = evograph::sparql::executeUpdate(update, data);
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        added = effect.added.size(), removed = effect.removed.size();
    }
    std::printf("%.4f\n", best);
    std::fprintf(stderr, "evograph: +%zu -%zu quads\n", added, removed);
    return 0;
}
