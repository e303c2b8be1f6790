// Parses an RDF file into the in-memory dataset and prints the time, triples and memory:
//   bench_parse FILE  ->  {"seconds": S, "triples": N, "dictionary_bytes": B, "quad_bytes": Q}
// bench/parse_vs_serdi.sh runs it against serdi and reports the ratio and peak RSS per triple.

#include "evograph/rdf/reader.h"

#include <chrono>
#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_parse FILE\n");
        return 2;
    }
    evograph::rdf::Dataset dataset;
    const auto start = std::chrono::steady_clock::now();
    try {
        evograph::rdf::readFile(argv[1], dataset);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("{\"seconds\": %.3f, \"triples\": %zu, \"dictionary_bytes\": %zu, \"quad_bytes\": %zu}\n", seconds,
        dataset.size(), dataset.dictionary().memoryBytes(), dataset.memoryBytes());
    return 0;
}
