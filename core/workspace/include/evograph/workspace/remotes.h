#pragma once
// Workspace graphs bound to a named graph of a remote SPARQL store. The store holds the live
// data; the workspace keeps the graph's history and snapshots as canonical copies, and what the
// store held when evograph last read or wrote it (its content hash and the version that equals
// it), which the drift guard compares against before anything is written to the store.
//
// Pushes are journalled batch by batch (remote_pushes), so one interrupted by a kill, a network
// failure or the server going away resumes where it stopped. Passwords never reach the
// workspace: a binding names the environment variable that holds one.

#include "evograph/workspace/workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace evograph::workspace {

struct RemoteBinding {
    std::string graph; // the workspace graph (the binding's name)
    std::string endpoint; // SPARQL 1.1 Protocol query endpoint
    std::string updateEndpoint; // SPARQL 1.1 Update endpoint (the query endpoint when the store has one)
    std::string gsp; // Graph Store Protocol endpoint ("" when the store has none)
    std::string graphIri; // the store's named graph
    std::string user, passwordEnv; // Basic or Digest auth; the password is read from $passwordEnv
    std::string knownContent; // content hash the store had when last read or written ("" never)
    std::int64_t knownVersion = 0; // the graph's version with that content (0 none)
    std::string knownValueHash; // its value hash (remote/literal_values.h): what the drift guard compares
    std::string boundAt;
};

// Adds a binding (audited as remote.add); refuses a graph already bound.
void addRemote(Workspace& workspace, const RemoteBinding& binding);
// Removes a binding (audited as remote.remove); the graph and its history stay.
void removeRemote(Workspace& workspace, const std::string& graph);
std::vector<RemoteBinding> remotes(Workspace& workspace);
std::optional<RemoteBinding> findRemote(Workspace& workspace, const std::string& graph);
// The binding or an error naming the graph and the bound ones.
RemoteBinding requireRemote(Workspace& workspace, const std::string& graph);
// Records what the store now holds (after a pull, or a push verified by re-reading).
void recordRemoteState(Workspace& workspace, const std::string& graph, const std::string& content, std::int64_t version,
    const std::string& valueHash);

struct RemotePush {
    std::int64_t id = 0;
    std::string graph;
    std::string baseContent, targetContent; // from what the store held to the version pushed
    std::int64_t targetVersion = 0;
    std::size_t batchSize = 0, batches = 0, batchesSent = 0;
    std::string status; // "running", "done" or "failed"
    std::string startedAt;
};

// Journals a push about to send its first batch (audited as remote.push.start).
RemotePush beginPush(Workspace& workspace, RemotePush push);
// Records that the store acknowledged batches [0, sent).
void recordBatchesSent(Workspace& workspace, std::int64_t push, std::size_t sent);
// Ends a push: "done" also records the store's new state (the target, with `valueHash`); audited
// as remote.push.
void finishPush(Workspace& workspace, const RemotePush& push, const std::string& status, const std::string& detail,
    const std::string& valueHash = {});
// The graph's push that was interrupted (status "running"), if any.
std::optional<RemotePush> unfinishedPush(Workspace& workspace, const std::string& graph);
// The graph's last push, whatever its status.
std::optional<RemotePush> lastPush(Workspace& workspace, const std::string& graph);

} // namespace evograph::workspace
