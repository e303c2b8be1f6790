#pragma once
// Change analysis end to end, as an engine task (engine::runTask): reads the old and new version
// (each a file or a directory of RDF files) and the instance data into one Dictionary, then
// analyses. One progress figure runs over the whole job; cancellation is checked throughout.
#include "evograph/analysis/analyze.h"
#include "evograph/diff/compare.h"

namespace evograph::analysis {

struct AnalysisInputs {
    diff::ComparedFile oldVersion, newVersion;
    std::vector<std::string> data; // instance data files or directories; may be empty
};

struct AnalyzedVersions {
    rdf::Dataset oldData, newData, data;
    Analysis analysis;
};

// Prefixes of both versions, NEW's first, for CURIEs in reports and views.
rdf::PrefixMap mergedPrefixes(const AnalyzedVersions& versions);

AnalyzedVersions analyzePaths(
    const AnalysisInputs& inputs, AnalysisOptions options, const engine::TaskContext& context);

} // namespace evograph::analysis
