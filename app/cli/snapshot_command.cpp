// evograph snapshot create|list|info|verify|diff|restore|delete|prune|export|import.
#include "agent_pause.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/workspace/snapshots.h"

#include <filesystem>
#include <iostream>
#include <sstream>

namespace evograph::cli {

namespace {
using workspace::Access;
using workspace::Progress;
using workspace::Workspace;

struct SnapshotOptions {
    WorkspaceArgs args;
    std::string id, other, name, file, output;
    std::vector<std::string> tags;
    bool full = false, dryRun = false, statements = false, yes = false;
    workspace::RetentionPolicy retention;
};
using Options = std::shared_ptr<SnapshotOptions>;

std::string tagsText(const std::vector<std::string>& tags)
{
    std::string out;
    for (const std::string& t : tags)
        out += (out.empty() ? "" : ",") + t;
    return out;
}

const char* statusName(workspace::GraphChange::Status status)
{
    switch (status) {
    case workspace::GraphChange::Status::Unchanged:
        return "unchanged";
    case workspace::GraphChange::Status::Changed:
        return "changed";
    case workspace::GraphChange::Status::Created:
        return "created";
    case workspace::GraphChange::Status::Removed:
        return "removed";
    }
    return "";
}

nlohmann::json stateDiffJson(const workspace::StateDiff& d, bool statements)
{
    nlohmann::json graphs = nlohmann::json::array();
    for (const auto& g : d.graphs) {
        nlohmann::json json
            = {{"graph", g.graph}, {"status", statusName(g.status)}, {"added", g.added}, {"removed", g.removed}};
        if (statements) {
            json["added_statements"] = g.addedStatements;
            json["removed_statements"] = g.removedStatements;
        }
        graphs.push_back(json);
    }
    nlohmann::json settings = nlohmann::json::object();
    for (const auto& [key, change] : d.settings)
        settings[key] = {{"from", change.first ? nlohmann::json(*change.first) : nlohmann::json()},
            {"to", change.second ? nlohmann::json(*change.second) : nlohmann::json()}};
    return {{"graphs", graphs}, {"settings", settings}, {"same", d.empty()}};
}

std::string settingValue(const std::optional<std::string>& value)
{
    return value ? "\"" + *value + "\"" : "(unset)";
}

void addCreate(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "create", "Snapshot the current state; prints the new snapshot's id");
    c->add_option("--name", o->name, "a name for it");
    c->add_option("--tag", o->tags, "a tag (repeatable)");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const std::string id
                = onWorkspace(o->args.path(), o->args.openOptions(Access::Write, "snapshot create"), "snapshot",
                    [&](Workspace& ws, const Progress&) { return workspace::createSnapshot(ws, o->name, o->tags); });
            if (o->args.json())
                printJson({{"id", id}});
            else
                std::cout << id << "\n";
            return kOk;
        });
    });
}

void addList(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "list", "List snapshots, oldest first");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const auto list = onWorkspace(o->args.path(), o->args.openOptions(Access::Read, "snapshot list"), "reading",
                [](Workspace& ws, const Progress&) { return workspace::listSnapshots(ws); });
            if (o->args.json()) {
                nlohmann::json json = nlohmann::json::array();
                for (const auto& s : list)
                    json.push_back({{"id", s.manifest.id}, {"time", s.manifest.createdAt}, {"user", s.manifest.user},
                        {"name", s.manifest.name}, {"tags", s.manifest.tags}, {"graphs", s.manifest.graphs.size()},
                        {"triples", s.manifest.triples()}, {"size", s.storedBytes},
                        {"verified_at", s.verifiedAt ? nlohmann::json(*s.verifiedAt) : nlohmann::json()},
                        {"verified_mode", s.verifiedMode ? nlohmann::json(*s.verifiedMode) : nlohmann::json()}});
                printJson(json);
                return kOk;
            }
            std::vector<std::vector<std::string>> rows {
                {"ID", "TIME", "USER", "NAME", "TAGS", "GRAPHS", "TRIPLES", "SIZE", "VERIFIED"}};
            for (const auto& s : list)
                rows.push_back({s.manifest.id, s.manifest.createdAt, s.manifest.user, s.manifest.name,
                    tagsText(s.manifest.tags), std::to_string(s.manifest.graphs.size()),
                    std::to_string(s.manifest.triples()), humanBytes(s.storedBytes),
                    s.verifiedAt ? *s.verifiedAt + " (" + s.verifiedMode.value_or("") + ")" : "never"});
            std::cout << formatTable(rows) << list.size() << " snapshots\n";
            return kOk;
        });
    });
}

void addInfo(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "info", "Show a snapshot's manifest");
    c->add_option("ID", o->id, "the snapshot (a unique prefix of its id is enough)")->required();
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const auto s = onWorkspace(o->args.path(), o->args.openOptions(Access::Read, "snapshot info"), "reading",
                [&](Workspace& ws, const Progress&) { return workspace::snapshotInfo(ws, o->id); });
            const auto& m = s.manifest;
            nlohmann::json graphs = nlohmann::json::array();
            for (const auto& g : m.graphs) {
                nlohmann::json prefixes = nlohmann::json::object();
                for (const auto& [prefix, iri] : g.prefixes)
                    prefixes[prefix] = iri;
                graphs.push_back({{"name", g.name}, {"hash", g.content}, {"version", g.version}, {"label", g.label},
                    {"triples", g.triples}, {"prefixes", prefixes}, {"ontology_versions", g.ontologyVersions}});
            }
            if (o->args.json()) {
                printJson({{"id", m.id}, {"time", m.createdAt}, {"user", m.user}, {"name", m.name}, {"tags", m.tags},
                    {"state", m.state}, {"graphs", graphs}, {"settings", m.settings}, {"size", s.storedBytes},
                    {"audit_head", {{"seq", m.auditSeq}, {"hash", m.auditHash}}}});
                return kOk;
            }
            std::cout << "snapshot " << m.id << "\n"
                      << "time     " << m.createdAt << "\nuser     " << m.user << "\nname     " << m.name
                      << "\ntags     " << tagsText(m.tags) << "\nstate    " << m.state << "\nsize     "
                      << humanBytes(s.storedBytes) << "\n";
            for (const auto& g : m.graphs) {
                std::cout << "graph " << g.name << ": version " << g.version << " (" << g.label << "), " << g.triples
                          << " triples, hash " << g.content << "\n";
                for (const auto& v : g.ontologyVersions)
                    std::cout << "  ontology version " << v << "\n";
                for (const auto& [prefix, iri] : g.prefixes)
                    std::cout << "  prefix " << prefix << ": <" << iri << ">\n";
            }
            for (const auto& [key, value] : m.settings)
                std::cout << "setting " << key << " = " << value << "\n";
            return kOk;
        });
    });
}

void addVerify(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "verify",
        "Check a snapshot (or an exported snapshot file): quick, or --full re-hashing every graph (exit 2 on any "
        "mismatch)");
    c->add_option("ID", o->id, "the snapshot id, or the path of an exported snapshot file")->required();
    c->add_flag("--full", o->full, "re-hash every graph's content");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            workspace::VerifyReport report;
            if (std::filesystem::is_regular_file(o->id)) {
                report = *runInTask("snapshot.verify", "verifying", [&](const engine::TaskContext& context) {
                    return workspace::verifySnapshotFile(o->id, Progress::of(context));
                });
            } else {
                report = onWorkspace(o->args.path(), o->args.openOptions(Access::Read, "snapshot verify"), "verifying",
                    [&](Workspace& ws, const Progress& progress) {
                        return workspace::verifySnapshot(ws, o->id, o->full, progress);
                    });
            }
            if (o->args.json()) {
                printJson({{"id", report.id}, {"mode", report.full ? "full" : "quick"}, {"ok", report.ok()},
                    {"problems", report.problems}});
            } else {
                std::cout << "snapshot " << report.id << ": " << (report.ok() ? "ok" : "FAILED") << " ("
                          << (report.full ? "full" : "quick") << ")\n";
                for (const auto& problem : report.problems)
                    std::cout << "  " << problem << "\n";
            }
            return report.ok() ? kOk : kError;
        });
    });
}

void addDiff(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(
        group, "diff", "Compare snapshot A with snapshot B, or with the current state (exit 0 same, 1 different)");
    c->add_option("A", o->id, "the first snapshot")->required();
    c->add_option("B", o->other, "the second snapshot (default: the current state)");
    c->add_flag("--statements", o->statements, "also list the statements added and removed");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const auto d = onWorkspace(o->args.path(), o->args.openOptions(Access::Read, "snapshot diff"), "comparing",
                [&](Workspace& ws, const Progress& progress) {
                    return workspace::diffSnapshots(ws, o->id, o->other, o->statements, progress);
                });
            if (o->args.json()) {
                printJson(stateDiffJson(d, o->statements));
                return d.empty() ? kOk : kDifferent;
            }
            for (const auto& g : d.graphs) {
                std::cout << "graph " << g.graph << ": " << statusName(g.status);
                if (g.status != workspace::GraphChange::Status::Unchanged)
                    std::cout << ", " << g.added << " added, " << g.removed << " removed";
                std::cout << "\n";
                for (const auto& s : g.removedStatements)
                    std::cout << "- " << s << "\n";
                for (const auto& s : g.addedStatements)
                    std::cout << "+ " << s << "\n";
            }
            for (const auto& [key, change] : d.settings)
                std::cout << "setting " << key << ": " << settingValue(change.first) << " -> "
                          << settingValue(change.second) << "\n";
            std::cout << (d.empty() ? "# same\n" : "# different\n");
            return d.empty() ? kOk : kDifferent;
        });
    });
}

// Per graph, what a restore would add and remove; per setting, the change.
std::string restorePreview(const workspace::StateDiff& d)
{
    std::ostringstream out;
    for (const auto& g : d.graphs) {
        out << g.graph << ": ";
        if (g.status == workspace::GraphChange::Status::Unchanged)
            out << "unchanged\n";
        else
            out << "would add " << g.added << ", remove " << g.removed << " triples"
                << (g.status == workspace::GraphChange::Status::Created          ? " (new graph)"
                           : g.status == workspace::GraphChange::Status::Removed ? " (graph removed)"
                                                                                 : "")
                << "\n";
    }
    for (const auto& [key, change] : d.settings)
        out << "setting " << key << ": would change " << settingValue(change.first) << " -> "
            << settingValue(change.second) << "\n";
    return out.str();
}

void addRestore(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "restore",
        "Restore a snapshot: --dry-run shows what would change; a real restore first takes and verifies a backup "
        "snapshot of the current state");
    c->add_option("ID", o->id, "the snapshot")->required();
    c->add_flag("--dry-run", o->dryRun, "only show, per graph, the triples it would add and remove");
    c->add_flag(
        "-y,--yes", o->yes, "do not ask for confirmation (on a terminal a restore shows what it changes and asks)");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            if (o->dryRun || !o->yes) {
                const auto d = onWorkspace(o->args.path(), o->args.openOptions(Access::Read, "snapshot restore"),
                    "comparing", [&](Workspace& ws, const Progress& progress) {
                        return workspace::planRestore(ws, o->id, progress);
                    });
                if (!o->dryRun) {
                    std::cerr << restorePreview(d);
                    if (!confirmed("Restore snapshot " + o->id + " over the current state of " + o->args.path() + "?"))
                        return notConfirmed("restored");
                } else if (o->args.json()) {
                    nlohmann::json json = stateDiffJson(d, false);
                    json["dry_run"] = true;
                    printJson(json);
                    return kOk;
                } else {
                    std::cout << restorePreview(d) << "dry run: nothing was changed\n";
                    return kOk;
                }
            }
            // A running `serve` stops its writing agents first and starts them again after.
            const WritingAgentsPaused paused(o->args, "snapshot restore");
            if (!paused.agents().empty())
                std::cerr << "stopped " << paused.agents().size()
                          << " writing agent(s) of evograph serve for the restore; they start again after\n";
            const auto r = onWorkspace(o->args.path(), o->args.openOptions(Access::Write, "snapshot restore"),
                "restoring", [&](Workspace& ws, const Progress& progress) {
                    return workspace::restoreSnapshot(ws, o->id, progress);
                });
            if (o->args.json())
                printJson({{"snapshot", r.snapshot}, {"backup", r.backup}, {"graphs_changed", r.graphsChanged}});
            else
                std::cout << "restored snapshot " << r.snapshot << " (" << r.graphsChanged
                          << (r.graphsChanged == 1 ? " graph" : " graphs")
                          << " changed); the previous state is in backup snapshot " << r.backup << "\n";
            return kOk;
        });
    });
}

void addDelete(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "delete", "Delete a snapshot (contents nothing else uses are freed)");
    c->add_option("ID", o->id, "the snapshot")->required();
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            onWorkspace(o->args.path(), o->args.openOptions(Access::Write, "snapshot delete"), "deleting",
                [&](Workspace& ws, const Progress&) { return (workspace::deleteSnapshot(ws, o->id), 0); });
            if (o->args.json())
                printJson({{"deleted", o->id}});
            else
                std::cout << "deleted snapshot " << o->id << "\n";
            return kOk;
        });
    });
}

void addPrune(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "prune", "Delete the snapshots a retention policy does not keep");
    c->add_option("--keep-last", o->retention.keepLast, "keep the N newest");
    c->add_option("--keep-daily", o->retention.keepDaily, "keep the newest of each of the last N days with snapshots");
    c->add_option("--keep-weekly", o->retention.keepWeekly, "keep the newest of each of the last N ISO weeks");
    c->add_flag("--dry-run", o->dryRun, "only show what would be kept and removed");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const auto decisions = onWorkspace(o->args.path(),
                o->args.openOptions(o->dryRun ? Access::Read : Access::Write, "snapshot prune"), "pruning",
                [&](Workspace& ws, const Progress&) { return workspace::pruneSnapshots(ws, o->retention, o->dryRun); });
            std::size_t removed = 0;
            nlohmann::json json = nlohmann::json::array();
            for (const auto& d : decisions) {
                removed += !d.kept();
                json.push_back({{"id", d.id}, {"time", d.createdAt}, {"name", d.name}, {"keep", d.kept()},
                    {"reasons", d.reasons}});
                if (!o->args.json())
                    std::cout << (d.kept() ? "keep   " : (o->dryRun ? "would remove " : "remove ")) << d.id << "  "
                              << d.createdAt << "  " << d.name << (d.kept() ? "  (" + tagsText(d.reasons) + ")" : "")
                              << "\n";
            }
            if (o->args.json())
                printJson({{"dry_run", o->dryRun}, {"snapshots", json}});
            else
                std::cout << decisions.size() - removed << " kept, " << removed
                          << (o->dryRun ? " would be removed (dry run)\n" : " removed\n");
            return kOk;
        });
    });
}

void addExport(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "export", "Write a snapshot to one portable, self-verifying file");
    c->add_option("ID", o->id, "the snapshot")->required();
    c->add_option("-o,--output", o->output, "the file to write (atomically)")->required();
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            onWorkspace(o->args.path(), o->args.openOptions(Access::Read, "snapshot export"), "exporting",
                [&](Workspace& ws, const Progress& progress) {
                    return (workspace::exportSnapshot(ws, o->id, o->output, progress), 0);
                });
            if (o->args.json())
                printJson({{"id", o->id}, {"file", o->output}});
            else
                std::cout << "exported snapshot " << o->id << " to " << o->output << "\n";
            return kOk;
        });
    });
}

void addImport(CLI::App& group, const Options& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "import",
        "Add a snapshot from an exported file; a damaged or changed file is refused before anything is written");
    c->add_option("FILE", o->file, "the exported snapshot")->required()->check(CLI::ExistingFile);
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const std::string id = onWorkspace(o->args.path(), o->args.openOptions(Access::Write, "snapshot import"),
                "importing", [&](Workspace& ws, const Progress& progress) {
                    return workspace::importSnapshot(ws, o->file, progress);
                });
            if (o->args.json())
                printJson({{"id", id}});
            else
                std::cout << id << "\n";
            return kOk;
        });
    });
}
} // namespace

void addSnapshotCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<SnapshotOptions>();
    auto* group = app.add_subcommand("snapshot", "Snapshots of the whole workspace: take, check, compare, restore");
    addWorkspaceArgs(*group, o->args, true);
    addCreate(*group, o, exitCode);
    addList(*group, o, exitCode);
    addInfo(*group, o, exitCode);
    addVerify(*group, o, exitCode);
    addDiff(*group, o, exitCode);
    addRestore(*group, o, exitCode);
    addDelete(*group, o, exitCode);
    addPrune(*group, o, exitCode);
    addExport(*group, o, exitCode);
    addImport(*group, o, exitCode);
}

} // namespace evograph::cli
