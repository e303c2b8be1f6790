#pragma once
// Several workspace writes as one: everything `work` writes (snapshots, versions, journal and
// audit records, each in its own transaction inside) is committed together when it returns, and
// none of it when it throws. A migration uses it so that a failure after its pre-migration
// snapshot (a full disk, say) leaves the workspace exactly as it was.

#include <functional>

namespace evograph::workspace {

class Workspace;

// The workspace must be open for writing.
void atomically(Workspace& workspace, const std::function<void()>& work);

} // namespace evograph::workspace
