#include "analysis_args.h"
#include "commands.h"

#include "evograph/analysis/report.h"

#include <memory>

namespace evograph::cli {

namespace {
struct AnalyzeOptions {
    AnalysisArgs args;
    std::string format = "text";
    std::string failOn = "breaking";
    std::string output;
};
} // namespace

void addAnalyzeCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<AnalyzeOptions>();
    auto* command = app.add_subcommand("analyze",
        "Explain what changed between two versions of an ontology: entity changes, severity, renames and the "
        "impact on data (exit 1 when --fail-on is hit)");
    addAnalysisArgs(*command, options->args);
    command->add_option("--format", options->format, "output: text (default), json, markdown or html")
        ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
    command
        ->add_option("--fail-on", options->failOn,
            "exit 1 when a change is at least this severe: breaking (default), cosmetic, or never")
        ->check(CLI::IsMember({"breaking", "cosmetic", "never"}));
    command->add_option("-o,--output", options->output, "write to FILE (atomically) instead of stdout");
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            const auto versions = analyzeArgs(options->args);
            const analysis::Analysis& result = versions->analysis;
            const rdf::PrefixMap prefixes = analysis::mergedPrefixes(*versions);
            const analysis::ReportContext context {
                versions->newData.dictionary(), prefixes, options->args.oldPath, options->args.newPath};
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
