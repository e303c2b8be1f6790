// evograph vectors build|search|info: the vector engine from the command line.
#include "commands.h"

#include "evograph/vector/vector_files.h"
#include "evograph/vector/vector_index.h"
#include "evograph/workspace/artifacts.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <sstream>
#include <thread>

namespace evograph::cli {

namespace {
struct VectorOptions {
    std::string data, index, queries, output, format = "text";
    std::string kind, metric = "ip", storage = "f32";
    std::size_t m = 16, efConstruction = 200, efSearch = 50, pqM = 48, rerank = 0, k = 10, ef = 0, threads = 0;
    std::uint64_t seed = 42;
    bool oneByOne = false;
    std::string workspace, graph, version;
};
using Options = std::shared_ptr<VectorOptions>;

std::size_t threadsOf(const VectorOptions& o)
{
    return o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
}

// Helpers for parallel work beside the task's own thread.
struct Workers {
    explicit Workers(std::size_t count)
        : pool(static_cast<unsigned>(count > 1 ? count - 1 : 1))
        , threads(count)
    {
    }
    engine::ThreadPool pool;
    std::size_t threads;
};

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

nlohmann::ordered_json infoJson(const vector::VectorIndex& index)
{
    const vector::IndexParams& p = index.params();
    nlohmann::ordered_json parameters;
    if (p.kind == vector::IndexKind::Hnsw || p.kind == vector::IndexKind::HnswPq)
        parameters["m"] = p.m, parameters["ef_construction"] = p.efConstruction, parameters["ef_search"] = p.efSearch;
    if (p.kind == vector::IndexKind::Hnsw)
        parameters["storage"] = toString(p.storage);
    if (p.kind == vector::IndexKind::Pq || p.kind == vector::IndexKind::HnswPq)
        parameters["pq_m"] = p.pqM, parameters["pq_centroids"] = vector::ProductQuantizer::kCentroids;
    if (p.kind != vector::IndexKind::Flat)
        parameters["rerank"] = p.rerank;
    parameters["seed"] = p.seed;
    return {{"kind", toString(p.kind)}, {"count", index.size()}, {"dimension", index.dim()},
        {"metric", toString(p.metric)}, {"parameters", parameters}, {"bytes_per_vector", index.bytesPerVector()},
        {"memory_bytes", index.memoryBytes()}};
}

void addBuild(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = group.add_subcommand("build", "Build a vector index from DATA (.fvecs or .npy) and write it to INDEX");
    c->add_option("DATA", o->data, "the vectors: .fvecs or .npy (float32, C order); ids are their row numbers")
        ->required();
    c->add_option("--index", o->kind, "flat (exact), hnsw, pq (PQ-flat) or hnsw-pq")
        ->required()
        ->check(CLI::IsMember({"flat", "hnsw", "pq", "hnsw-pq"}));
    c->add_option("--metric", o->metric, "ip (default), l2 or cos")->check(CLI::IsMember({"ip", "l2", "cos"}));
    c->add_option("--m", o->m, "HNSW: links per node (default 16)")->check(CLI::Range(2, 4096));
    c->add_option("--ef-construction", o->efConstruction, "HNSW: candidates while linking (default 200)")
        ->check(CLI::Range(1, 100000));
    c->add_option("--ef-search", o->efSearch, "HNSW: default candidates while searching (default 50)")
        ->check(CLI::Range(1, 100000));
    c->add_option("--pq-m", o->pqM, "PQ: sub-vectors, 256 centroids each (default 48; must divide the dimension)")
        ->check(CLI::Range(1, 65536));
    c->add_option("--rerank", o->rerank, "PQ and compressed HNSW: candidates re-ranked exactly (default 100)");
    c->add_option("--storage", o->storage, "HNSW: f32 (default), f16 or int8")
        ->check(CLI::IsMember({"f32", "f16", "int8"}));
    c->add_option("--threads", o->threads, "threads to build with (default: all)");
    c->add_option("--seed", o->seed, "seed of HNSW's levels and PQ's training (default 42)");
    c->add_option("-o,--output", o->index, "the index file to write (atomically)")->required();
    c->add_option("--workspace", o->workspace, "also keep the index in this workspace, beside --graph's version");
    c->add_option("--graph", o->graph, "with --workspace: the graph whose version the index was built from");
    c->add_option("--version", o->version, "with --workspace: that version (default: the current one)");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            if (!o->workspace.empty() && o->graph.empty())
                throw Error("--workspace needs --graph: the graph whose version the index belongs to");
            const vector::VectorSet data = vector::readVectors(o->data);
            vector::IndexParams params;
            params.kind = *vector::parseIndexKind(o->kind);
            params.metric = *vector::parseMetric(o->metric);
            params.storage = *vector::parseStorage(o->storage);
            params.m = o->m, params.efConstruction = o->efConstruction, params.efSearch = o->efSearch;
            params.pqM = o->pqM, params.seed = o->seed;
            params.rerank = o->rerank ? o->rerank : 100;
            const auto start = std::chrono::steady_clock::now();
            const auto index = runInTask("vectors.build", "building", [&](const engine::TaskContext& context) {
                Workers workers(threadsOf(*o));
                vector::VectorIndex built(data.dim(), params);
                vector::BuildOptions build;
                build.pool = &workers.pool, build.threads = workers.threads;
                build.cancel = context.cancellation(), build.progress = context.progressCallback();
                built.add(data, {}, build);
                return built;
            });
            const double buildSeconds = seconds(start);
            const std::string bytes = index->serialize();
            writeOutput(o->index, bytes);
            if (!o->workspace.empty()) {
                workspace::Workspace ws
                    = workspace::Workspace::open(o->workspace, {workspace::Access::Write, {}, "vectors build"});
                workspace::storeArtifact(ws, o->graph, o->version, "vectors." + o->kind, bytes);
            }
            std::cout << "Built " << o->kind << " index of " << index->size() << " vectors of dimension "
                      << index->dim() << " (" << o->metric << ") in " << buildSeconds << " s, "
                      << index->bytesPerVector() << " bytes per vector: " << o->index << "\n";
            return kOk;
        });
    });
}

void addSearch(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = group.add_subcommand("search", "Search INDEX for the k nearest neighbours of each query");
    c->add_option("INDEX", o->index, "the index file (evograph vectors build)")->required();
    c->add_option("--queries", o->queries, "the queries: .fvecs or .npy")->required();
    c->add_option("-k", o->k, "neighbours per query (default 10)")->check(CLI::Range(1, 100000));
    c->add_option("--ef", o->ef, "HNSW: candidates while searching (default: the index's)");
    c->add_option("--rerank", o->rerank, "PQ and compressed HNSW: candidates re-ranked exactly (default: the index's)");
    c->add_option("--threads", o->threads, "threads to search with (default: all)");
    c->add_flag("--one-by-one", o->oneByOne,
        "search each query alone, as an interactive user does, and report its latency percentiles");
    c->add_option("--format", o->format, "json or text (default)")->check(CLI::IsMember({"json", "text"}));
    c->add_option("-o,--output", o->output, "write to FILE (atomically) instead of stdout");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const vector::VectorIndex index = vector::VectorIndex::load(o->index);
            const vector::VectorSet queries = vector::readVectors(o->queries);
            if (queries.dim() != index.dim())
                throw Error(SourcePosition {o->queries, 0, 0},
                    "queries of dimension " + std::to_string(queries.dim()) + " for an index of dimension "
                        + std::to_string(index.dim()));
            struct Outcome {
                vector::SearchResults results;
                double seconds = 0;
                std::vector<double> latencies; // ms
            };
            const auto outcome = runInTask("vectors.search", "searching", [&](const engine::TaskContext& context) {
                Workers workers(threadsOf(*o));
                vector::SearchOptions options;
                options.k = o->k, options.ef = o->ef, options.rerank = o->rerank;
                options.pool = &workers.pool, options.threads = workers.threads;
                options.cancel = context.cancellation();
                Outcome out;
                const auto start = std::chrono::steady_clock::now();
                if (!o->oneByOne) {
                    options.progress = context.progressCallback();
                    out.results = index.search(queries, options);
                } else {
                    out.results.k = o->k;
                    for (std::size_t i = 0; i < queries.size(); ++i) {
                        vector::VectorSet one(queries.dim());
                        one.append(queries.rowSpan(i));
                        const auto t = std::chrono::steady_clock::now();
                        const vector::SearchResults r = index.search(one, options);
                        out.latencies.push_back(seconds(t) * 1000);
                        out.results.ids.insert(out.results.ids.end(), r.ids.begin(), r.ids.end());
                        out.results.distances.insert(
                            out.results.distances.end(), r.distances.begin(), r.distances.end());
                        context.setProgress(i + 1, queries.size());
                    }
                }
                out.seconds = seconds(start);
                if (out.latencies.empty()) // a batch: each query's share of it
                    out.latencies.assign(1, queries.empty() ? 0 : out.seconds * 1000 / double(queries.size()));
                return out;
            });
            std::vector<double> sorted = outcome->latencies;
            std::sort(sorted.begin(), sorted.end());
            const double p50 = sorted[sorted.size() / 2],
                         p99 = sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
            const vector::SearchResults& r = outcome->results;
            std::ostringstream out;
            if (o->format == "json") {
                nlohmann::ordered_json ids = nlohmann::ordered_json::array(),
                                       distances = nlohmann::ordered_json::array();
                for (std::size_t q = 0; q < r.queries(); ++q) {
                    ids.push_back(
                        std::vector<vector::VectorId>(r.ids.begin() + q * r.k, r.ids.begin() + (q + 1) * r.k));
                    distances.push_back(
                        std::vector<float>(r.distances.begin() + q * r.k, r.distances.begin() + (q + 1) * r.k));
                }
                const nlohmann::ordered_json json {{"k", o->k}, {"queries", queries.size()},
                    {"search_seconds", outcome->seconds}, {"latency_ms", {{"p50", p50}, {"p99", p99}}}, {"ids", ids},
                    {"distances", distances}};
                out << json.dump() << "\n";
            } else {
                out << queries.size() << " queries, k " << o->k << ": " << outcome->seconds
                    << " s searching, latency p50 " << p50 << " ms, p99 " << p99 << " ms\n";
                for (std::size_t q = 0; q < r.queries(); ++q) {
                    out << q << ":";
                    for (std::size_t j = 0; j < r.k; ++j)
                        out << " " << r.ids[q * r.k + j] << " (" << r.distances[q * r.k + j] << ")";
                    out << "\n";
                }
            }
            writeOutput(o->output, out.str());
            return kOk;
        });
    });
}

void addInfo(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = group.add_subcommand("info", "Kind, size, dimension, metric, parameters and bytes per vector of INDEX");
    c->add_option("INDEX", o->index, "the index file")->required();
    c->add_option("--format", o->format, "text (default) or json")->check(CLI::IsMember({"json", "text"}));
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const vector::VectorIndex index = vector::VectorIndex::load(o->index);
            const nlohmann::ordered_json info = infoJson(index);
            if (o->format == "json") {
                std::cout << info.dump(2) << "\n";
                return kOk;
            }
            for (const auto& [key, value] : info.items())
                std::cout << key << ": " << (value.is_string() ? value.get<std::string>() : value.dump()) << "\n";
            return kOk;
        });
    });
}
} // namespace

void addVectorsCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<VectorOptions>();
    auto* group
        = app.add_subcommand("vectors", "Vector search: build an index (flat, HNSW, PQ), search it, inspect it");
    group->require_subcommand(1);
    addBuild(*group, o, exitCode);
    addSearch(*group, o, exitCode);
    addInfo(*group, o, exitCode);
}

} // namespace evograph::cli
