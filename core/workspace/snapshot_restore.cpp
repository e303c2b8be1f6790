// Comparing states (snapshot against snapshot or against the current state) and restoring one.
#include "evograph/workspace/snapshots.h"

#include "evograph/diff/graph_diff.h"
#include "evograph/error.h"
#include "evograph/rdf/ntriples_writer.h"
#include "snapshot_manifest.h"
#include "workspace_impl.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace evograph::workspace {

namespace {
struct StateView {
    std::map<std::string, SnapshotGraph> graphs;
    std::map<std::string, std::string> settings;
};

StateView viewOf(const SnapshotManifest& m)
{
    StateView view {{}, m.settings};
    for (const SnapshotGraph& g : m.graphs)
        view.graphs.emplace(g.name, g);
    return view;
}

StateView viewOf(const WorkspaceState& state)
{
    StateView view {{}, state.settings};
    for (const auto& [name, version] : state.graphs)
        view.graphs.emplace(name, snapshotGraphOf(version));
    return view;
}

std::vector<std::string> statementsOf(
    const rdf::Dictionary& dictionary, const std::vector<rdf::Quad>& quads, const rdf::BlankNames& names)
{
    std::vector<std::string> out;
    out.reserve(quads.size());
    for (const rdf::Quad& q : quads) {
        out.emplace_back();
        rdf::appendQuad(out.back(), dictionary, q, names);
    }
    std::sort(out.begin(), out.end());
    return out;
}

GraphChange compareGraph(Workspace& workspace, const std::string& name, const SnapshotGraph* from,
    const SnapshotGraph* to, bool statements, const Progress& progress)
{
    GraphChange change {name, GraphChange::Status::Unchanged, 0, 0, {}, {}};
    if (from && to && from->content == to->content)
        return change;
    if (!from || !to) {
        const SnapshotGraph& only = from ? *from : *to;
        change.status = from ? GraphChange::Status::Removed : GraphChange::Status::Created;
        (from ? change.removed : change.added) = only.triples;
        if (statements) {
            const rdf::Dataset data = workspace.readContent(only.content, {progress.cancel, {}});
            std::vector<rdf::Quad> quads(data.quads().begin(), data.quads().end());
            (from ? change.removedStatements : change.addedStatements) = statementsOf(data.dictionary(), quads, {});
        }
        return change;
    }
    auto dictionary = std::make_shared<rdf::Dictionary>();
    const rdf::Dataset oldData = workspace.readContent(from->content, {progress.cancel, {}}, dictionary);
    const rdf::Dataset newData = workspace.readContent(to->content, {progress.cancel, {}}, dictionary);
    const diff::GraphDiff d = diff::diffDatasets(oldData, newData, {progress.cancel, {}});
    change.status = GraphChange::Status::Changed;
    change.added = d.added.size();
    change.removed = d.removed.size();
    if (statements) {
        change.addedStatements = statementsOf(*dictionary, d.added, d.labels);
        change.removedStatements = statementsOf(*dictionary, d.removed, d.labels);
    }
    return change;
}

StateDiff compareStates(
    Workspace& workspace, const StateView& from, const StateView& to, bool statements, const Progress& progress)
{
    std::set<std::string> names;
    for (const auto* view : {&from, &to})
        for (const auto& [name, graph] : view->graphs)
            names.insert(name);
    StateDiff result;
    std::uint64_t done = 0;
    for (const std::string& name : names) {
        progress(done++, names.size());
        progress.checkpoint();
        const auto a = from.graphs.find(name), b = to.graphs.find(name);
        result.graphs.push_back(compareGraph(workspace, name, a == from.graphs.end() ? nullptr : &a->second,
            b == to.graphs.end() ? nullptr : &b->second, statements, progress));
    }
    progress(names.size(), names.size());
    std::set<std::string> keys;
    for (const auto* view : {&from, &to})
        for (const auto& [key, value] : view->settings)
            keys.insert(key);
    for (const std::string& key : keys) {
        const auto a = from.settings.find(key), b = to.settings.find(key);
        std::optional<std::string> before, after;
        if (a != from.settings.end())
            before = a->second;
        if (b != to.settings.end())
            after = b->second;
        if (before != after)
            result.settings.emplace(key, std::make_pair(before, after));
    }
    return result;
}

// A new current version of the graph with the snapshot's content, under the snapshot's label
// unless the graph already uses it.
void appendRestoredVersion(Workspace& workspace, const SnapshotGraph& g, const std::string& snapshotId)
{
    sql::Connection& db = workspace.impl().db;
    GraphVersion version;
    version.graph = g.name;
    version.seq = nextVersionSeq(db, g.name);
    version.label
        = hasVersionLabel(db, g.name, g.label) ? g.label + "-restored-" + std::to_string(version.seq) : g.label;
    version.content = g.content;
    version.triples = g.triples;
    version.prefixes = g.prefixes;
    version.ontologyVersions = g.ontologyVersions;
    version.source = "restore of snapshot " + snapshotId;
    appendVersion(workspace.impl(), version);
}
} // namespace

bool StateDiff::empty() const
{
    return settings.empty() && std::all_of(graphs.begin(), graphs.end(), [](const GraphChange& g) {
        return g.status == GraphChange::Status::Unchanged;
    });
}

StateDiff diffSnapshots(
    Workspace& workspace, const std::string& from, const std::string& to, bool statements, const Progress& progress)
{
    sql::Connection& db = workspace.impl().db;
    const StateView a = viewOf(storedManifest(db, resolveSnapshotId(workspace, from), true));
    const StateView b
        = to.empty() ? viewOf(workspace.state()) : viewOf(storedManifest(db, resolveSnapshotId(workspace, to), true));
    return compareStates(workspace, a, b, statements, progress);
}

StateDiff planRestore(Workspace& workspace, const std::string& idOrPrefix, const Progress& progress)
{
    const SnapshotManifest target = storedManifest(workspace.impl().db, resolveSnapshotId(workspace, idOrPrefix), true);
    return compareStates(workspace, viewOf(workspace.state()), viewOf(target), false, progress);
}

RestoreResult restoreSnapshot(Workspace& workspace, const std::string& idOrPrefix, const Progress& progress)
{
    workspace.impl().requireWrite("snapshot restore");
    sql::Connection& db = workspace.impl().db;
    RestoreResult result;
    result.snapshot = resolveSnapshotId(workspace, idOrPrefix);
    if (auto problems = snapshotProblems(db, result.snapshot, false, progress); !problems.empty())
        throw Error("snapshot " + result.snapshot + " is damaged, not restoring it: " + problems.front());
    const SnapshotManifest target = storedManifest(db, result.snapshot, true);
    progress.checkpoint();

    sql::Transaction transaction(db);
    const WorkspaceState before = workspace.state();
    result.backup = insertSnapshot(workspace, before, "backup before restoring " + result.snapshot, {"backup"});
    if (auto problems = snapshotProblems(db, result.backup, false, progress); !problems.empty())
        throw Error("the backup of the current state does not verify, not restoring: " + problems.front());
    const StateView wanted = viewOf(target);
    for (const auto& [name, graph] : wanted.graphs) {
        const auto current = before.graphs.find(name);
        if (current != before.graphs.end() && current->second.content == graph.content)
            continue;
        appendRestoredVersion(workspace, graph, result.snapshot);
        ++result.graphsChanged;
    }
    for (const auto& [name, version] : before.graphs) {
        if (wanted.graphs.contains(name))
            continue;
        sql::Statement(db, "UPDATE graphs SET head = NULL WHERE name = ?").bind(name).run();
        ++result.graphsChanged;
    }
    // Secrets stay as they are: snapshots never hold them.
    db.execute("DELETE FROM settings WHERE secret = 0");
    sql::Statement setting(db, "INSERT OR IGNORE INTO settings(key, value, secret) VALUES (?, ?, 0)");
    for (const auto& [key, value] : target.settings) {
        setting.bind(key).bind(value).run();
        setting.reset();
    }
    progress.checkpoint();
    const nlohmann::json details = {{"backup", result.backup}, {"graphs_changed", result.graphsChanged}};
    appendAudit(workspace.impl(),
        {"snapshot.restore", result.snapshot, before.hash(), workspace.state().hash(), details.dump()});
    transaction.commit();
    return result;
}

} // namespace evograph::workspace
