#include "analysis_args.h"

#include "cli_config.h"
#include "remote_sources.h"

#include "evograph/embed/providers.h"
#include "evograph/embed/rename_signal.h"

namespace evograph::cli {

void addAnalysisArgs(CLI::App& command, AnalysisArgs& args)
{
    command.add_option("OLD", args.oldPath, "the old version: a file, or a directory of RDF files")->required();
    command.add_option("NEW", args.newPath, "the new version: a file, or a directory of RDF files")->required();
    command.add_option("--data", args.data, "instance data to measure the impact on (files or directories)");
    command.add_option("-i,--input-format", args.inputFormat,
        "input format of OLD and NEW (default: from each extension, else the content)");
    command.add_option("--overrides", args.overrides, "YAML file re-rating kinds or entities (docs/analysis.md)");
    command
        .add_option("--rename-threshold", args.renameThreshold,
            "confidence a rename needs without an explicit hint (default 0.65)")
        ->check(CLI::Range(0.0, 1.0));
    command
        .add_option("--provider", args.provider,
            "embeddings for rename detection: builtin (default; skipped above 20,000 terms unless given), a "
            "provider of the config, auto, or none")
        ->each([&args](const std::string&) { args.providerGiven = true; });
    addConfigOption(command, args.configPath);
    addSourceWorkspaceOption(command);
}

std::shared_ptr<const analysis::AnalyzedVersions> analyzeArgs(const AnalysisArgs& args)
{
    const std::optional<rdf::Format> format = formatOption(args.inputFormat, "input");
    analysis::AnalysisOptions options;
    options.renames.threshold = args.renameThreshold;
    if (args.provider != "none") {
        const config::Config config = loadCliConfig(args.configPath);
        embed::chooseProvider(config, args.provider, 0, 0); // an unknown name fails here, before any reading
        options.renames.versionSignals
            = embed::embeddingRenameSignals(config, args.provider, args.providerGiven ? 0 : 20000);
    }
    if (!args.overrides.empty())
        options.overrides = analysis::loadSeverityOverrides(args.overrides);
    const analysis::AnalysisInputs inputs {{args.oldPath, format, {}}, {args.newPath, format, {}}, args.data};
    return runInTask("analyze", "analysing",
        [&](const engine::TaskContext& context) { return analysis::analyzePaths(inputs, options, context); });
}

void addFailOnOption(CLI::App& command, std::string& failOn)
{
    command
        .add_option(
            "--fail-on", failOn, "exit 1 when a change is at least this severe: breaking (default), cosmetic, or never")
        ->check(CLI::IsMember({"breaking", "cosmetic", "never"}));
}

int failOnExit(const analysis::Analysis& analysis, const std::string& failOn)
{
    const auto worst = analysis.worst();
    if (failOn == "never" || !worst)
        return kOk;
    const auto threshold = failOn == "cosmetic" ? analysis::Severity::Cosmetic : analysis::Severity::Breaking;
    return *worst >= threshold ? kDifferent : kOk;
}

} // namespace evograph::cli
