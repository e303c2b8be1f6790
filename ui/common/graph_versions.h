#pragma once
// Two states of one workspace graph, read into one Dictionary and analysed, for the diff viewer:
// between two snapshots (the snapshot browser), or a version against the one before it (a term
// found in the workspace by Search Terms). Each opens the workspace itself: run it on a worker.

#include "evograph/analysis/analyze_paths.h"

#include <functional>
#include <string>

namespace evograph::ui {

// Reads two versions and analyses them, on a worker: what a view hands the diff viewer to compare.
using VersionsReader = std::function<analysis::AnalyzedVersions(const engine::TaskContext&)>;

// The graph in snapshot FROM against snapshot TO (the current state when empty).
analysis::AnalyzedVersions readSnapshotGraphs(const std::string& path, const std::string& graph,
    const std::string& fromSnapshot, const std::string& toSnapshot, const engine::TaskContext& context);

// Version SEQ of the graph against the version before it (nothing, for the first).
analysis::AnalyzedVersions readGraphVersionAndPrevious(
    const std::string& path, const std::string& graph, std::int64_t seq, const engine::TaskContext& context);

} // namespace evograph::ui
