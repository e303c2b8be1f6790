#include "commands.h"

#include "evograph/canon/rdfc10.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>

namespace evograph::cli {

namespace {
struct CanonOptions {
    InputOptions input;
    bool map = false;
    std::string output;
    std::string hash = "sha256";
    std::uint64_t workLimit = canon::CanonOptions {}.workLimit;
};
} // namespace

void addCanonCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<CanonOptions>();
    auto* command = app.add_subcommand("canon", "Canonicalize an RDF dataset with W3C RDFC-1.0 (canonical N-Quads)");
    addInputOptions(*command, options->input);
    command->add_flag("--map", options->map,
        "print the blank node identifier map (input label -> canonical label) as JSON instead of the N-Quads "
        "(which then go to -o FILE if given)");
    command->add_option("-o,--output", options->output, "write the canonical N-Quads to FILE (atomically)");
    command->add_option("--hash", options->hash, "hash algorithm: sha256 (default) or sha384")
        ->check(CLI::IsMember({"sha256", "sha384"}));
    command->add_option("--work-limit", options->workLimit, "give up after this many hashing steps (poison graphs)")
        ->capture_default_str();
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            options->input.keepBlankLabels = options->map;
            rdf::Dataset dataset;
            const rdf::ReadReport report = readInput(options->input, dataset);
            canon::CanonOptions canonOptions;
            canonOptions.hash
                = options->hash == "sha384" ? engine::HashAlgorithm::Sha384 : engine::HashAlgorithm::Sha256;
            canonOptions.workLimit = options->workLimit;
            const canon::Canonicalization result = canon::canonicalize(dataset, canonOptions);
            if (!options->map) {
                writeOutput(options->output, result.nquads);
                return kOk;
            }
            if (!options->output.empty())
                writeOutput(options->output, result.nquads);
            std::map<std::string, std::string> labels; // sorted by input label, for stable output
            for (const auto& [label, node] : report.blankLabels)
                if (const auto it = result.labels.find(node); it != result.labels.end())
                    labels.emplace(label, it->second);
            writeOutput({}, nlohmann::json(labels).dump(2) + "\n");
            return kOk;
        });
    });
}

} // namespace evograph::cli
