// evograph hierarchy OLD NEW: the class, property and concept hierarchies of both versions merged
// into one tree, each node marked with what happened to it (docs/analysis.md). Exit codes as for
// analyze: 1 when a change is at least as severe as --fail-on (default breaking).
#include "analysis_args.h"
#include "commands.h"

#include "evograph/analysis/hierarchy_report.h"

namespace evograph::cli {

namespace {
struct HierarchyOptions {
    AnalysisArgs args;
    std::string kind = "all";
    std::string format = "text";
    std::string failOn = "breaking";
    std::string output;
    bool changedOnly = false;
};

std::vector<analysis::HierarchyKind> kindsOf(const std::string& name)
{
    if (name == "all")
        return {
            analysis::HierarchyKind::Classes, analysis::HierarchyKind::Properties, analysis::HierarchyKind::Concepts};
    return {*analysis::parseHierarchyKind(name)};
}
} // namespace

void addHierarchyCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<HierarchyOptions>();
    auto* command = app.add_subcommand("hierarchy",
        "The class, property and concept hierarchies of both versions as one tree, each term marked added (+), "
        "removed (-), changed (~), moved (>), renamed (⇄) or deprecated (†)");
    addAnalysisArgs(*command, o->args);
    command->add_option("--kind", o->kind, "classes, properties, concepts or all (default)")
        ->check(CLI::IsMember({"classes", "properties", "concepts", "all"}));
    command->add_flag("--changed-only", o->changedOnly, "leave out unchanged terms that lead to no change");
    command->add_option("--format", o->format, "output: text (default), json, svg or html")
        ->check(CLI::IsMember({"text", "json", "svg", "html"}));
    addFailOnOption(*command, o->failOn);
    command->add_option("-o,--output", o->output, "write to FILE (atomically) instead of stdout");
    command->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const auto versions = analyzeArgs(o->args);
            const auto trees = analysis::buildHierarchies(
                versions->oldData, versions->newData, versions->analysis, kindsOf(o->kind));
            const rdf::PrefixMap prefixes = analysis::mergedPrefixes(*versions);
            const analysis::ReportContext context {
                versions->newData.dictionary(), prefixes, o->args.oldPath, o->args.newPath};
            const analysis::HierarchyReportOptions options {o->changedOnly};
            const std::string report = o->format == "json" ? analysis::hierarchyJson(trees, context, options)
                : o->format == "svg"                       ? analysis::hierarchySvg(trees, context, options)
                : o->format == "html"                      ? analysis::hierarchyHtml(trees, context, options)
                                                           : analysis::hierarchyText(trees, context, options);
            writeOutput(o->output, report);
            return failOnExit(versions->analysis, o->failOn);
        });
    });
}

} // namespace evograph::cli
