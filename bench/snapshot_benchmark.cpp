// In-process snapshot costs on an open workspace (what the studio pays; the CLI adds its process
// start-up): best-of-N wall time of createSnapshot, and of restoreSnapshot alternating between
// two snapshots so that every restore switches the graphs.
//   bench_snapshot WORKSPACE SNAPSHOT_A SNAPSHOT_B [RUNS]
#include "evograph/workspace/snapshots.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace evograph::workspace;

namespace {
double bestSeconds(int runs, const std::function<void()>& work)
{
    double best = 1e9;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_snapshot WORKSPACE SNAPSHOT_A SNAPSHOT_B [RUNS]\n");
        return 2;
    }
    const int runs = argc > 4 ? std::atoi(argv[4]) : 5;
    Workspace ws = Workspace::open(argv[1], {Access::Write, {}, "bench_snapshot"});
    const double create = bestSeconds(runs, [&] { createSnapshot(ws, "bench"); });
    const char* target = argv[2];
    const double restore = bestSeconds(runs, [&] {
        restoreSnapshot(ws, target);
        target = target == argv[2] ? argv[3] : argv[2];
    });
    std::printf("%.4f %.4f\n", create, restore);
    return 0;
}
