// evograph search QUERY (FILE… | --workspace W [--graph G] [--version V]): the terms nearest a
// text, by their embeddings.
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/embed/term_search.h"
#include "evograph/rdf/path_reader.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

namespace evograph::cli {

namespace {
struct SearchOptions {
    std::string query, workspace, graph, version, format = "text", provider = config::kBuiltinProvider, configPath;
    std::vector<std::string> files;
    std::size_t k = 10;
};

struct Loaded {
    std::shared_ptr<rdf::Dictionary> dictionary = std::make_shared<rdf::Dictionary>();
    std::vector<std::unique_ptr<rdf::Dataset>> datasets;
    std::vector<std::string> versions;
};

void loadInputs(const SearchOptions& o, Loaded& loaded, const engine::TaskContext& context)
{
    for (const std::string& file : o.files) {
        auto data = std::make_unique<rdf::Dataset>(loaded.dictionary);
        rdf::ReadOptions read;
        read.cancel = context.cancellation();
        rdf::readPath(file, *data, read);
        data->finalize();
        loaded.datasets.push_back(std::move(data));
        loaded.versions.push_back(file);
    }
    if (o.workspace.empty())
        return;
    workspace::Workspace ws = workspace::Workspace::open(o.workspace, {workspace::Access::Read, {}, "search"});
    std::vector<workspace::GraphVersion> versions;
    if (!o.graph.empty())
        versions.push_back(ws.findVersion(o.graph, o.version));
    else
        for (const auto& [name, head] : ws.state().graphs)
            versions.push_back(head);
    for (const workspace::GraphVersion& v : versions) {
        loaded.datasets.push_back(std::make_unique<rdf::Dataset>(ws.readContent(v.content, {}, loaded.dictionary)));
        loaded.versions.push_back(v.graph + "@" + std::to_string(v.seq));
    }
}
} // namespace

void addSearchCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<SearchOptions>();
    auto* c = app.add_subcommand("search", "Find the terms nearest a text (labels, synonyms, definitions, structure)");
    c->add_option("QUERY", o->query, "what to look for, in words")->required();
    c->add_option("FILE", o->files, "ontologies to search (files or directories)");
    c->add_option("--workspace", o->workspace, "search the workspace's graphs (their current versions)");
    c->add_option("--graph", o->graph, "with --workspace: only this graph");
    c->add_option("--version", o->version, "with --graph: this version (default: the current one)");
    c->add_option("-k", o->k, "how many terms (default 10)")->check(CLI::Range(1, 10000));
    c->add_option("--format", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    c->add_option("--provider", o->provider, "builtin (default), a provider of the config, or auto (its routing)");
    addConfigOption(*c, o->configPath);
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            if (o->files.empty() && o->workspace.empty())
                throw Error("search needs FILE… or --workspace");
            if (!o->graph.empty() && o->workspace.empty())
                throw Error("--graph needs --workspace");
            const config::Config config = loadCliConfig(o->configPath);
            Loaded loaded;
            auto search = runInTask("search", "embedding terms", [&](const engine::TaskContext& context) {
                loadInputs(*o, loaded, context);
                const analysis::KnownTerms terms(*loaded.dictionary);
                std::vector<std::unique_ptr<analysis::OntologyIndex>> indexes;
                std::vector<embed::SearchableOntology> ontologies;
                for (std::size_t i = 0; i < loaded.datasets.size(); ++i) {
                    indexes.push_back(std::make_unique<analysis::OntologyIndex>(*loaded.datasets[i], terms));
                    ontologies.push_back({loaded.versions[i], indexes.back().get()});
                }
                const std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
                engine::ThreadPool pool(static_cast<unsigned>(threads));
                auto built = std::make_shared<embed::TermSearch>(ontologies, config, o->provider, &pool, &context);
                const auto started = std::chrono::steady_clock::now();
                auto hits = built->search(o->query, o->k);
                const double ms
                    = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
                return std::make_tuple(std::move(hits), built->model(), built->terms(), ms);
            });
            const auto& [hits, model, terms, ms] = *search;
            if (o->format == "json") {
                nlohmann::ordered_json results = nlohmann::ordered_json::array();
                for (const embed::TermHit& h : hits)
                    results.push_back({{"iri", h.iri}, {"label", h.label}, {"kind", h.kind}, {"version", h.version},
                        {"score", h.score}});
                std::cout << nlohmann::ordered_json {{"query", o->query}, {"results", results}}.dump(2) << '\n';
                return kOk;
            }
            std::vector<std::vector<std::string>> rows {{"score", "kind", "label", "iri", "version"}};
            for (const embed::TermHit& h : hits) {
                std::ostringstream score;
                // A score that rounds to zero prints as 0.000, never -0.000.
                score << std::fixed << std::setprecision(3) << (std::abs(h.score) < 0.0005 ? 0.0 : h.score);
                rows.push_back({score.str(), h.kind, h.label.empty() ? "-" : h.label, h.iri, h.version});
            }
            std::cout << formatTable(rows);
            std::cerr << hits.size() << " of " << terms << " terms, " << model.provider << " " << model.model << " ("
                      << model.dimension << " dimensions), search " << std::fixed << std::setprecision(2) << ms
                      << " ms\n";
            return kOk;
        });
    });
}

} // namespace evograph::cli
