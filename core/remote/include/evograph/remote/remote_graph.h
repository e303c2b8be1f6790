#pragma once
// A workspace graph bound to a remote store's named graph: pull the store's content as a new
// version, push a version to the store as its minimal change, and the drift guard before any
// write. Everything the store is sent is journalled in the workspace (remotes.h) and audited;
// no password is kept anywhere but the environment variable the binding names.
//
// Drift guard: before a push (and before a migration's apply or rollback on the graph) the store
// is read and its content hash compared with what the workspace last knew of it; when someone
// changed it since, RemoteDrift is thrown ("remote graph changed since version N; pull first")
// and nothing is sent.
//
// A push sends the change in idempotent batches (update_batches.h), records each acknowledged
// batch, then re-reads the store and requires the target's content hash. Interrupted (a kill,
// Ctrl-C, the server gone), the next push of the same version resumes at the first batch not
// acknowledged; before resuming, every ground triple in the store must be in the base or the
// target (a change by someone else in between is refused as drift).

#include "evograph/config/config.h"
#include "evograph/remote/sparql_store.h"
#include "evograph/workspace/remotes.h"
#include "evograph/workspace/workspace.h"

#include <cstdint>
#include <string>

namespace evograph::remote {

class RemoteDrift : public Error {
public:
    using Error::Error;
};

struct RemoteOptions {
    std::size_t batchTriples = 10'000;
    std::size_t parallel = 1; // batches sent at once (separate connections)
    StoreOptions store;
};

// The store a binding names, its password read from the binding's variable (an error naming the
// variable when it is unset).
SparqlStore openStore(const workspace::RemoteBinding& binding, const StoreOptions& options = {});

struct Pulled {
    workspace::GraphVersion version;
    bool isNew = false; // false: the graph already had this content
    StoreRead read;
};
// Stores the store's current content as the graph's new version and records it as known. When it
// holds the data the workspace last knew and the current version has that content (equal value
// hashes: a store may rewrite literals' forms) no version is added and the current one is returned.
Pulled pull(workspace::Workspace& workspace, const std::string& graph, const RemoteOptions& options = {},
    const workspace::Progress& progress = {});

// Reads the store; throws RemoteDrift unless it holds what the workspace last knew (a store never
// pulled must be empty). Returns the store's content hash.
std::string requireNoDrift(
    const workspace::RemoteBinding& binding, SparqlStore& store, const workspace::Progress& progress = {});

struct PushResult {
    workspace::GraphVersion target;
    std::size_t batches = 0, batchesSent = 0; // in the plan; sent by this run
    std::size_t deletes = 0, inserts = 0, blankGroups = 0;
    bool resumed = false, dryRun = false;
    bool upToDate = false; // the store already held the version
    std::string approval; // the policy's word on it (a push that deletes triples is destructive)
    double seconds = 0;
};

struct PushOptions : RemoteOptions {
    std::string version; // label or sequence number; "" the current one
    bool dryRun = false; // plan only: nothing is sent or journalled
    bool driftChecked = false; // the caller ran requireNoDrift just now, under the same write lock
    // The caller's operation passed the policy gate already (a migration's apply or rollback, and
    // putting a store back after one failed).
    bool gated = false;
    config::Config config; // its [policies] over the workspace's, at the gate
};
// The key reviewers' decisions on the push of `version` ("" the current one) are recorded under:
// the graph, what the store holds as the workspace knows it (the base of an interrupted push) and
// the version pushed. A change of any of them voids an approval.
std::string pushApprovalKey(workspace::Workspace& workspace, const std::string& graph, const std::string& version);
// Makes the store's graph equal to the version (see above). A push that deletes triples from the
// store is a destructive operation: policy::decide weighs it with the reviewers' decisions on its
// pushApprovalKey, and without the approval it needs nothing is sent (policy::ApprovalMissing).
// Throws RemoteDrift, evograph::Error (the store's answer, a failed verification: the push is then
// journalled "failed"), Cancelled.
PushResult push(workspace::Workspace& workspace, const std::string& graph, const PushOptions& options,
    const workspace::Progress& progress = {});

// Undoes the graph's last push that did not finish ("running") or failed its verification: sends
// the inverse change (every batch of it is idempotent, so it restores the base from any point the
// push reached), verifies the store's hash against the base, and journals the push "reverted".
// Returns false when there is no such push.
bool revertPush(workspace::Workspace& workspace, const std::string& graph, const RemoteOptions& options = {},
    const workspace::Progress& progress = {});

} // namespace evograph::remote
