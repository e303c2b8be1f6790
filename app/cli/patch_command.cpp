#include "commands.h"

#include "evograph/diff/rdf_patch.h"
#include "evograph/engine/file_read.h"
#include "evograph/rdf/writer.h"

#include <memory>
#include <sstream>

namespace evograph::cli {

namespace {
struct PatchOptions {
    InputOptions input;
    std::string patchPath;
    std::string output;
    std::string outputFormat;
    bool invert = false;
};

// The patched data in the format asked for, else the output file's extension, else N-Triples
// (N-Quads when there are named graphs).
std::string serialise(const rdf::Dataset& data, const PatchOptions& options)
{
    std::optional<rdf::Format> format = formatOption(options.outputFormat, "output");
    if (!format && !options.output.empty())
        format = rdf::formatFromExtension(options.output);
    std::ostringstream out;
    rdf::writeDataset(data, format.value_or(rdf::defaultOutputFormat(data)), out);
    return out.str();
}
} // namespace

void addPatchCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<PatchOptions>();
    auto* command = app.add_subcommand("patch", "Apply an RDF Patch to an RDF file, or write its inverse (--invert)");
    addInputOptions(*command, options->input);
    command->add_option("PATCH", options->patchPath, "the RDF Patch (evograph diff --format patch)")->required();
    command->add_option("-o,--output", options->output, "write to FILE (atomically) instead of stdout");
    command->add_option("--output-format", options->outputFormat,
        "turtle, trig, ntriples or nquads (default: from -o's extension, else N-Triples)");
    command->add_flag(
        "--invert", options->invert, "write the patch that undoes PATCH once applied to FILE, instead of applying it");
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            rdf::Dataset data;
            readInput(options->input, data);
            const std::string patch = engine::readWholeFile(options->patchPath, "the patch");
            if (options->invert) {
                writeOutput(options->output, diff::invertPatch(data, patch, options->patchPath));
                return kOk;
            }
            diff::applyPatch(data, patch, options->patchPath, interruptToken());
            writeOutput(options->output, serialise(data, *options));
            return kOk;
        });
    });
}

} // namespace evograph::cli
