#include "evograph/remote/remote_migration.h"

#include <algorithm>

namespace evograph::remote {

namespace {
bool contains(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Pushes the current version of each bound graph the operation changed; `pushed` collects those done.
std::vector<PushResult> pushChanged(workspace::Workspace& workspace, const workspace::JournalOperation& operation,
    const RemoteOptions& options, std::vector<std::string>& pushed, const workspace::Progress& progress)
{
    std::vector<PushResult> results;
    for (const workspace::JournalGraph& g : operation.graphs) {
        if (!workspace::findRemote(workspace, g.graph))
            continue;
        PushOptions push;
        static_cast<RemoteOptions&>(push) = options;
        push.driftChecked = true; // guarded before the operation, under the same write lock
        push.gated = true; // the operation passed the policy gate
        results.push_back(remote::push(workspace, g.graph, push, progress));
        pushed.push_back(g.graph);
    }
    return results;
}

// Reverts the push of each bound graph among `graphs` that was not pushed whole (the one that
// failed, if it got that far).
void revertUnpushed(workspace::Workspace& workspace, const std::vector<std::string>& graphs,
    const std::vector<std::string>& pushed, const RemoteOptions& options)
{
    for (const std::string& graph : graphs)
        if (!contains(pushed, graph) && workspace::findRemote(workspace, graph))
            revertPush(workspace, graph, options);
}

std::vector<std::string> graphNames(const workspace::JournalOperation& operation)
{
    std::vector<std::string> names;
    for (const workspace::JournalGraph& g : operation.graphs)
        names.push_back(g.graph);
    return names;
}
} // namespace

std::vector<workspace::RemoteBinding> boundGraphs(
    workspace::Workspace& workspace, const std::vector<std::string>& graphs)
{
    std::vector<workspace::RemoteBinding> bound = workspace::remotes(workspace);
    if (!graphs.empty())
        std::erase_if(bound, [&](const workspace::RemoteBinding& b) { return !contains(graphs, b.graph); });
    return bound;
}

void guardBoundGraphs(const std::vector<workspace::RemoteBinding>& bound, const RemoteOptions& options,
    const workspace::Progress& progress)
{
    for (const workspace::RemoteBinding& binding : bound) {
        SparqlStore store = openStore(binding, options.store);
        requireNoDrift(binding, store, progress);
    }
}

migrate::ApplyResult applyOnStores(workspace::Workspace& workspace, const migrate::Plan& plan,
    const migrate::ApplyOptions& apply, const RemoteOptions& options, StoreSync& sync,
    const workspace::Progress& progress)
{
    const auto bound = boundGraphs(workspace, plan.graphs);
    guardBoundGraphs(bound, options, progress);
    migrate::ApplyResult result = migrate::applyPlan(workspace, plan, apply, progress);
    std::vector<std::string> pushed;
    try {
        sync.pushes = pushChanged(workspace, result.operation, options, pushed, progress);
    } catch (const std::exception& failure) {
        const std::string sent = "migration " + result.operation.id
            + " was applied to the workspace but sending it to the store failed: " + failure.what() + ". ";
        // Put everything back (not cancellable: half a compensation would be worse than none). The
        // store comes first: while it cannot be put back, the workspace keeps saying what it holds.
        try {
            revertUnpushed(workspace, graphNames(result.operation), pushed, options);
        } catch (const std::exception& revert) {
            throw Error(sent + "Putting the store's graph back failed too (" + revert.what()
                + "); the workspace keeps the migration: pull to see what the store holds");
        }
        const workspace::JournalOperation undone = migrate::rollbackOperation(workspace, result.operation.id);
        for (const std::string& graph : pushed) {
            PushOptions back;
            static_cast<RemoteOptions&>(back) = options;
            back.gated = true; // putting the store back as it was
            push(workspace, graph, back);
        }
        throw Error(sent + "The store's graphs were put back and the operation rolled back (as " + undone.id
            + "); nothing changed");
    }
    return result;
}

workspace::JournalOperation rollbackOnStores(workspace::Workspace& workspace, const std::string& operationId,
    const RemoteOptions& options, StoreSync& sync, const workspace::Progress& progress)
{
    const std::vector<std::string> graphs = graphNames(workspace::journalOperation(workspace, operationId));
    guardBoundGraphs(
        graphs.empty() ? std::vector<workspace::RemoteBinding> {} : boundGraphs(workspace, graphs), options, progress);
    workspace::JournalOperation undone = migrate::rollbackOperation(workspace, operationId, progress);
    std::vector<std::string> pushed;
    try {
        sync.pushes = pushChanged(workspace, undone, options, pushed, progress);
    } catch (const std::exception& failure) {
        revertUnpushed(workspace, graphs, pushed, options);
        throw Error("operation " + operationId + " was rolled back in the workspace (as " + undone.id
            + ") but sending it to the store failed: " + failure.what()
            + ". The store holds the migrated graph still; evograph remote push finishes the rollback there");
    }
    return undone;
}

} // namespace evograph::remote
