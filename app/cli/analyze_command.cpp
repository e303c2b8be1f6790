#include "commands.h"

#include "evograph/analysis/analyze_paths.h"
#include "evograph/analysis/report.h"

#include <memory>

namespace evograph::cli {

namespace {
struct AnalyzeOptions {
    std::string oldPath, newPath;
    std::vector<std::string> data;
    std::string inputFormat;
    std::string format = "text";
    std::string failOn = "breaking";
    std::string overrides;
    std::string output;
    double renameThreshold = analysis::RenameOptions {}.threshold;
};
} // namespace

void addAnalyzeCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<AnalyzeOptions>();
    auto* command = app.add_subcommand("analyze",
        "Explain what changed between two versions of an ontology: entity changes, severity, renames and the "
        "impact on data (exit 1 when --fail-on is hit)");
    command->add_option("OLD", options->oldPath, "the old version: a file, or a directory of RDF files")->required();
    command->add_option("NEW", options->newPath, "the new version: a file, or a directory of RDF files")->required();
    command->add_option("--data", options->data, "instance data to measure the impact on (files or directories)");
    command->add_option("-i,--input-format", options->inputFormat,
        "input format of OLD and NEW (default: from each extension, else the content)");
    command->add_option("--format", options->format, "output: text (default), json, markdown or html")
        ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
    command
        ->add_option("--fail-on", options->failOn,
            "exit 1 when a change is at least this severe: breaking (default), cosmetic, or never")
        ->check(CLI::IsMember({"breaking", "cosmetic", "never"}));
    command->add_option("--overrides", options->overrides, "YAML file re-rating kinds or entities (docs/analysis.md)");
    command
        ->add_option("--rename-threshold", options->renameThreshold,
            "confidence a rename needs without an explicit hint (default 0.65)")
        ->check(CLI::Range(0.0, 1.0));
    command->add_option("-o,--output", options->output, "write to FILE (atomically) instead of stdout");
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            std::optional<rdf::Format> format = formatOption(options->inputFormat, "input");
            analysis::AnalysisOptions analysisOptions;
            analysisOptions.renames.threshold = options->renameThreshold;
            if (!options->overrides.empty())
                analysisOptions.overrides = analysis::loadSeverityOverrides(options->overrides);
            const analysis::AnalysisInputs inputs {
                {options->oldPath, format, {}}, {options->newPath, format, {}}, options->data};
            const auto versions = runInTask("analyze", "analysing", [&](const engine::TaskContext& context) {
                return analysis::analyzePaths(inputs, analysisOptions, context);
            });
            const analysis::Analysis& result = versions->analysis;

            const rdf::PrefixMap prefixes = analysis::mergedPrefixes(*versions);
            const analysis::ReportContext context {
                versions->newData.dictionary(), prefixes, options->oldPath, options->newPath};
            std::string report;
            if (options->format == "json")
                report = analysis::jsonReport(result, context);
            else if (options->format == "markdown")
                report = analysis::markdownReport(result, context);
            else if (options->format == "html")
                report = analysis::htmlReport(result, context);
            else
                report = analysis::textReport(result, context);
            writeOutput(options->output, report);

            const auto worst = result.worst();
            if (options->failOn == "never" || !worst)
                return kOk;
            const auto threshold
                = options->failOn == "cosmetic" ? analysis::Severity::Cosmetic : analysis::Severity::Breaking;
            return *worst >= threshold ? kDifferent : kOk;
        });
    });
}

} // namespace evograph::cli
