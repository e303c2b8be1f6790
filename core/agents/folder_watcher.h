#pragma once
// Internal to the agents: inotify on the folders of watched paths (a watched file's folder, so
// a file replaced by rename is seen too). changed() drains what the kernel queued without
// blocking: a file closed after writing, moved in, or deleted.

#include <filesystem>
#include <vector>

namespace evograph::agents {

class FolderWatcher {
public:
    // Folders that do not exist (yet) are skipped; the agent's interval still scans them.
    explicit FolderWatcher(const std::vector<std::filesystem::path>& folders);
    ~FolderWatcher();
    FolderWatcher(const FolderWatcher&) = delete;
    FolderWatcher& operator=(const FolderWatcher&) = delete;

    // True when anything happened in a watched folder since the last call.
    bool changed();

private:
    int m_fd = -1;
};

} // namespace evograph::agents
