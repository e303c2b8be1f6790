#include "evograph/workspace/atomically.h"

#include "workspace_impl.h"

namespace evograph::workspace {

void atomically(Workspace& workspace, const std::function<void()>& work)
{
    workspace.impl().requireWrite("a combined write");
    sql::Transaction transaction(workspace.impl().db); // the transactions inside become savepoints
    work();
    transaction.commit();
}

} // namespace evograph::workspace
