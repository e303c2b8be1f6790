// evograph remote add|list|remove|pull|push|approve|reject: workspace graphs bound to a remote SPARQL
// store.
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/remote/remote_graph.h"
#include "evograph/workspace/migration_journal.h"

#include <iostream>

namespace evograph::cli {

namespace {
struct RemoteArgs {
    WorkspaceArgs args;
    std::string path, graph;
    workspace::RemoteBinding binding;
    remote::PushOptions push;
    double timeoutSeconds = 300;
    unsigned retries = 4;
    std::string reviewer, comment, configPath;
};

// --batch, --page-size, --timeout and --retries: how the store is spoken to.
void addTransferOptions(CLI::App& c, RemoteArgs& o, bool batches)
{
    if (batches) {
        c.add_option("--batch", o.push.batchTriples, "triples per SPARQL Update request (default 10000)")
            ->check(CLI::PositiveNumber);
        c.add_option("--parallel", o.push.parallel, "requests sent at once, each on its own connection (default 1)")
            ->check(CLI::Range(1, 16));
    }
    c.add_option("--page-size", o.push.store.pageSize,
         "most triples one CONSTRUCT answer is asked for when the store has no Graph Store Protocol or caps it: the "
         "graph is read in partitions by a hash of the subject, each split further while larger or cut short by "
         "the store's cap (default 10000)")
        ->check(CLI::PositiveNumber);
    c.add_option("--timeout", o.timeoutSeconds, "seconds one request may take (default 300)")
        ->check(CLI::PositiveNumber);
    c.add_option("--retries", o.retries, "attempts after a failed request (default 4)");
}

remote::PushOptions pushOptions(const RemoteArgs& o)
{
    remote::PushOptions options = o.push;
    options.store.http.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(o.timeoutSeconds * 1000));
    options.store.http.maxRetries = o.retries;
    return options;
}

nlohmann::json bindingJson(const workspace::RemoteBinding& b)
{
    return {{"graph", b.graph}, {"endpoint", b.endpoint}, {"update_endpoint", b.updateEndpoint}, {"gsp", b.gsp},
        {"graph_iri", b.graphIri}, {"user", b.user}, {"password_env", b.passwordEnv}, {"known_content", b.knownContent},
        {"known_version", b.knownVersion}, {"bound_at", b.boundAt}};
}

// The drift guard's refusal is a refusal (exit 1), not an error.
int refusingDrift(const std::function<int()>& body)
{
    return runCommand([&] {
        try {
            return body();
        } catch (const remote::RemoteDrift& drift) {
            std::cerr << "evograph: " << drift.what() << "\n";
            return static_cast<int>(kDifferent);
        }
    });
}

void addAdd(CLI::App& group, const std::shared_ptr<RemoteArgs>& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "add", "Bind graph NAME to a named graph of a SPARQL 1.1 store");
    c->add_option("W", o->path, "the workspace file")->required();
    c->add_option("NAME", o->binding.graph, "the workspace graph (created by the first pull)")->required();
    c->add_option("--endpoint", o->binding.endpoint, "the SPARQL query endpoint URL")->required();
    c->add_option("--graph", o->binding.graphIri, "the store's named graph IRI")->required();
    c->add_option("--update-endpoint", o->binding.updateEndpoint, "the SPARQL Update endpoint (default: --endpoint)");
    c->add_option("--gsp", o->binding.gsp,
        "the Graph Store Protocol endpoint, for fast whole-graph reads (default: none, CONSTRUCT partitions)");
    c->add_option("--user", o->binding.user, "user for Basic or Digest authentication");
    c->add_option("--password-env", o->binding.passwordEnv,
        "the environment variable holding the password (never stored in the workspace)");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            if (!o->binding.user.empty() && o->binding.passwordEnv.empty())
                throw Error("--user needs --password-env VAR: the password is read from the environment, never "
                            "stored");
            onWorkspace(o->path, o->args.openOptions(workspace::Access::Write, "remote add"), "binding",
                [&](workspace::Workspace& ws, const workspace::Progress&) {
                    workspace::addRemote(ws, o->binding);
                    return 0;
                });
            if (o->args.json())
                printJson(bindingJson(o->binding));
            else
                std::cout << "graph " << o->binding.graph << ": bound to <" << o->binding.graphIri << "> at "
                          << net::displayUrl(o->binding.endpoint) << " (pull to read it)\n";
            return kOk;
        });
    });
}

void addList(CLI::App& group, const std::shared_ptr<RemoteArgs>& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "list", "List the graphs bound to remote stores");
    c->add_option("W", o->path, "the workspace file")->required();
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const auto bindings
                = onWorkspace(o->path, o->args.openOptions(workspace::Access::Read, "remote list"), "reading",
                    [&](workspace::Workspace& ws, const workspace::Progress&) { return workspace::remotes(ws); });
            if (o->args.json()) {
                nlohmann::json json = nlohmann::json::array();
                for (const auto& b : bindings)
                    json.push_back(bindingJson(b));
                printJson(json);
                return kOk;
            }
            std::vector<std::vector<std::string>> rows {{"GRAPH", "ENDPOINT", "GRAPH IRI", "USER", "KNOWN"}};
            for (const auto& b : bindings)
                rows.push_back({b.graph, net::displayUrl(b.endpoint), b.graphIri, b.user.empty() ? "-" : b.user,
                    b.knownContent.empty()
                        ? "never read"
                        : "version " + std::to_string(b.knownVersion) + " " + shortHash(b.knownContent)});
            std::cout << formatTable(rows);
            return kOk;
        });
    });
}

void addRemove(CLI::App& group, const std::shared_ptr<RemoteArgs>& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "remove", "Unbind graph NAME (its history stays; the store is not touched)");
    c->add_option("W", o->path, "the workspace file")->required();
    c->add_option("NAME", o->graph, "the bound graph")->required();
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            onWorkspace(o->path, o->args.openOptions(workspace::Access::Write, "remote remove"), "unbinding",
                [&](workspace::Workspace& ws, const workspace::Progress&) {
                    workspace::removeRemote(ws, o->graph);
                    return 0;
                });
            if (!o->args.json())
                std::cout << "graph " << o->graph << ": unbound\n";
            else
                printJson({{"graph", o->graph}, {"removed", true}});
            return kOk;
        });
    });
}

void addPull(CLI::App& group, const std::shared_ptr<RemoteArgs>& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "pull", "Store the remote graph's current content as a new version of NAME");
    c->add_option("W", o->path, "the workspace file")->required();
    c->add_option("NAME", o->graph, "the bound graph")->required();
    addTransferOptions(*c, *o, false);
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const remote::Pulled pulled
                = onWorkspace(o->path, o->args.openOptions(workspace::Access::Write, "remote pull"), "pulling",
                    [&](workspace::Workspace& ws, const workspace::Progress& progress) {
                        return remote::pull(ws, o->graph, pushOptions(*o), progress);
                    });
            const workspace::GraphVersion& v = pulled.version;
            if (o->args.json()) {
                printJson({{"graph", v.graph}, {"version", v.seq}, {"label", v.label}, {"triples", v.triples},
                    {"content", v.content}, {"new", pulled.isNew}, {"bytes", pulled.read.bytes},
                    {"requests", pulled.read.requests}, {"paged", pulled.read.paged},
                    {"seconds", pulled.read.seconds}});
            } else {
                std::cout << "graph " << v.graph << ": " << (pulled.isNew ? "version " : "unchanged, version ") << v.seq
                          << " (" << v.label << "), " << v.triples << " triples, content " << v.content << "\n";
                if (pulled.read.paged)
                    std::cout << "read in partitions of at most " << pulled.read.pageSize << " triples ("
                              << pulled.read.requests << " requests)\n";
            }
            return kOk;
        });
    });
}

void addPush(CLI::App& group, const std::shared_ptr<RemoteArgs>& o, int& exitCode)
{
    auto* c = workspaceSubcommand(
        group, "push", "Make the remote graph equal to a version of NAME by sending the minimal change");
    c->add_option("W", o->path, "the workspace file")->required();
    c->add_option("NAME", o->graph, "the bound graph")->required();
    c->add_option("--version", o->push.version, "a version label or number (default: the current one)");
    c->add_flag("--dry-run", o->push.dryRun, "say what would be sent; send nothing");
    addTransferOptions(*c, *o, true);
    addConfigOption(*c, o->configPath);
    c->callback([o, &exitCode] {
        exitCode = refusingDrift([&] {
            o->push.config = loadCliConfig(o->configPath); // its [policies] override the workspace's
            const remote::PushResult r = onWorkspace(o->path,
                o->args.openOptions(o->push.dryRun ? workspace::Access::Read : workspace::Access::Write, "remote push"),
                "pushing", [&](workspace::Workspace& ws, const workspace::Progress& progress) {
                    return remote::push(ws, o->graph, pushOptions(*o), progress);
                });
            if (o->args.json()) {
                printJson({{"graph", o->graph}, {"version", r.target.seq}, {"content", r.target.content},
                    {"up_to_date", r.upToDate}, {"dry_run", r.dryRun}, {"resumed", r.resumed}, {"batches", r.batches},
                    {"batches_sent", r.batchesSent}, {"deleted", r.deletes}, {"inserted", r.inserts},
                    {"blank_groups", r.blankGroups}, {"approval", r.approval}, {"seconds", r.seconds}});
                return kOk;
            }
            if (r.upToDate) {
                std::cout << "graph " << o->graph << ": the store already holds version " << r.target.seq << "\n";
                return kOk;
            }
            std::cout << "graph " << o->graph << ": " << (r.dryRun ? "would send " : "sent ")
                      << (r.dryRun ? r.batches : r.batchesSent) << " batch" << (r.batches == 1 ? "" : "es") << ", -"
                      << r.deletes << " +" << r.inserts << " triples (" << r.blankGroups
                      << " blank-node structures by their statements)";
            if (r.resumed)
                std::cout << ", resuming an interrupted push at batch " << (r.batches - r.batchesSent + 1);
            if (!r.dryRun)
                std::cout << "; the store now holds version " << r.target.seq << ", content " << r.target.content
                          << " (verified)";
            std::cout << "\n";
            if (!r.approval.empty())
                std::cout << "Approval: " << r.approval << "\n";
            return kOk;
        });
    });
}

// A reviewer's decision on the push of a version: what the store holds now and that version.
void addDecision(CLI::App& group, const std::shared_ptr<RemoteArgs>& o, int& exitCode, const std::string& decision)
{
    auto* c = workspaceSubcommand(group, decision,
        decision == "approve" ? "Approve pushing a version of NAME over what the store holds now (a push that deletes "
                                "triples needs it)"
                              : "Reject pushing a version of NAME: it is not sent until approved again");
    c->add_option("W", o->path, "the workspace file")->required();
    c->add_option("NAME", o->graph, "the bound graph")->required();
    c->add_option("--version", o->push.version, "a version label or number (default: the current one)");
    c->add_option("--as", o->reviewer, "the reviewer's name")->required();
    c->add_option("--comment", o->comment, "why");
    c->callback([o, &exitCode, decision] {
        exitCode = runCommand([&] {
            const workspace::Approval recorded
                = onWorkspace(o->path, o->args.openOptions(workspace::Access::Write, "remote " + decision), decision,
                    [&](workspace::Workspace& ws, const workspace::Progress&) {
                        const std::string key = remote::pushApprovalKey(ws, o->graph, o->push.version);
                        const std::string what = "push of " + o->graph + " version "
                            + std::to_string(ws.findVersion(o->graph, o->push.version).seq);
                        return workspace::recordApproval(ws, {0, key, what, decision, o->reviewer, {}, o->comment, {}});
                    });
            if (o->args.json())
                printJson({{"decision", recorded.decision}, {"push", recorded.planName}, {"key", recorded.planHash},
                    {"reviewer", recorded.reviewer}, {"recorded_by", recorded.recordedBy}, {"at", recorded.at}});
            else
                std::cout << (decision == "approve" ? "Approved the " : "Rejected the ") << recorded.planName << " as "
                          << recorded.reviewer << ", recorded by " << recorded.recordedBy << " at " << recorded.at
                          << "\n";
            return kOk;
        });
    });
}
} // namespace

void addRemoteCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<RemoteArgs>();
    auto* group = app.add_subcommand("remote", "Graphs bound to a remote SPARQL store (Virtuoso, GraphDB, ...)");
    addWorkspaceArgs(*group, o->args, false);
    addAdd(*group, o, exitCode);
    addList(*group, o, exitCode);
    addRemove(*group, o, exitCode);
    addDecision(*group, o, exitCode, "approve");
    addDecision(*group, o, exitCode, "reject");
    addPull(*group, o, exitCode);
    addPush(*group, o, exitCode);
}

} // namespace evograph::cli
