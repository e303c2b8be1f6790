#include "workspace_lock.h"

#include "evograph/error.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace evograph::workspace {

namespace {
std::string holderOf(int fd)
{
    char buffer[256] = {};
    const ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
    std::string text(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    const auto newline = text.find('\n');
    if (newline == std::string::npos)
        return "another process";
    // The file names the last evograph writer; another program holding the lock leaves it stale.
    const long pid = std::strtol(text.c_str(), nullptr, 10);
    if (pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH))
        return "another process";
    std::string purpose = text.substr(newline + 1);
    if (!purpose.empty() && purpose.back() == '\n')
        purpose.pop_back();
    return "PID " + std::to_string(pid) + (purpose.empty() ? "" : " (" + purpose + ")");
}
} // namespace

WorkspaceLock::WorkspaceLock(
    const std::string& workspacePath, std::chrono::milliseconds wait, const std::string& purpose)
{
    const std::string path = workspacePath + ".lock";
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0)
        throw Error(path + ": cannot open the lock file: " + std::strerror(errno));
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const int error = errno;
            ::close(m_fd);
            throw Error(path + ": cannot lock: " + std::strerror(error));
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            const std::string holder = holderOf(m_fd);
            ::close(m_fd);
            throw Error("workspace " + workspacePath + " is locked by " + holder
                + "; try again when it is done, or pass --wait SECONDS");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const std::string owner = std::to_string(::getpid()) + "\n" + purpose + "\n";
    if (::ftruncate(m_fd, 0) != 0 || ::pwrite(m_fd, owner.data(), owner.size(), 0) < 0) {
        // Who holds the lock is only for messages; the lock itself is held.
    }
}

WorkspaceLock::~WorkspaceLock()
{
    ::close(m_fd); // releases the flock
}

} // namespace evograph::workspace
