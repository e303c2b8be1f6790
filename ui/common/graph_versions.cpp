#include "common/graph_versions.h"

#include "common/workspace_jobs.h"

#include "evograph/workspace/snapshots.h"
#include "evograph/workspace/workspace.h"

namespace evograph::ui {

namespace {
using workspace::Workspace;

// Reads two contents (an empty hash: no triples) and analyses the change between them.
analysis::AnalyzedVersions analyzeContents(
    Workspace& ws, const std::string& oldContent, const std::string& newContent, const engine::TaskContext& context)
{
    const workspace::Progress progress = workspace::Progress::of(context);
    const auto dictionary = std::make_shared<rdf::Dictionary>();
    analysis::AnalyzedVersions versions {
        rdf::Dataset(dictionary), rdf::Dataset(dictionary), rdf::Dataset(dictionary), {}};
    if (!oldContent.empty())
        versions.oldData = ws.readContent(oldContent, {progress.cancel, {}}, dictionary);
    if (!newContent.empty())
        versions.newData = ws.readContent(newContent, {progress.cancel, {}}, dictionary);
    versions.oldData.finalize(), versions.newData.finalize();
    analysis::AnalysisOptions options;
    options.cancel = context.cancellation();
    options.progress = context.progressCallback();
    versions.analysis = analysis::analyzeDatasets(versions.oldData, versions.newData, options);
    return versions;
}
} // namespace

analysis::AnalyzedVersions readSnapshotGraphs(const std::string& path, const std::string& graph,
    const std::string& fromSnapshot, const std::string& toSnapshot, const engine::TaskContext& context)
{
    auto ws = openStudioWorkspace(path, workspace::Access::Read, "snapshot diff");
    auto contentOf = [&](const std::string& snapshot) -> std::string {
        if (snapshot.empty()) {
            const auto state = ws.state();
            const auto it = state.graphs.find(graph);
            return it == state.graphs.end() ? std::string() : it->second.content;
        }
        for (const auto& g : workspace::snapshotInfo(ws, snapshot).manifest.graphs)
            if (g.name == graph)
                return g.content;
        return {};
    };
    return analyzeContents(ws, contentOf(fromSnapshot), contentOf(toSnapshot), context);
}

analysis::AnalyzedVersions readGraphVersionAndPrevious(
    const std::string& path, const std::string& graph, std::int64_t seq, const engine::TaskContext& context)
{
    auto ws = openStudioWorkspace(path, workspace::Access::Read, "version diff");
    std::string previous, current;
    for (const workspace::GraphVersion& v : ws.log(graph)) {
        if (v.seq < seq)
            previous = v.content; // oldest first: the last one before SEQ wins
        else if (v.seq == seq)
            current = v.content;
    }
    return analyzeContents(ws, previous, current, context);
}

} // namespace evograph::ui
