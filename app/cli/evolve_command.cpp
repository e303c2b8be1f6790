#include "analysis_args.h"
#include "commands.h"

#include "evograph/evolution/additive.h"
#include "evograph/rdf/writer.h"

#include <iostream>
#include <memory>
#include <sstream>

namespace evograph::cli {

namespace {
struct EvolveOptions {
    AnalysisArgs args;
    std::string strategy;
    std::string output;
    std::string format = "text";
};
} // namespace

void addEvolveCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<EvolveOptions>();
    auto* command = app.add_subcommand("evolve",
        "Write OLD plus only the changes a strategy takes (additive: those rated safe) and report each change "
        "left out with its severity and reason");
    addAnalysisArgs(*command, options->args);
    command->add_option("--strategy", options->strategy, "additive (only safe changes) or all")
        ->required()
        ->check(CLI::IsMember({"additive", "all"}));
    command->add_option("-o,--output", options->output,
        "the evolved version (atomically; format from the extension, Turtle by default); without it the version "
        "goes to stdout and the report to stderr");
    command->add_option("--format", options->format, "report: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            const auto versions = analyzeArgs(options->args);
            const evolution::Evolution evolved
                = evolution::evolve(*versions, *evolution::parseStrategy(options->strategy));
            const rdf::Format format
                = (options->output.empty() ? std::nullopt : rdf::formatFromExtension(options->output))
                      .value_or(rdf::Format::Turtle);
            std::ostringstream graph;
            rdf::writeDataset(evolved.result, format, graph);
            writeOutput(options->output, graph.str());

            const analysis::ReportContext context {versions->newData.dictionary(), evolved.result.prefixes(),
                options->args.oldPath, options->args.newPath};
            const std::string report = options->format == "json"
                ? evolution::evolutionJson(evolved, *versions, context)
                : evolution::evolutionText(evolved, *versions, context);
            (options->output.empty() ? std::cerr : std::cout) << report;
            return kOk;
        });
    });
}

} // namespace evograph::cli
