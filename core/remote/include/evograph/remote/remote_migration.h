#pragma once
// Migrations on graphs bound to remote stores. The plan's dry run and checks run on the
// workspace's copy, which the drift guard has just proved equal to the store; the approval gate,
// the pre-migration snapshot, the journal and the audit are those of a local apply. Once the
// apply is committed, each bound graph it changed gets its new version pushed (the exact change,
// in batches, verified by re-reading the store and comparing its hash with the dry run's result).
// When a push fails, the graphs already pushed are pushed back, the one that failed is reverted
// (remote_graph.h: revertPush), the operation is rolled back in the workspace, and the error is
// reported: store and workspace are as before the apply.
//
// A rollback is guarded the same way, then pushes the graphs' restored versions.

#include "evograph/migrate/migration.h"
#include "evograph/remote/remote_graph.h"

namespace evograph::remote {

// The bound graphs among `graphs` (all bound graphs when `graphs` is empty).
std::vector<workspace::RemoteBinding> boundGraphs(
    workspace::Workspace& workspace, const std::vector<std::string>& graphs);

// The drift guard for each of them (RemoteDrift on the first that changed).
void guardBoundGraphs(const std::vector<workspace::RemoteBinding>& bound, const RemoteOptions& options,
    const workspace::Progress& progress = {});

struct StoreSync {
    std::vector<PushResult> pushes; // one per bound graph the operation changed
};

// applyPlan, then the pushes (see above). Throws what applyPlan throws, RemoteDrift before it,
// evograph::Error after a compensated failure.
migrate::ApplyResult applyOnStores(workspace::Workspace& workspace, const migrate::Plan& plan,
    const migrate::ApplyOptions& apply, const RemoteOptions& options, StoreSync& sync,
    const workspace::Progress& progress = {});

// rollbackOperation, guarded and followed by the pushes.
workspace::JournalOperation rollbackOnStores(workspace::Workspace& workspace, const std::string& operationId,
    const RemoteOptions& options, StoreSync& sync, const workspace::Progress& progress = {});

} // namespace evograph::remote
