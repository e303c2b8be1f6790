#include "commands.h"

#include "evograph/rdf/statistics.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace evograph::cli {

namespace {
struct StatsOptions {
    InputOptions input;
    std::string format = "text";
};

void printText(const std::string& path, const rdf::ReadReport& report, const rdf::Statistics& stats)
{
    std::printf("%-22s %s\n", "file", path.c_str());
    std::printf("%-22s %s\n", "format", std::string(rdf::formatName(report.format)).c_str());
    for (const auto& figure : rdf::statisticsFigures(stats))
        std::printf("%-22s %llu\n", figure.key, static_cast<unsigned long long>(figure.value));
    for (const auto& iri : stats.ontologies)
        std::printf("%-22s %s\n", "ontology", iri.c_str());
    for (const auto& iri : stats.versionIris)
        std::printf("%-22s %s\n", "owl:versionIRI", iri.c_str());
    std::printf("%-22s %.3f s\n", "read time", report.seconds);
}

void printJson(const std::string& path, const rdf::ReadReport& report, const rdf::Statistics& stats)
{
    nlohmann::json json;
    json["file"] = path;
    json["format"] = rdf::formatName(report.format);
    for (const auto& figure : rdf::statisticsFigures(stats))
        json[figure.key] = figure.value;
    json["ontologies"] = stats.ontologies;
    json["version_iris"] = stats.versionIris;
    json["read_seconds"] = report.seconds;
    std::cout << json.dump(2) << '\n';
}
} // namespace

void addStatsCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<StatsOptions>();
    auto* command = app.add_subcommand("stats", "Count what an RDF file holds: triples, classes, properties, ...");
    addInputOptions(*command, options->input);
    command->add_option("--format", options->format, "output: text or json")->check(CLI::IsMember({"text", "json"}));
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            rdf::Dataset dataset;
            const auto report = readInput(options->input, dataset);
            const auto stats = rdf::computeStatistics(dataset);
            if (options->format == "json")
                printJson(options->input.path, report, stats);
            else
                printText(options->input.path, report, stats);
            return kOk;
        });
    });
}

} // namespace evograph::cli
