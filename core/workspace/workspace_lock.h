#pragma once
// The one-writer rule between processes: an advisory lock (flock) on "<workspace>.lock", which
// holds the writer's PID and command so that a second writer can say who it waits for. The
// kernel drops the lock when the process ends, killed or not, so a crash never leaves it held.

#include <chrono>
#include <string>

namespace evograph::workspace {

class WorkspaceLock {
public:
    // Waits up to `wait` for the lock; then throws evograph::Error "workspace ... is locked by PID N".
    WorkspaceLock(const std::string& workspacePath, std::chrono::milliseconds wait, const std::string& purpose);
    ~WorkspaceLock();
    WorkspaceLock(const WorkspaceLock&) = delete;
    WorkspaceLock& operator=(const WorkspaceLock&) = delete;

private:
    int m_fd = -1;
};

} // namespace evograph::workspace
