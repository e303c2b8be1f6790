#include "evograph/remote/remote_graph.h"

#include "evograph/diff/graph_diff.h"
#include "evograph/engine/digest.h"
#include "evograph/policy/decision.h"
#include "evograph/remote/literal_values.h"
#include "evograph/remote/update_batches.h"
#include "evograph/workspace/migration_journal.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <future>

namespace evograph::remote {

namespace {
std::string versionName(const workspace::GraphVersion& v)
{
    return std::to_string(v.seq) + (v.label == "v" + std::to_string(v.seq) ? "" : " (" + v.label + ")");
}

// A ground triple in the store that neither the push's base nor its target has: someone else's.
bool holdsForeignTriples(const rdf::Dataset& store, const rdf::Dataset& base, const rdf::Dataset& target)
{
    const rdf::Dictionary& d = store.dictionary();
    for (const rdf::Quad& q : store.quads()) {
        if (d.isBlank(q.s) || d.isBlank(q.o))
            continue;
        if (!std::binary_search(base.quads().begin(), base.quads().end(), q)
            && !std::binary_search(target.quads().begin(), target.quads().end(), q))
            return true;
    }
    return false;
}
rdf::Dataset contentOrEmpty(workspace::Workspace& workspace, const std::string& content,
    const std::shared_ptr<rdf::Dictionary>& dictionary, const workspace::Progress& progress)
{
    return content.empty() ? rdf::Dataset(dictionary)
                           : workspace.readContent(content, {progress.cancel, {}}, dictionary);
}

// A push's base and target as the store sees them: in value form (a literal written another way is
// no change to a store that keeps values, and sending it as a delete and an insert of the same
// value makes Virtuoso lose the triple), with the forms the versions wrote, which requests carry.
// Made once per push: the value hash, the change and the resume check all use it.
struct ValueVersions {
    rdf::Dataset base, target;
    LexicalForms forms; // old: the base's forms, updated: the target's
};

ValueVersions readByValue(workspace::Workspace& workspace, const std::string& baseContent,
    const std::string& targetContent, const workspace::Progress& progress)
{
    const auto dictionary = std::make_shared<rdf::Dictionary>();
    ValueVersions v;
    v.base = byValue(contentOrEmpty(workspace, baseContent, dictionary, progress), &v.forms.old);
    v.target = byValue(contentOrEmpty(workspace, targetContent, dictionary, progress), &v.forms.updated);
    return v;
}

// The change from `from` to `to` (both in value form; `forms.old` belongs to `from`).
UpdatePlan changeBetween(const rdf::Dataset& from, const rdf::Dataset& to, const LexicalForms& forms,
    const workspace::RemoteBinding& binding, std::size_t batchTriples, const workspace::Progress& progress)
{
    const diff::GraphDiff changes = diff::diffDatasets(from, to, {progress.cancel, {}});
    return planUpdate(from, to, changes, binding.graphIri, batchTriples, !binding.gsp.empty(), &forms);
}

void send(SparqlStore& store, const UpdateBatch& batch, const workspace::Progress& progress)
{
    if (batch.ntriples.empty())
        store.update(batch.request, progress.cancel);
    else
        store.merge(batch.ntriples, progress.cancel);
}

// What the store's graph holds, as a value hash (literal_values.h).
std::string storeValueHash(SparqlStore& store, const workspace::Progress& progress)
{
    rdf::Dataset data;
    store.read(data, progress.cancel);
    return valueHash(data, progress.cancel);
}
} // namespace

SparqlStore openStore(const workspace::RemoteBinding& binding, const StoreOptions& options)
{
    StoreEndpoint endpoint {binding.endpoint, binding.updateEndpoint, binding.gsp, binding.graphIri, {}};
    if (!binding.user.empty()) {
        const char* password = binding.passwordEnv.empty() ? nullptr : std::getenv(binding.passwordEnv.c_str());
        if (!password)
            throw Error("remote '" + binding.graph + "' signs in as '" + binding.user + "': set its password in $"
                + (binding.passwordEnv.empty() ? std::string("(no variable named; remote add --password-env VAR)")
                                               : binding.passwordEnv));
        endpoint.credentials = {binding.user, password};
    }
    return SparqlStore(std::move(endpoint), options);
}

Pulled pull(workspace::Workspace& workspace, const std::string& graph, const RemoteOptions& options,
    const workspace::Progress& progress)
{
    const workspace::RemoteBinding binding = workspace::requireRemote(workspace, graph);
    SparqlStore store = openStore(binding, options.store);
    rdf::Dataset data;
    Pulled pulled;
    pulled.read = store.read(data, progress.cancel, progress.report);
    const std::string value = valueHash(data, progress.cancel);
    if (!binding.knownContent.empty() && value == binding.knownValueHash && !workspace::unfinishedPush(workspace, graph)
        && workspace.findVersion(graph).content == binding.knownContent) {
        // The current version holds what the store does (some literals perhaps in the store's own
        // forms): no new version.
        pulled.version = workspace.findVersion(graph);
        return pulled;
    }
    const std::string source = "sparql:" + store.endpoint().display();
    const auto imported = workspace.importDataset(graph, data, {}, source, {progress.cancel, {}});
    pulled.version = imported.version;
    pulled.isNew = imported.isNew;
    // What the store holds is known now: an interrupted push toward something else is moot.
    if (auto unfinished = workspace::unfinishedPush(workspace, graph))
        workspace::finishPush(workspace, *unfinished, "abandoned", "pulled version " + versionName(pulled.version));
    workspace::recordRemoteState(workspace, graph, pulled.version.content, pulled.version.seq, value);
    return pulled;
}

std::string requireNoDrift(
    const workspace::RemoteBinding& binding, SparqlStore& store, const workspace::Progress& progress)
{
    rdf::Dataset data;
    store.read(data, progress.cancel, progress.report);
    if (binding.knownContent.empty() && !data.empty())
        throw RemoteDrift("remote graph <" + binding.graphIri + "> holds " + std::to_string(data.size())
            + " triples the workspace has never read; pull first");
    const std::string hash = valueHash(data, progress.cancel);
    if (!binding.knownContent.empty() && hash != binding.knownValueHash)
        throw RemoteDrift(
            "remote graph changed since version " + std::to_string(binding.knownVersion) + "; pull first");
    return hash;
}

namespace {
std::string approvalKey(const std::string& graph, const std::string& baseContent, const std::string& targetContent)
{
    return "push:"
        + engine::hexDigest(engine::HashAlgorithm::Sha256, graph + "\n" + baseContent + "\n" + targetContent);
}
} // namespace

std::string pushApprovalKey(workspace::Workspace& workspace, const std::string& graph, const std::string& version)
{
    const workspace::RemoteBinding binding = workspace::requireRemote(workspace, graph);
    const auto unfinished = workspace::unfinishedPush(workspace, graph);
    return approvalKey(graph, unfinished ? unfinished->baseContent : binding.knownContent,
        workspace.findVersion(graph, version).content);
}

PushResult push(workspace::Workspace& workspace, const std::string& graph, const PushOptions& options,
    const workspace::Progress& progress)
{
    const auto start = std::chrono::steady_clock::now();
    const workspace::RemoteBinding binding = workspace::requireRemote(workspace, graph);
    PushResult result;
    result.target = workspace.findVersion(graph, options.version);
    result.dryRun = options.dryRun;
    SparqlStore store = openStore(binding, options.store);

    const auto unfinished = workspace::unfinishedPush(workspace, graph);
    std::string baseContent = binding.knownContent;
    std::size_t batchTriples = options.batchTriples;
    if (unfinished) {
        if (unfinished->targetContent != result.target.content)
            throw Error("the push of version " + std::to_string(unfinished->targetVersion) + " of '" + graph
                + "' was interrupted; push it again (--version " + std::to_string(unfinished->targetVersion)
                + ") to finish it, or pull to start over");
        baseContent = unfinished->baseContent;
        batchTriples = unfinished->batchSize; // the same batches as before
        result.resumed = true;
    }
    const ValueVersions versions = readByValue(workspace, baseContent, result.target.content, progress);
    const std::string targetValue = workspace::contentHash(versions.target, progress.cancel); // its value hash
    if (!unfinished) {
        // The store holds values, not lexical forms: it equals the version when their value hashes do.
        const std::string storeValue
            = options.driftChecked ? binding.knownValueHash : requireNoDrift(binding, store, {progress.cancel, {}});
        if (storeValue == targetValue) {
            result.upToDate = true;
            if (binding.knownVersion != result.target.seq && !options.dryRun)
                workspace::recordRemoteState(workspace, graph, result.target.content, result.target.seq, targetValue);
            return result;
        }
    }
    const UpdatePlan plan
        = changeBetween(versions.base, versions.target, versions.forms, binding, batchTriples, progress);
    result.batches = plan.batches.size();
    result.deletes = plan.deletes;
    result.inserts = plan.inserts;
    result.blankGroups = plan.blankGroups;
    if (!options.gated) {
        const std::string key = approvalKey(graph, baseContent, result.target.content);
        const std::vector<workspace::Approval> reviews = workspace::approvals(workspace, key);
        const policy::Decision decision = policy::decide(policy::Policy::of(workspace, options.config),
            {plan.deletes > 0 ? policy::OperationClass::Destructive : policy::OperationClass::Additive, reviews,
                workspace.user(),
                "(a reviewer runs: evograph remote approve W " + graph + " --version "
                    + std::to_string(result.target.seq) + " --as NAME)"});
        result.approval = decision.reason;
        if (!decision.runs() && !options.dryRun)
            throw policy::ApprovalMissing("the push deletes " + std::to_string(plan.deletes) + " triples from <"
                + binding.graphIri + ">: " + decision.reason);
    }
    if (options.dryRun)
        return result;

    workspace::RemotePush journal;
    if (unfinished) {
        rdf::Dataset now(versions.base.sharedDictionary());
        store.read(now, progress.cancel);
        if (holdsForeignTriples(byValue(now), versions.base, versions.target))
            throw RemoteDrift("remote graph changed since version " + std::to_string(binding.knownVersion)
                + " while a push was interrupted; pull first");
        journal = *unfinished;
    } else {
        journal = workspace::beginPush(workspace,
            {0, graph, baseContent, result.target.content, result.target.seq, batchTriples, plan.batches.size(), 0, {},
                {}});
    }
    // In waves of `parallel` concurrent requests; the journal records each finished wave, so a
    // resume sends the interrupted wave again (every batch is idempotent).
    const std::size_t parallel = std::max<std::size_t>(1, options.parallel);
    for (std::size_t begin = journal.batchesSent; begin < plan.batches.size(); begin += parallel) {
        progress.checkpoint();
        const std::size_t end = std::min(plan.batches.size(), begin + parallel);
        std::vector<std::future<void>> wave;
        for (std::size_t i = begin + 1; i < end; ++i)
            wave.push_back(std::async(std::launch::async, [&, i] { send(store, plan.batches[i], progress); }));
        std::exception_ptr failure;
        try {
            send(store, plan.batches[begin], progress);
        } catch (...) {
            failure = std::current_exception();
        }
        for (auto& request : wave)
            try {
                request.get();
            } catch (...) {
                failure = failure ? failure : std::current_exception();
            }
        if (failure)
            std::rethrow_exception(failure);
        workspace::recordBatchesSent(workspace, journal.id, end);
        result.batchesSent += end - begin;
        progress(end, plan.batches.size());
    }

    const std::string hash = storeValueHash(store, progress);
    if (hash != targetValue) {
        const std::string why = "after the push the store's graph has value hash " + hash + ", not version "
            + versionName(result.target) + "'s " + targetValue;
        workspace::finishPush(workspace, journal, "failed", why);
        throw Error("remote graph <" + binding.graphIri + ">: " + why);
    }
    workspace::finishPush(workspace, journal, "done", {}, targetValue);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

bool revertPush(workspace::Workspace& workspace, const std::string& graph, const RemoteOptions& options,
    const workspace::Progress& progress)
{
    const auto last = workspace::lastPush(workspace, graph);
    if (!last || (last->status != "running" && last->status != "failed"))
        return false;
    const workspace::RemoteBinding binding = workspace::requireRemote(workspace, graph);
    SparqlStore store = openStore(binding, options.store);
    const ValueVersions versions = readByValue(workspace, last->baseContent, last->targetContent, progress);
    const UpdatePlan inverse = changeBetween(versions.target, versions.base,
        LexicalForms {versions.forms.updated, versions.forms.old}, binding, last->batchSize, progress);
    for (const UpdateBatch& batch : inverse.batches) {
        progress.checkpoint();
        send(store, batch, progress);
    }
    const std::string hash = storeValueHash(store, progress);
    if (hash != workspace::contentHash(versions.base, progress.cancel)) {
        workspace::finishPush(workspace, *last, "failed", "reverting left the store at value hash " + hash);
        throw Error("remote graph <" + binding.graphIri
            + ">: reverting the push did not bring the store's graph back to what it held before (value hash " + hash
            + "); pull to see what it holds");
    }
    workspace::finishPush(workspace, *last, "reverted", {});
    return true;
}

} // namespace evograph::remote
