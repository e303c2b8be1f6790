// The vector engine against FAISS (IndexFlatIP with OpenBLAS, IndexHNSWFlat, IndexPQ with a
// refine stage) and hnswlib, in one process on the same data: recall@10 against exact ground
// truth, queries per second, build time and bytes per vector. Prints a Markdown table and writes
// one CSV row per measurement (for the recall/QPS plot of bench/vectors_vs_faiss_hnswlib.sh).
// Usage: bench_vectors [--n N] [--dim D] [--queries Q] [--data mixture|uniform] [--csv FILE]
//                      [--skip-flat] [--skip-hnsw] [--skip-pq] [--skip-faiss-hnsw] [--skip-storages]
#include "evograph/vector/flat_index.h"
#include "evograph/vector/hnsw_index.h"
#include "evograph/vector/kernels.h"
#include "evograph/vector/pq_index.h"
#include "vector_data.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>
#include <faiss/IndexPQ.h>
#include <faiss/IndexRefine.h>
#include <faiss/utils/utils.h>
#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <fstream>
#include <omp.h>
#include <set>
#include <string>
#include <thread>

using namespace evograph;
using namespace evograph::vector;

namespace {
using FaissId = faiss::Index::idx_t;

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// OpenBLAS keeps its own thread pool: set it with OpenMP's so that "1 thread" means one.
void setThreads(int threads)
{
    omp_set_num_threads(threads);
    using SetThreads = void (*)(int);
    static auto* set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (!set) {
        std::fprintf(stderr, "bench_vectors: openblas_set_num_threads not found; is FAISS linked with OpenBLAS?\n");
        std::exit(2);
    }
    set(threads);
}

// What the peer ran with, so a figure can be judged: FAISS's compile options, the core OpenBLAS
// chose and its config, whether the variables that hold it back were set, and this CPU's flags.
std::string peerConditions()
{
    using Text = char* (*)();
    const auto call = [](const char* symbol) {
        const auto f = reinterpret_cast<Text>(dlsym(RTLD_DEFAULT, symbol));
        return f ? std::string(f()) : std::string("(not OpenBLAS)");
    };
    std::string flags;
    std::ifstream cpu("/proc/cpuinfo");
    for (std::string line; std::getline(cpu, line);)
        if (line.rfind("flags", 0) == 0) {
            for (const char* f : {"avx2", "fma", "avx512f", "avx512bw", "avx512_vnni", "avx_vnni", "avx512_bf16"})
                if (line.find(std::string(" ") + f + " ") != std::string::npos || line.ends_with(std::string(" ") + f))
                    flags += std::string(flags.empty() ? "" : " ") + f;
            break;
        }
    const auto env = [](const char* name) {
        const char* v = std::getenv(name);
        return std::string(name) + (v ? "=" + std::string(v) : " unset");
    };
    return "- FAISS: " + faiss::get_compile_options() + "\n- OpenBLAS: core " + call("openblas_get_corename")
        + ", config " + call("openblas_get_config") + "; " + env("OPENBLAS_CORETYPE") + ", " + env("OPENBLAS_L2_SIZE")
        + "\n- CPU flags: " + flags + "\n";
}

double recallAt(const std::vector<std::int64_t>& ids, const std::vector<std::int64_t>& truth, std::size_t k)
{
    std::size_t hits = 0;
    const std::size_t nq = truth.size() / k;
    for (std::size_t q = 0; q < nq; ++q) {
        const std::set<std::int64_t> want(truth.begin() + static_cast<std::ptrdiff_t>(q * k),
            truth.begin() + static_cast<std::ptrdiff_t>((q + 1) * k));
        for (std::size_t j = 0; j < k; ++j)
            hits += want.contains(ids[q * k + j]);
    }
    return static_cast<double>(hits) / static_cast<double>(nq * k);
}

struct Row {
    std::string what, library, setting;
    double recall = -1, qps = -1, buildSeconds = -1, bytesPerVector = -1, p50ms = -1, p99ms = -1;
};

class Report {
public:
    Report(std::string data, std::size_t n, std::size_t d, const std::string& csv)
        : m_data(std::move(data))
        , m_n(n)
        , m_d(d)
    {
        if (!csv.empty()) {
            m_csv.open(csv, std::ios::app);
            if (m_csv.tellp() == 0)
                m_csv << "data,n,dim,what,library,setting,recall,qps,build_s,bytes_per_vector,p50_ms,p99_ms\n";
        }
        std::printf("\n## %s, n = %zu, d = %zu (SIMD target %s, first pass %s)\n\n%s\n", m_data.c_str(), n, d,
            activeTarget().c_str(), firstPassPath().c_str(), peerConditions().c_str());
        std::printf("| what | library | setting | recall@10 | QPS | build s | bytes/vector | p50 ms | p99 ms |\n");
        std::printf("|---|---|---|---|---|---|---|---|---|\n");
    }
    void add(const Row& r)
    {
        auto f = [](double v, const char* format) {
            if (v < 0)
                return std::string("");
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, format, v);
            return std::string(buffer);
        };
        std::printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", r.what.c_str(), r.library.c_str(),
            r.setting.c_str(), f(r.recall, "%.4f").c_str(), f(r.qps, "%.0f").c_str(), f(r.buildSeconds, "%.2f").c_str(),
            f(r.bytesPerVector, "%.1f").c_str(), f(r.p50ms, "%.2f").c_str(), f(r.p99ms, "%.2f").c_str());
        std::fflush(stdout);
        if (m_csv)
            m_csv << m_data << ',' << m_n << ',' << m_d << ',' << r.what << ',' << r.library << ',' << r.setting << ','
                  << r.recall << ',' << r.qps << ',' << r.buildSeconds << ',' << r.bytesPerVector << ',' << r.p50ms
                  << ',' << r.p99ms << '\n';
    }

private:
    std::string m_data;
    std::size_t m_n, m_d;
    std::ofstream m_csv;
};

std::pair<double, double> percentiles(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}
} // namespace

int main(int argc, char** argv)
{
    std::size_t n = 100000, d = 384, nq = 1000, k = 10;
    std::string data = "mixture", csv;
    bool flat = true, hnsw = true, pq = true, faissHnsw = true, storages = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--n")
            n = std::stoul(next());
        else if (a == "--dim")
            d = std::stoul(next());
        else if (a == "--queries")
            nq = std::stoul(next());
        else if (a == "--data")
            data = next();
        else if (a == "--csv")
            csv = next();
        else if (a == "--skip-flat")
            flat = false;
        else if (a == "--skip-hnsw")
            hnsw = false;
        else if (a == "--skip-pq")
            pq = false;
        else if (a == "--skip-faiss-hnsw")
            faissHnsw = false;
        else if (a == "--skip-storages")
            storages = false;
        else if (a == "--first-pass") // evograph's first pass: avx512-vnni, avx-vnni or f32
            forceFirstPassPath(next());
    }
    auto [points, queries] = data == "uniform" ? bench::uniform(n, nq, d, 1) : bench::mixture(n, nq, d, 1);
    Report report(data, n, d, csv);
    engine::ThreadPool pool(2);

    // Ground truth: FAISS's exact search (inner product on unit vectors).
    setThreads(2);
    faiss::IndexFlatIP faissFlat(static_cast<int>(d));
    faissFlat.add(static_cast<FaissId>(n), points.values().data());
    std::vector<float> distances(nq * k);
    std::vector<FaissId> truth(nq * k);
    faissFlat.search(
        static_cast<FaissId>(nq), queries.values().data(), static_cast<FaissId>(k), distances.data(), truth.data());
    const std::vector<std::int64_t> groundTruth(truth.begin(), truth.end());

    FlatIndex ours(d, Metric::InnerProduct);
    ours.add(points);
    if (flat) {
        // Rounds alternate between the two libraries and each keeps its best, so that a noisy
        // neighbour on a shared machine hurts both alike.
        // Rounds interleave the libraries and the thread counts (FAISS 1, evograph 1, FAISS 2,
        // evograph 2, ...) and each keeps its best of nine, so that a noisy neighbour on this shared
        // machine hurts every figure alike and the 1- and 2-thread figures are from the same minutes.
        // OpenBLAS's and OpenMP's threads spin for a while after a call: a pause before each timed
        // run keeps either library's idle threads from eating into the other's time.
        const auto settle = [] { std::this_thread::sleep_for(std::chrono::milliseconds(300)); };
        double faissBest[3] = {1e9, 1e9, 1e9}, oursBest[3] = {1e9, 1e9, 1e9};
        std::vector<FaissId> got[3] = {std::vector<FaissId>(nq * k), std::vector<FaissId>(nq * k), {}};
        SearchResults r[3];
        for (int round = 0; round < 9; ++round)
            for (const int threads : {1, 2}) {
                setThreads(threads);
                settle();
                double t = now();
                faissFlat.search(static_cast<FaissId>(nq), queries.values().data(), static_cast<FaissId>(k),
                    distances.data(), got[threads - 1].data());
                faissBest[threads] = std::min(faissBest[threads], now() - t);
                SearchOptions o;
                o.k = k, o.threads = static_cast<std::size_t>(threads), o.pool = &pool;
                settle();
                t = now();
                r[threads] = ours.search(queries, o);
                oursBest[threads] = std::min(oursBest[threads], now() - t);
            }
        for (const int threads : {1, 2}) {
            report.add({"flat batch", "faiss", std::to_string(threads) + " thread",
                recallAt({got[threads - 1].begin(), got[threads - 1].end()}, groundTruth, k), nq / faissBest[threads],
                -1, 4.0 * d});
            report.add({"flat batch", "evograph", std::to_string(threads) + " thread",
                recallAt(r[threads].ids, groundTruth, k), nq / oursBest[threads], -1,
                static_cast<double>(ours.memoryBytes()) / static_cast<double>(n)});
        }
        // One query at a time, default threads (2): an interactive search.
        setThreads(2);
        std::vector<double> faissMs, oursMs;
        SearchOptions o;
        o.k = k, o.threads = 2, o.pool = &pool;
        for (std::size_t i = 0; i < std::min<std::size_t>(nq, 200); ++i) {
            FaissId ids[16];
            float dist[16];
            double t = now();
            faissFlat.search(1, queries.row(i), static_cast<FaissId>(k), dist, ids);
            faissMs.push_back((now() - t) * 1000);
            VectorSet one(d);
            one.append(queries.rowSpan(i));
            t = now();
            ours.search(one, o);
            oursMs.push_back((now() - t) * 1000);
        }
        const auto [fp50, fp99] = percentiles(faissMs);
        const auto [op50, op99] = percentiles(oursMs);
        report.add({"flat one-by-one", "faiss", "2 threads", -1, 1000 / fp50, -1, -1, fp50, fp99});
        report.add({"flat one-by-one", "evograph", "2 threads", -1, 1000 / op50, -1, -1, op50, op99});
    }

    const std::size_t efs[] = {10, 16, 24, 32, 48, 64, 96, 128, 192, 256};
    if (hnsw) {
        const std::size_t M = 16, efC = 200;
        for (const int threads : {2}) {
            // hnswlib
            hnswlib::InnerProductSpace space(d);
            hnswlib::HierarchicalNSW<float> lib(&space, n, M, efC, 100);
            double t = now();
            std::atomic<std::size_t> next {0};
            auto worker = [&] {
                for (std::size_t i = next++; i < n; i = next++)
                    lib.addPoint(points.row(i), i);
            };
            std::vector<std::thread> workers;
            for (int w = 0; w < threads; ++w)
                workers.emplace_back(worker);
            for (auto& w : workers)
                w.join();
            const double libBuild = now() - t;
            report.add({"hnsw build", "hnswlib", std::to_string(threads) + " threads", -1, -1, libBuild,
                static_cast<double>(lib.size_data_per_element_)});
            // ours
            HnswIndex index(d, Metric::InnerProduct, HnswParams {M, efC, 50, Storage::F32, 0, 100});
            t = now();
            BuildOptions b;
            b.pool = &pool, b.threads = static_cast<std::size_t>(threads);
            index.add(points, {}, b);
            report.add({"hnsw build", "evograph", std::to_string(threads) + " threads", -1, -1, now() - t,
                index.bytesPerVector()});
            for (const std::size_t ef : efs) {
                lib.setEf(ef);
                std::vector<std::int64_t> got(nq * k, -1);
                double best = 1e9;
                for (int rep = 0; rep < 2; ++rep) {
                    t = now();
                    for (std::size_t i = 0; i < nq; ++i) {
                        auto result = lib.searchKnn(queries.row(i), k);
                        for (std::size_t j = k; j-- > 0 && !result.empty(); result.pop())
                            got[i * k + j] = static_cast<std::int64_t>(result.top().second);
                    }
                    best = std::min(best, now() - t);
                }
                report.add(
                    {"hnsw search", "hnswlib", "ef " + std::to_string(ef), recallAt(got, groundTruth, k), nq / best});
                SearchOptions o;
                o.k = k, o.ef = ef, o.threads = 1;
                SearchResults r;
                best = 1e9;
                for (int rep = 0; rep < 2; ++rep) {
                    t = now();
                    r = index.search(queries, o);
                    best = std::min(best, now() - t);
                }
                report.add({"hnsw search", "evograph", "ef " + std::to_string(ef), recallAt(r.ids, groundTruth, k),
                    nq / best});
            }
            for (const Storage storage :
                storages ? std::vector<Storage> {Storage::F16, Storage::Int8} : std::vector<Storage> {}) {
                HnswIndex compact(d, Metric::InnerProduct, HnswParams {M, efC, 50, storage, 0, 100});
                t = now();
                compact.add(points, {}, b);
                report.add({"hnsw build", "evograph", std::string(toString(storage)) + ", 2 threads", -1, -1, now() - t,
                    compact.bytesPerVector()});
                for (const std::size_t ef : {32, 64, 128}) {
                    SearchOptions o;
                    o.k = k, o.ef = ef, o.threads = 1;
                    t = now();
                    const SearchResults r = compact.search(queries, o);
                    report.add({"hnsw search", "evograph " + std::string(toString(storage)), "ef " + std::to_string(ef),
                        recallAt(r.ids, groundTruth, k), nq / (now() - t)});
                }
            }
        }
        if (faissHnsw) {
            setThreads(2);
            faiss::IndexHNSWFlat fh(static_cast<int>(d), 16, faiss::METRIC_INNER_PRODUCT);
            fh.hnsw.efConstruction = 200;
            double t = now();
            fh.add(static_cast<FaissId>(n), points.values().data());
            report.add({"hnsw build", "faiss", "2 threads", -1, -1, now() - t, 4.0 * d + 4.0 * 2 * 16});
            setThreads(1);
            for (const std::size_t ef : efs) {
                fh.hnsw.efSearch = static_cast<int>(ef);
                std::vector<FaissId> got(nq * k);
                t = now();
                fh.search(static_cast<FaissId>(nq), queries.values().data(), static_cast<FaissId>(k), distances.data(),
                    got.data());
                report.add({"hnsw search", "faiss", "ef " + std::to_string(ef),
                    recallAt({got.begin(), got.end()}, groundTruth, k), nq / (now() - t)});
            }
        }
    }

    if (pq) {
        const std::size_t m = 48;
        setThreads(2);
        faiss::IndexPQ faissPq(static_cast<int>(d), m, 8, faiss::METRIC_INNER_PRODUCT);
        faiss::IndexRefineFlat refine(&faissPq); // keeps the exact vectors to re-rank with
        refine.k_factor = 10;
        double t = now();
        refine.train(static_cast<FaissId>(std::min<std::size_t>(n, 65536)), points.values().data());
        refine.add(static_cast<FaissId>(n), points.values().data());
        const double faissBuild = now() - t;
        setThreads(1);
        std::vector<FaissId> got(nq * k);
        t = now();
        faissPq.search(
            static_cast<FaissId>(nq), queries.values().data(), static_cast<FaissId>(k), distances.data(), got.data());
        report.add({"pq m=48", "faiss IndexPQ", "no re-rank", recallAt({got.begin(), got.end()}, groundTruth, k),
            nq / (now() - t), faissBuild, static_cast<double>(m)});
        t = now();
        refine.search(
            static_cast<FaissId>(nq), queries.values().data(), static_cast<FaissId>(k), distances.data(), got.data());
        report.add({"pq m=48", "faiss IndexRefineFlat(PQ)", "re-rank 100",
            recallAt({got.begin(), got.end()}, groundTruth, k), nq / (now() - t), -1, static_cast<double>(m)});

        PqIndex index(d, Metric::InnerProduct, m, 100);
        t = now();
        index.add(points, {}, &pool, 2);
        const double build = now() - t;
        for (const std::size_t rerank : {std::size_t {10}, std::size_t {100}}) {
            SearchOptions o;
            o.k = k, o.rerank = rerank, o.threads = 1;
            t = now();
            const SearchResults r = index.search(queries, o);
            report.add({"pq m=48", "evograph PQ-flat", "re-rank " + std::to_string(rerank),
                recallAt(r.ids, groundTruth, k), nq / (now() - t), build, index.bytesPerVector()});
        }
        if (hnsw) {
            HnswIndex hp(
                d, Metric::InnerProduct, HnswParams {16, 200, 50, Storage::F32, 100, 100}, index.sharedQuantizer());
            BuildOptions b;
            b.pool = &pool, b.threads = 2;
            t = now();
            hp.add(points, {}, b);
            const double hpBuild = now() - t;
            for (const std::size_t ef : {64, 128}) {
                SearchOptions o;
                o.k = k, o.ef = ef, o.rerank = 100, o.threads = 1;
                t = now();
                const SearchResults r = hp.search(queries, o);
                report.add({"pq m=48", "evograph HNSW-PQ", "ef " + std::to_string(ef) + ", re-rank 100",
                    recallAt(r.ids, groundTruth, k), nq / (now() - t), hpBuild, hp.bytesPerVector()});
            }
        }
    }
    return 0;
}
