// Dry run, apply, rollback and rehearsal of migration plans against a workspace.
#include "evograph/diff/graph_diff.h"
#include "evograph/diff/rdf_patch.h"
#include "evograph/error.h"
#include "evograph/migrate/migration.h"
#include "evograph/workspace/atomically.h"
#include "evograph/workspace/snapshots.h"
#include "plan_run.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <functional>
#include <unistd.h>

namespace evograph::migrate {

namespace {
std::string stepsJson(const PlanRun& run)
{
    nlohmann::json steps = nlohmann::json::array();
    for (const StepOutcome& s : run.steps) {
        nlohmann::json checks = nlohmann::json::array();
        for (const CheckResult& c : run.checks)
            if (c.step == s.id)
                checks.push_back({{"when", c.when}, {"description", c.description}, {"graph", c.graph},
                    {"expected", c.expected}, {"actual", c.actual}});
        steps.push_back({{"id", s.id}, {"kind", toString(s.kind)}, {"code", toString(s.code)}, {"added", s.added},
            {"removed", s.removed}, {"milliseconds", s.milliseconds}, {"checks", checks}});
    }
    return steps.dump();
}

workspace::JournalOperation newOperation(const Plan& plan, const std::string& correlationId, const std::string& kind)
{
    workspace::JournalOperation op;
    op.id = workspace::newOperationId();
    op.correlationId = correlationId.empty() ? workspace::newOperationId().replace(0, 3, "cor-") : correlationId;
    op.kind = kind;
    op.planHash = plan.hash;
    op.planName = plan.file;
    op.planText = plan.text;
    op.startedAt = workspace::journalTime();
    return op;
}

// Apply without the approval gate: only applyPlan (after the gate) and the rehearsal (on a
// scratch copy that is thrown away) call it.
ApplyResult applyChecked(workspace::Workspace& workspace, const Plan& plan, const ApplyOptions& options,
    const workspace::Progress& progress, bool gate)
{
    ApplyResult result;
    workspace::JournalOperation op = newOperation(plan, options.correlationId, "apply");
    detail::LoadedGraphs loaded = detail::loadGraphs(workspace, {progress.cancel, {}});
    op.beforeState = loaded.state;
    const std::vector<rdf::Quad> original(loaded.data.quads().begin(), loaded.data.quads().end());
    result.run = detail::runPlan(plan, loaded, options.run, progress);
    op.steps = stepsJson(result.run);

    if (gate) {
        result.approval = approvalStatus(workspace, plan, options.config, result.run, options.approvalFiles);
        if (!result.approval.satisfied) {
            op.error = "refused: " + result.approval.reason;
            workspace::recordFailedOperation(workspace, op); // refusals are journalled and audited too
            throw ApprovalRequired(result.approval);
        }
        op.approval = result.approval.reason;
    } else {
        op.approval = "rehearsal on a scratch copy";
    }
    if (!result.run.checksPassed()) {
        const auto failed = std::find_if(
            result.run.checks.begin(), result.run.checks.end(), [](const CheckResult& c) { return !c.passed(); });
        op.error = "step " + failed->step + ": check " + failed->when + " failed on graph " + failed->graph + ": "
            + failed->description;
        workspace::recordFailedOperation(workspace, op);
        throw Error(op.error + "; nothing was changed (" + op.id + ")");
    }
    progress.checkpoint();

    // The pre-snapshot, verified in full before anything is overwritten, and the new versions:
    // kept together or not at all.
    workspace::atomically(workspace, [&] {
        op.preSnapshot = workspace::createSnapshot(workspace, "before migration " + op.id, {"pre-migration"});
        const workspace::VerifyReport verified = workspace::verifySnapshot(workspace, op.preSnapshot, true);
        if (!verified.ok())
            throw Error("the pre-migration snapshot does not verify, not migrating: " + verified.problems.front());

        // Each changed graph, with the patch that takes it back.
        std::deque<rdf::Dataset> changed; // stable addresses for GraphContent
        std::vector<workspace::GraphContent> contents;
        for (const auto& [name, version] : loaded.versions) {
            rdf::Dataset after = detail::graphTriples(loaded, loaded.data.quads(), name);
            rdf::Dataset before = detail::graphTriples(loaded, original, name); // as loaded: no second read
            const diff::GraphDiff back = diff::diffDatasets(after, before, {progress.cancel, {}});
            if (back.added.empty() && back.removed.empty())
                continue;
            op.graphs.push_back({name, version.content, {}, back.removed.size(), back.added.size(),
                diff::writePatch(back, after, before)});
            changed.push_back(std::move(after));
            contents.push_back({name, &changed.back(), std::nullopt});
        }
        op.status = "applied";
        progress.checkpoint();
        result.operation = workspace::commitOperation(workspace, std::move(op), contents, {progress.cancel, {}});
    });
    return result;
}

std::vector<std::string> appliedWhere(
    workspace::Workspace& workspace, const std::function<bool(const workspace::JournalOperation&)>& wanted)
{
    std::vector<std::string> ids;
    const auto operations = workspace::journal(workspace);
    for (auto it = operations.rbegin(); it != operations.rend(); ++it)
        if (it->kind == "apply" && it->status == "applied" && wanted(*it))
            ids.push_back(it->id);
    return ids;
}
} // namespace

PlanRun dryRun(
    workspace::Workspace& workspace, const Plan& plan, const RunOptions& options, const workspace::Progress& progress)
{
    detail::LoadedGraphs loaded = detail::loadGraphs(workspace, {progress.cancel, {}});
    return detail::runPlan(plan, loaded, options, progress);
}

ApplyResult applyPlan(
    workspace::Workspace& workspace, const Plan& plan, const ApplyOptions& options, const workspace::Progress& progress)
{
    return applyChecked(workspace, plan, options, progress, true);
}

workspace::JournalOperation rollbackOperation(
    workspace::Workspace& workspace, const std::string& operationId, const workspace::Progress& progress)
{
    const workspace::JournalOperation op = workspace::journalOperation(workspace, operationId);
    if (op.kind != "apply")
        throw Error(operationId + " is a rollback; apply the plan again instead of rolling a rollback back");
    if (op.status == "rolled_back")
        throw Error(operationId + " was rolled back already");
    if (op.status != "applied")
        throw Error(operationId + " failed and changed nothing; there is nothing to roll back");
    const workspace::WorkspaceState state = workspace.state();
    const workspace::SnapshotManifest pre = workspace::snapshotInfo(workspace, op.preSnapshot).manifest;

    Plan plan;
    plan.hash = op.planHash;
    plan.file = op.planName;
    plan.text = op.planText;
    workspace::JournalOperation rollback = newOperation(plan, op.correlationId, "rollback");
    rollback.status = "done";
    rollback.rollsBack = op.id;
    rollback.preSnapshot = op.preSnapshot;
    rollback.beforeState = state.hash();

    auto dictionary = std::make_shared<rdf::Dictionary>();
    std::deque<rdf::Dataset> restored;
    std::vector<workspace::GraphContent> contents;
    for (const workspace::JournalGraph& g : op.graphs) {
        const auto current = state.graphs.find(g.graph);
        if (current == state.graphs.end() || current->second.content != g.after)
            throw Error("graph '" + g.graph + "' changed after " + op.id
                + "; roll back the later operations first (evograph migrate history lists them)");
        const auto expected = std::find_if(
            pre.graphs.begin(), pre.graphs.end(), [&](const workspace::SnapshotGraph& s) { return s.name == g.graph; });
        if (expected == pre.graphs.end())
            throw Error("the pre-migration snapshot " + op.preSnapshot + " has no graph '" + g.graph + "'");
        rdf::Dataset data = workspace.readContent(g.after, {progress.cancel, {}}, dictionary);
        diff::applyPatch(data, g.inversePatch, op.id + " inverse patch of " + g.graph, progress.cancel);
        for (const auto& [prefix, iri] : expected->prefixes)
            data.prefixes().set(prefix, iri);
        restored.push_back(std::move(data));
        contents.push_back({g.graph, &restored.back(), expected->content});
        rollback.graphs.push_back({g.graph, g.after, {}, g.removed, g.added, {}});
    }
    nlohmann::json steps = nlohmann::json::array();
    steps.push_back({{"id", "inverse patches"}, {"graphs", op.graphs.size()}});
    rollback.steps = steps.dump();
    progress.checkpoint();
    return workspace::commitOperation(workspace, std::move(rollback), contents, {progress.cancel, {}});
}

std::vector<std::string> lastApplied(workspace::Workspace& workspace, std::size_t count)
{
    std::vector<std::string> ids = appliedWhere(workspace, [](const auto&) { return true; });
    if (ids.size() > count)
        ids.resize(count);
    return ids;
}

std::vector<std::string> appliedWithCorrelation(workspace::Workspace& workspace, const std::string& correlationId)
{
    return appliedWhere(workspace, [&](const auto& op) { return op.correlationId == correlationId; });
}

Rehearsal rehearse(const std::string& workspacePath, const Plan& plan, const workspace::Progress& progress)
{
    namespace fs = std::filesystem;
    Rehearsal rehearsal;
    const fs::path dir = fs::temp_directory_path() / ("evograph-rehearsal-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    rehearsal.scratch = (dir / "scratch.evograph").string();
    struct RemoveAfter {
        fs::path dir;
        ~RemoveAfter()
        {
            std::error_code ignored;
            fs::remove_all(dir, ignored);
        }
    } cleanup {dir};
    {
        // The writer's lock keeps the file and its write-ahead log consistent while they are copied.
        workspace::Workspace source = workspace::Workspace::open(
            workspacePath, {workspace::Access::Write, std::chrono::milliseconds(10000), "migrate rehearse"});
        fs::copy_file(workspacePath, rehearsal.scratch);
        if (fs::exists(workspacePath + "-wal"))
            fs::copy_file(workspacePath + "-wal", rehearsal.scratch + "-wal");
    }
    workspace::Workspace scratch
        = workspace::Workspace::open(rehearsal.scratch, {workspace::Access::Write, {}, "migrate rehearse"});
    rehearsal.before = scratch.state().hash();
    rehearsal.first = applyChecked(scratch, plan, {}, progress, false);
    rehearsal.afterApply = scratch.state().hash();
    rollbackOperation(scratch, rehearsal.first.operation.id, progress);
    rehearsal.afterRollback = scratch.state().hash();
    applyChecked(scratch, plan, {}, progress, false);
    rehearsal.afterReapply = scratch.state().hash();
    return rehearsal;
}

} // namespace evograph::migrate
