#include "folder_watcher.h"

#include <array>
#include <sys/inotify.h>
#include <unistd.h>

namespace evograph::agents {

FolderWatcher::FolderWatcher(const std::vector<std::filesystem::path>& folders)
    : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
{
    if (m_fd < 0)
        return; // no inotify (a container without it): the interval scans still find everything
    for (const std::filesystem::path& folder : folders)
        inotify_add_watch(m_fd, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_CREATE);
}

FolderWatcher::~FolderWatcher()
{
    if (m_fd >= 0)
        close(m_fd);
}

bool FolderWatcher::changed()
{
    if (m_fd < 0)
        return false;
    bool any = false;
    alignas(inotify_event) std::array<char, 4096> buffer {};
    while (read(m_fd, buffer.data(), buffer.size()) > 0)
        any = true;
    return any;
}

} // namespace evograph::agents
