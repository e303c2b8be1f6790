// evograph migrate plan|apply|approve|reject|history|rehearse, and evograph rollback.
#include "cli_config.h"
#include "commands.h"
#include "migrate_report.h"
#include "workspace_cli.h"

#include "evograph/migrate/alignment_plan.h"
#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/path_reader.h"
#include "evograph/sparql/update.h"

#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace evograph::cli {

namespace {
using workspace::Access;
using workspace::Progress;
using workspace::Workspace;

struct MigrateOptions {
    WorkspaceArgs args;
    std::string oldPath, newPath, align, output, plan, configPath, reviewer, comment, correlationId, operation,
        dataFile, updateFile;
    std::string signWith; // migrate approve --sign-with KEYFILE
    std::vector<std::string> data, graphs, custom, approvals;
    bool dryRun = false, yes = false;
    std::size_t preview = 10, last = 0;
};
using Options = std::shared_ptr<MigrateOptions>;

// Reads the --data paths into one finalized dataset (for a plan from an alignment).
rdf::Dataset readData(const std::vector<std::string>& paths, const engine::TaskContext& context)
{
    rdf::Dataset data;
    rdf::ReadOptions read;
    read.cancel = context.cancellation();
    for (const std::string& path : paths)
        rdf::readPath(path, data, read);
    data.finalize();
    return data;
}

// From the changes between OLD and NEW, or from accepted correspondences of `evograph align`.
migrate::Plan proposePlan(const MigrateOptions& o)
{
    if (o.align.empty()) {
        if (o.oldPath.empty() || o.newPath.empty())
            throw Error("migrate plan needs OLD and NEW, or --align ALIGN.tsv with --data");
        const analysis::AnalysisInputs inputs {{o.oldPath, {}, {}}, {o.newPath, {}, {}}, o.data};
        const auto versions = runInTask("analyze", "analysing",
            [&](const engine::TaskContext& context) { return analysis::analyzePaths(inputs, {}, context); });
        return migrate::generatePlan(*versions, {o.oldPath, o.newPath, o.graphs});
    }
    if (!o.oldPath.empty())
        throw Error("migrate plan takes OLD and NEW or --align, not both");
    if (o.data.empty())
        throw Error("migrate plan --align needs --data: the data decides which terms are classes and which properties");
    const auto accepted = migrate::readAcceptedAlignment(migrate::readPlanFile(o.align), o.align);
    const auto data = runInTask(
        "read data", "reading data", [&](const engine::TaskContext& context) { return readData(o.data, context); });
    migrate::AlignmentPlan proposed = migrate::planFromAlignment(accepted, *data, {o.align, {}, o.graphs});
    for (const std::string& unused : proposed.unused)
        std::cerr << o.align << ":" << unused << " (no step)\n";
    return std::move(proposed.plan);
}

void addPlan(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "plan",
        "Propose a migration plan from the changes between OLD and NEW, or from the accepted correspondences of an "
        "alignment (--align)");
    c->add_option("OLD", o->oldPath, "the old version of the ontology");
    c->add_option("NEW", o->newPath, "the new version of the ontology");
    c->add_option("--align", o->align,
        "an alignment (evograph align's TSV, edited down to the accepted lines): data in A's terms moves to B's");
    c->add_option("--data", o->data, "instance data (files or directories) to measure the changes against");
    c->add_option("--graph", o->graphs, "a workspace graph the plan rewrites (repeatable; default: all)");
    c->add_option("--custom", o->custom, "a SPARQL Update file to add as a custom step, after the proposed ones");
    c->add_option("-o,--output", o->output, "the plan file to write (YAML, atomically)")->required();
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            migrate::Plan plan = proposePlan(*o);
            for (const std::string& file : o->custom)
                plan.steps.push_back(migrate::sparqlFileStep(file, migrate::readPlanFile(file)));
            const std::string text = migrate::writePlan(plan);
            migrate::parsePlan(text, o->output); // what we write must read back
            writeOutput(o->output, text);
            if (o->args.json()) {
                nlohmann::json steps = nlohmann::json::array();
                for (const migrate::PlanStep& s : plan.steps)
                    steps.push_back({{"id", s.id}, {"kind", migrate::toString(s.kind)},
                        {"code", migrate::toString(s.code)}, {"description", s.description}});
                printJson({{"plan", o->output}, {"plan_hash", migrate::planHash(text)}, {"steps", steps}});
            } else {
                std::cout << "Wrote " << o->output << ": " << plan.steps.size() << " steps (hash "
                          << shortHash(migrate::planHash(text)) << ")\n";
                for (const migrate::PlanStep& s : plan.steps)
                    std::cout << "  [" << migrate::toString(s.code) << "] " << s.id << ": " << s.description << "\n";
            }
            return kOk;
        });
    });
}

ExitCode refused(const migrate::ApprovalRequired& e, const WorkspaceArgs& args)
{
    if (args.json())
        printJson({{"refused", true}, {"approval", approvalJson(e.status())}});
    std::cerr << "evograph: not applying: " << e.status().reason << "\n";
    return kNotApproved;
}

void addApply(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "apply",
        "Apply a plan to the workspace's graphs (--dry-run: only show what it would do). Plans with destructive "
        "steps need a reviewer's approval of their exact text (exit 3 without it)");
    c->add_option("PLAN", o->plan, "the plan file, or a SPARQL Update file (.sparql, .ru) run as one custom step")
        ->required();
    c->add_flag("--dry-run", o->dryRun, "show per step the triples added and removed, the checks and the findings");
    c->add_flag("-y,--yes", o->yes, "do not ask for confirmation (approval is still required)");
    c->add_option("--correlation-id", o->correlationId, "group this operation with others (default: a new id)");
    c->add_option("--preview", o->preview, "statements shown per step and direction (default 10)");
    c->add_option("--approval", o->approvals,
        "an SSH-signed approval of the plan (migrate approve --sign-with); it counts when its key is listed for its "
        "reviewer in the file that policies.approvals.allowed_signers names (repeatable)");
    addConfigOption(*c, o->configPath);
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const migrate::Plan plan = migrate::loadPlan(o->plan);
            const migrate::RunOptions run {o->preview};
            const config::Config config = loadCliConfig(o->configPath); // its [policies] override the workspace's
            if (o->dryRun || !o->yes) {
                const migrate::Preview preview
                    = onWorkspace(o->args.path(), o->args.openOptions(Access::Read, "migrate apply"), "dry run",
                        [&](Workspace& ws, const Progress& progress) {
                            return migrate::preview(ws, plan, config, run, progress, o->approvals);
                        });
                if (o->dryRun) {
                    if (o->args.json())
                        printJson({{"dry_run", true}, {"plan", o->plan}, {"plan_hash", plan.hash},
                            {"run", planRunJson(preview.run)}, {"approval", approvalJson(preview.approval)}});
                    else
                        std::cout << planRunText(plan, preview.run) << approvalText(preview.approval)
                                  << "Dry run: nothing was written.\n";
                    return preview.run.checksPassed() ? kOk : kDifferent;
                }
                // Without approval, or with a failing check, there is nothing to confirm: apply refuses
                // (and journals why).
                if (preview.approval.satisfied && preview.run.checksPassed()) {
                    std::cerr << planRunText(plan, preview.run) << approvalText(preview.approval);
                    if (!confirmed("Apply these changes to " + o->args.path() + "?"))
                        return notConfirmed("applied");
                }
            }
            try {
                remote::StoreSync sync;
                const migrate::ApplyResult result
                    = onWorkspace(o->args.path(), o->args.openOptions(Access::Write, "migrate apply"), "migrating",
                        [&](Workspace& ws, const Progress& progress) {
                            // Only a plan that touches a graph bound to a store involves the stores.
                            const migrate::ApplyOptions apply {o->correlationId, run, config, o->approvals};
                            return remote::boundGraphs(ws, plan.graphs).empty()
                                ? migrate::applyPlan(ws, plan, apply, progress)
                                : remote::applyOnStores(ws, plan, apply, {}, sync, progress);
                        });
                if (o->args.json()) {
                    nlohmann::json json = operationJson(result.operation);
                    json["run"] = planRunJson(result.run);
                    json["stores"] = storeSyncJson(sync);
                    printJson(json);
                } else {
                    std::cout << "Applied " << o->plan << " as " << result.operation.id << " (correlation "
                              << result.operation.correlationId << "): +" << result.run.added << " -"
                              << result.run.removed << " triples; pre-migration snapshot "
                              << result.operation.preSnapshot << "\n"
                              << "Approval: " << result.operation.approval << "\n";
                    std::cout << storeSyncText(sync) << "Undo with: evograph rollback " << result.operation.id << "\n";
                }
                return kOk;
            } catch (const migrate::ApprovalRequired& e) {
                return refused(e, o->args);
            } catch (const remote::RemoteDrift& drift) {
                std::cerr << "evograph: " << drift.what() << "; nothing was applied\n";
                return kDifferent;
            }
        });
    });
}

// migrate approve --sign-with: an approval that travels as a file (no workspace is opened).
ExitCode signApproval(const MigrateOptions& o, const migrate::Plan& plan)
{
    const std::string file = o.output.empty() ? o.plan + "." + o.reviewer + ".approval" : o.output;
    writeOutput(file, policy::signBytes(plan.text, o.signWith));
    if (o.args.json()) {
        printJson({{"decision", "approve"}, {"plan", o.plan}, {"plan_hash", plan.hash}, {"reviewer", o.reviewer},
            {"signed_with", o.signWith}, {"approval_file", file},
            {"namespace", std::string(policy::kPlanSignatureNamespace)}});
    } else {
        std::cout << "Signed an approval of " << o.plan << " (hash " << shortHash(plan.hash) << ") as " << o.reviewer
                  << ": " << file << "\n"
                  << "The applier passes it with: evograph migrate apply " << o.plan << " --approval " << file
                  << " --workspace W\n"
                  << "Anyone can check it: ssh-keygen -Y verify -f ALLOWED_SIGNERS -I " << o.reviewer << " -n "
                  << policy::kPlanSignatureNamespace << " -s " << file << " < " << o.plan << "\n";
    }
    return kOk;
}

void addDecision(CLI::App& group, const Options& o, int& exitCode, const std::string& decision)
{
    auto* c = workspaceSubcommand(group, decision,
        decision == "approve" ? "Approve the plan's exact text (any later edit voids the approval)"
                              : "Reject the plan: it cannot be applied until the reviewer approves it again");
    c->add_option("PLAN", o->plan, "the plan file")->required();
    c->add_option("--as", o->reviewer, "the reviewer's name")->required();
    c->add_option("--comment", o->comment, "why");
    if (decision == "approve") {
        auto* sign = c->add_option("--sign-with", o->signWith,
            "sign the plan's exact bytes with this SSH key (a private key, or a public key that ssh-agent holds) "
            "into an approval file, instead of recording the approval in a workspace");
        c->add_option("-o,--output", o->output, "the approval file to write (default: PLAN.NAME.approval)")
            ->needs(sign);
    }
    c->callback([o, &exitCode, decision] {
        exitCode = runCommand([&] {
            const migrate::Plan plan = migrate::loadPlan(o->plan);
            if (!o->signWith.empty())
                return signApproval(*o, plan);
            const workspace::Approval recorded
                = onWorkspace(o->args.path(), o->args.openOptions(Access::Write, "migrate " + decision), decision,
                    [&](Workspace& ws, const Progress&) {
                        return workspace::recordApproval(
                            ws, {0, plan.hash, o->plan, decision, o->reviewer, {}, o->comment, {}});
                    });
            if (o->args.json())
                printJson({{"decision", recorded.decision}, {"plan", o->plan}, {"plan_hash", plan.hash},
                    {"reviewer", recorded.reviewer}, {"recorded_by", recorded.recordedBy}, {"at", recorded.at}});
            else
                std::cout << (decision == "approve" ? "Approved " : "Rejected ") << o->plan << " (hash "
                          << shortHash(plan.hash) << ") as " << recorded.reviewer << ", recorded by "
                          << recorded.recordedBy << " at " << recorded.at << "\n";
            return kOk;
        });
    });
}

void addHistory(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "history", "The migration journal: applies, failures and rollbacks");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const auto operations = onWorkspace(o->args.path(), o->args.openOptions(Access::Read, "migrate history"),
                "reading", [](Workspace& ws, const Progress&) { return workspace::journal(ws); });
            if (o->args.json()) {
                nlohmann::json list = nlohmann::json::array();
                for (const auto& op : operations)
                    list.push_back(operationJson(op));
                printJson(list);
                return kOk;
            }
            std::vector<std::vector<std::string>> rows {
                {"OPERATION", "FINISHED", "KIND", "STATUS", "CORRELATION", "PLAN", "HASH", "+", "-", "USER"}};
            for (const auto& op : operations) {
                std::uint64_t added = 0, removed = 0;
                for (const auto& g : op.graphs)
                    added += g.added, removed += g.removed;
                rows.push_back({op.id, op.finishedAt, op.kind, op.status + (op.rollsBack ? " " + *op.rollsBack : ""),
                    op.correlationId, op.planName, shortHash(op.planHash), std::to_string(added),
                    std::to_string(removed), op.user});
            }
            std::cout << formatTable(rows);
            return kOk;
        });
    });
}

// A SPARQL Update run on a file, outside any workspace: for trying out custom steps.
void addUpdate(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "update",
        "Run a SPARQL Update file on an RDF file and write the result as N-Quads (no workspace involved)");
    c->add_option("DATA", o->dataFile, "the RDF file to update")->required();
    c->add_option("UPDATE", o->updateFile, "the SPARQL Update file")->required();
    c->add_option("-o,--output", o->output, "write the result to FILE (atomically) instead of stdout");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            rdf::Dataset data;
            readInput({o->dataFile, {}, {}, false}, data);
            const sparql::SparqlRequest update
                = sparql::parseUpdate(migrate::readPlanFile(o->updateFile), o->updateFile);
            const auto effect = *runInTask("update", "updating", [&](const engine::TaskContext& context) {
                return sparql::executeUpdate(update, data, {rdf::kNoTerm, context.cancellation()});
            });
            std::ostringstream out;
            rdf::writeNQuads(data, out);
            writeOutput(o->output, out.str());
            std::cerr << "+" << effect.added.size() << " -" << effect.removed.size() << " quads\n";
            return kOk;
        });
    });
}

void addRehearse(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(
        group, "rehearse", "Apply, roll back and apply again on a scratch copy of the workspace; compare the hashes");
    c->add_option("PLAN", o->plan, "the plan file")->required();
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const migrate::Plan plan = migrate::loadPlan(o->plan);
            const auto rehearsal = *runInTask("rehearse", "rehearsing", [&](const engine::TaskContext& context) {
                return migrate::rehearse(o->args.path(), plan, Progress::of(context));
            });
            if (o->args.json()) {
                printJson(
                    {{"plan", o->plan}, {"plan_hash", plan.hash}, {"ok", rehearsal.ok()}, {"before", rehearsal.before},
                        {"after_apply", rehearsal.afterApply}, {"after_rollback", rehearsal.afterRollback},
                        {"after_reapply", rehearsal.afterReapply}, {"run", planRunJson(rehearsal.first.run)}});
            } else {
                std::cout << "Rehearsed " << o->plan << " on a scratch copy:\n"
                          << "  before            " << shortHash(rehearsal.before) << "\n"
                          << "  after apply       " << shortHash(rehearsal.afterApply) << " (+"
                          << rehearsal.first.run.added << " -" << rehearsal.first.run.removed << " triples)\n"
                          << "  after rollback    " << shortHash(rehearsal.afterRollback)
                          << (rehearsal.afterRollback == rehearsal.before ? " = before" : " DIFFERS from before")
                          << "\n"
                          << "  after re-apply    " << shortHash(rehearsal.afterReapply)
                          << (rehearsal.afterReapply == rehearsal.afterApply ? " = after apply"
                                                                             : " DIFFERS from after apply")
                          << "\n";
            }
            return rehearsal.ok() ? kOk : kDifferent;
        });
    });
}
} // namespace

void addMigrateCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<MigrateOptions>();
    auto* migrate = app.add_subcommand("migrate",
        "Migrate instance data between ontology versions: plan, dry run, approve, apply, history, rehearse, update");
    addWorkspaceArgs(*migrate, o->args, true);
    addPlan(*migrate, o, exitCode);
    addApply(*migrate, o, exitCode);
    addDecision(*migrate, o, exitCode, "approve");
    addDecision(*migrate, o, exitCode, "reject");
    addHistory(*migrate, o, exitCode);
    addRehearse(*migrate, o, exitCode);
    addUpdate(*migrate, o, exitCode);
}

namespace {
// What a rollback of these operations will undo, one line per operation and graph.
std::string rollbackPreview(const std::vector<workspace::JournalOperation>& operations, const std::string& path)
{
    std::string out = "Rolling back in " + path + ":\n";
    for (const workspace::JournalOperation& op : operations) {
        out += "  " + op.id + "  " + op.planName + "  applied " + op.finishedAt + " by " + op.user + "\n";
        for (const workspace::JournalGraph& g : op.graphs)
            out += "    " + g.graph + ": removes the " + std::to_string(g.added) + " triples it added, restores the "
                + std::to_string(g.removed) + " it removed\n";
    }
    return out;
}
} // namespace

void addRollbackCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<MigrateOptions>();
    auto* c = app.add_subcommand("rollback",
        "Undo applied migrations through their inverse patches, verified against the pre-migration snapshots "
        "(on a terminal it shows what it will undo and asks; scripts pass --yes)");
    c->add_option("OP_ID", o->operation, "the operation to undo (see evograph migrate history)");
    c->add_option("--last", o->last, "undo the last N applied operations, newest first");
    c->add_option("--correlation-id", o->correlationId, "undo every applied operation of this correlation id");
    c->add_flag("-y,--yes", o->yes, "do not ask for confirmation");
    c->add_option("--workspace", o->args.workspace, "the workspace file (default: the default workspace)");
    c->add_option("--format", o->args.format, "output: text (default) or json")->check(CLI::IsMember({"text", "json"}));
    c->add_option("--wait", o->args.waitSeconds, "wait up to SECONDS for another writer to finish");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const int given = !o->operation.empty() + (o->last > 0) + !o->correlationId.empty();
            if (given != 1)
                throw Error("name what to roll back: OP_ID, --last N or --correlation-id ID (exactly one)");
            const auto planned = onWorkspace(o->args.path(), o->args.openOptions(Access::Read, "rollback"),
                "reading the journal", [&](Workspace& ws, const Progress&) {
                    std::vector<std::string> ids {o->operation};
                    if (o->last > 0)
                        ids = migrate::lastApplied(ws, o->last);
                    else if (!o->correlationId.empty())
                        ids = migrate::appliedWithCorrelation(ws, o->correlationId);
                    std::vector<workspace::JournalOperation> operations;
                    for (const std::string& id : ids)
                        operations.push_back(workspace::journalOperation(ws, id));
                    return operations;
                });
            if (planned.empty()) {
                std::cerr << "evograph: nothing to roll back: no applied migration"
                          << (o->correlationId.empty() ? "" : " with correlation id " + o->correlationId) << "\n";
                return kDifferent;
            }
            if (!o->yes) {
                std::cerr << rollbackPreview(planned, o->args.path());
                if (!confirmed("Roll back " + std::to_string(planned.size())
                        + (planned.size() == 1 ? " operation?" : " operations?")))
                    return notConfirmed("rolled back");
            }
            remote::StoreSync sync;
            std::vector<workspace::JournalOperation> done;
            try {
                done = onWorkspace(o->args.path(), o->args.openOptions(Access::Write, "rollback"), "rolling back",
                    [&](Workspace& ws, const Progress& progress) {
                        std::vector<workspace::JournalOperation> rolledBack;
                        for (const workspace::JournalOperation& op : planned) {
                            remote::StoreSync one;
                            rolledBack.push_back(remote::rollbackOnStores(ws, op.id, {}, one, progress));
                            sync.pushes.insert(sync.pushes.end(), one.pushes.begin(), one.pushes.end());
                        }
                        return rolledBack;
                    });
            } catch (const remote::RemoteDrift& drift) {
                std::cerr << "evograph: " << drift.what() << "; nothing was rolled back\n";
                return kDifferent;
            }
            if (o->args.json()) {
                nlohmann::json list = nlohmann::json::array();
                for (const auto& op : done)
                    list.push_back(operationJson(op));
                printJson(list);
            } else {
                for (const auto& op : done)
                    std::cout << "Rolled back " << *op.rollsBack << " as " << op.id
                              << "; the graphs match pre-migration snapshot " << op.preSnapshot << "\n";
                std::cout << storeSyncText(sync);
            }
            return kOk;
        });
    });
}

} // namespace evograph::cli
