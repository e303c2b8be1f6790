#pragma once
// Workspace work for the studio's views, as engine jobs: each opens the workspace on the worker
// thread (a Workspace is used from one thread), does one thing, and closes it again, so the
// studio never holds the writer's lock between operations.

#include "common/engine_adapter.h"

#include "evograph/workspace/workspace.h"

namespace evograph::ui {

// Opens the workspace the way every view does: a writer waits up to 10 s for another one, and the
// lock names "evograph-studio TASK" to whoever else waits. A Workspace is used from one thread.
inline workspace::Workspace openStudioWorkspace(
    const std::string& path, workspace::Access access, const std::string& task)
{
    return workspace::Workspace::open(path, {access, std::chrono::seconds(10), "evograph-studio " + task});
}

// Runs `work(workspace::Workspace&, const workspace::Progress&) -> T` on a worker with the
// workspace open for `access` (a writer waits up to 10 s for another one).
template <typename Work, typename Done>
int runOnWorkspace(EngineAdapter& engine, QObject* receiver, const QString& path, workspace::Access access,
    const QString& description, const std::string& taskName, Work work, Done done)
{
    const std::string file = path.toStdString();
    return engine.run(
        receiver, {}, description, taskName,
        [file, access, work = std::move(work), taskName](const engine::TaskContext& context) {
            auto workspace = openStudioWorkspace(file, access, taskName);
            return work(workspace, workspace::Progress::of(context));
        },
        std::move(done));
}

} // namespace evograph::ui
