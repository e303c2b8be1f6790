// evograph providers list|bench: the embedding providers of the config, and their latency.
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/embed/builtin_embedder.h"
#include "evograph/embed/http_embedder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace evograph::cli {

namespace {
struct ProvidersOptions {
    std::string providers, output, configPath;
    std::size_t iterations = 10, batch = 16;
};

// Term-like texts, so that a provider sees what evograph sends it.
std::vector<std::string> sampleTexts(std::size_t count)
{
    static const char* words[] = {"person", "organization", "postal address", "email", "member of", "date of birth",
        "creative work", "author", "publisher", "has part", "event", "location", "start date", "offer", "price"};
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < count; ++i)
        texts.push_back(
            std::string(words[i % std::size(words)]) + ": a term of a sample ontology, number " + std::to_string(i));
    return texts;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const std::size_t at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

std::string seconds(double ms)
{
    char text[32];
    std::snprintf(text, sizeof text, ms >= 1000 ? "%.1fs" : "%.1fms", ms >= 1000 ? ms / 1000 : ms);
    return text;
}
} // namespace

void addProvidersCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<ProvidersOptions>();
    auto* group = app.add_subcommand("providers", "The embedding providers of the config file");
    group->require_subcommand(1);

    auto* list = group->add_subcommand("list", "The configured providers (builtin is always there)");
    addConfigOption(*list, o->configPath);
    list->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            std::vector<std::vector<std::string>> rows {{"name", "kind", "model", "dimensions", "url"},
                {config::kBuiltinProvider, "builtin", "lexical+walks",
                    std::to_string(embed::BuiltinOptions {}.lexicalDim + embed::BuiltinOptions {}.structuralDim), "-"}};
            for (const auto& [name, p] : config.providers)
                rows.push_back({name, p.kind == config::ProviderKind::Ollama ? "ollama" : "openai", p.model,
                    p.dimensions ? std::to_string(p.dimensions) : "-", p.url});
            std::cout << formatTable(rows);
            return kOk;
        });
    });

    auto* bench = group->add_subcommand("bench", "Latency of each provider over N requests (the cache bypassed)");
    bench->add_option("--providers", o->providers, "names, comma-separated (builtin included)")->required();
    bench->add_option("--iterations", o->iterations, "requests per provider (default 10)")
        ->check(CLI::Range(1, 100000));
    bench->add_option("--batch", o->batch, "texts per request (default 16)")->check(CLI::Range(1, 4096));
    bench->add_option("-o,--output", o->output, "also write the figures as JSON to FILE");
    addConfigOption(*bench, o->configPath);
    bench->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            const std::vector<std::string> texts = sampleTexts(o->batch);
            nlohmann::ordered_json report = nlohmann::ordered_json::array();
            std::stringstream names(o->providers);
            for (std::string name; std::getline(names, name, ',');) {
                std::unique_ptr<embed::Embedder> embedder;
                if (name == config::kBuiltinProvider)
                    embedder = std::make_unique<embed::BuiltinEmbedder>(std::vector<const analysis::OntologyIndex*> {});
                else {
                    const config::ProviderConfig* p = config.provider(name);
                    embedder = std::make_unique<embed::HttpEmbedder>(*p, embed::apiKeyFromEnvironment(*p));
                }
                std::vector<double> ms;
                for (std::size_t i = 0; i < o->iterations; ++i) {
                    if (interrupted())
                        throw Cancelled();
                    const auto started = std::chrono::steady_clock::now();
                    embedder->embed(texts);
                    ms.push_back(
                        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
                }
                const embed::EmbeddingModel model = embedder->model();
                const double p50 = percentile(ms, 0.50), p95 = percentile(ms, 0.95);
                std::cout << name << " (" << model.model << ", " << model.dimension << " dimensions):\n"
                          << "  Latency: p50=" << seconds(p50) << ", p95=" << seconds(p95) << " (" << o->iterations
                          << " requests of " << o->batch << " texts)\n";
                report.push_back({{"provider", name}, {"model", model.model}, {"dimension", model.dimension},
                    {"iterations", o->iterations}, {"batch", o->batch}, {"p50_ms", p50}, {"p95_ms", p95}});
            }
            if (!o->output.empty())
                writeOutput(o->output, report.dump(2) + "\n");
            return kOk;
        });
    });
}

} // namespace evograph::cli
