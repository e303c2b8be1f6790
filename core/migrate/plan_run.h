#pragma once
// Running a plan's steps and checks over the workspace's graphs in memory (internal to
// migrate/): what the dry run reports and what apply commits.

#include "evograph/migrate/migration.h"
#include "evograph/rdf/dataset.h"

#include <map>
#include <span>
#include <string>

namespace evograph::migrate::detail {

// Every graph of the workspace as a named graph <urn:evograph:graph:NAME> of one dataset.
struct LoadedGraphs {
    rdf::Dataset data;
    std::map<std::string, rdf::TermId> graphIds;
    std::map<std::string, workspace::GraphVersion> versions; // the current version of each
    std::string state; // the WorkspaceState hash they were read at
};
LoadedGraphs loadGraphs(workspace::Workspace& workspace, const workspace::Progress& progress);

// Runs every step (and its checks) on `graphs.data`. Throws evograph::Error for a SPARQL error
// or an unknown target graph; check failures are reported, not thrown.
PlanRun runPlan(const Plan& plan, LoadedGraphs& graphs, const RunOptions& options, const workspace::Progress& progress);

// One graph's triples among `quads` (the dataset's now, or a copy taken earlier), in the default
// graph, sharing the dataset's dictionary, with the prefixes of the graph's current version.
rdf::Dataset graphTriples(const LoadedGraphs& graphs, std::span<const rdf::Quad> quads, const std::string& name);

} // namespace evograph::migrate::detail
