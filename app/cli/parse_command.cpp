#include "commands.h"

#include "evograph/rdf/writer.h"

#include <iostream>
#include <memory>

namespace evograph::cli {

namespace {
struct ParseOptions {
    InputOptions input;
    std::string output; // empty: ntriples, or nquads when the data has named graphs
};
} // namespace

void addParseCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<ParseOptions>();
    auto* command
        = app.add_subcommand("parse", "Read an RDF file and write it to stdout (canonical N-Triples by default)");
    addInputOptions(*command, options->input);
    command->add_option("-o,--output-format", options->output, "output format: ntriples, nquads or turtle")
        ->check(CLI::IsMember({"ntriples", "nquads", "turtle"}));
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            rdf::Dataset dataset;
            readInput(options->input, dataset);
            std::ios::sync_with_stdio(false);
            const auto format
                = options->output.empty() ? rdf::defaultOutputFormat(dataset) : *rdf::parseFormatName(options->output);
            rdf::writeDataset(dataset, format, std::cout);
            std::cout.flush();
            if (!std::cout)
                throw Error("cannot write to stdout");
            return kOk;
        });
    });
}

} // namespace evograph::cli
