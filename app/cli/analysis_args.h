#pragma once
// What analyze and evolve share: OLD and NEW (files or directories), instance data, the input
// format, severity overrides and the rename threshold, and running the analysis as an engine task
// with progress and Ctrl-C.
#include "cli_input.h"
#include "evograph/analysis/analyze_paths.h"

#include <memory>

namespace evograph::cli {

struct AnalysisArgs {
    std::string oldPath, newPath;
    std::vector<std::string> data;
    std::string inputFormat;
    std::string overrides;
    double renameThreshold = analysis::RenameOptions {}.threshold;
    std::string provider = "builtin"; // the rename detection's embedding signal; "none": without
    bool providerGiven = false;
    std::string configPath;
};

void addAnalysisArgs(CLI::App& command, AnalysisArgs& args);
std::shared_ptr<const analysis::AnalyzedVersions> analyzeArgs(const AnalysisArgs& args);

// --fail-on breaking|cosmetic|never, and the exit code it gives: 1 when a change is at least that
// severe, else 0.
void addFailOnOption(CLI::App& command, std::string& failOn);
int failOnExit(const analysis::Analysis& analysis, const std::string& failOn);

} // namespace evograph::cli
