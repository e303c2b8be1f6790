#include "analysis_args.h"
#include "commands.h"

#include "evograph/analysis/hierarchy_report.h"
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
    addFailOnOption(*command, options->failOn);
    command->add_option("-o,--output", options->output, "write to FILE (atomically) instead of stdout");
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            const auto versions = analyzeArgs(options->args);
            const analysis::Analysis& result = versions->analysis;
            const rdf::PrefixMap prefixes = analysis::mergedPrefixes(*versions);
            analysis::ReportContext context {
                versions->newData.dictionary(), prefixes, options->args.oldPath, options->args.newPath};
            std::vector<analysis::HierarchyTree> trees;
            if (options->format == "html") { // the release notes end with the hierarchies' changes
                trees = analysis::buildHierarchies(versions->oldData, versions->newData, result,
                    {analysis::HierarchyKind::Classes, analysis::HierarchyKind::Properties,
                        analysis::HierarchyKind::Concepts});
                context.hierarchies = &trees;
            }
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
            return failOnExit(result, options->failOn);
        });
    });
}

} // namespace evograph::cli
