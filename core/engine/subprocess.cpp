#include "evograph/engine/subprocess.h"

#include "evograph/error.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace evograph::engine {

namespace {
struct Pipe {
    int fd[2] = {-1, -1};
    Pipe()
    {
        if (::pipe2(fd, O_CLOEXEC) != 0)
            throw Error(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    ~Pipe()
    {
        closeEnd(0);
        closeEnd(1);
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    void closeEnd(int end)
    {
        if (fd[end] >= 0)
            ::close(fd[end]);
        fd[end] = -1;
    }
};

struct SpawnActions {
    posix_spawn_file_actions_t actions {};
    SpawnActions() { posix_spawn_file_actions_init(&actions); }
    ~SpawnActions() { posix_spawn_file_actions_destroy(&actions); }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;
};

// Reads both pipes to their end without letting either fill up and stall the program.
void drain(Pipe& out, Pipe& err, ProcessResult& result)
{
    pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open = 2;
    char buffer[8192];
    while (open > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            throw Error(std::string("cannot read from a program: ") + std::strerror(errno));
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                fds[i].fd = -1;
                --open;
            }
        }
    }
}
} // namespace

ProcessResult runProcess(const std::vector<std::string>& argv, const ProcessOptions& options)
{
    if (argv.empty())
        throw Error("no program to run");
    Pipe out, err;
    SpawnActions spawn;
    if (options.inputFile)
        posix_spawn_file_actions_addopen(&spawn.actions, STDIN_FILENO, options.inputFile->c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&spawn.actions, out.fd[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&spawn.actions, err.fd[1], STDERR_FILENO);
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    if (const int rc = posix_spawnp(&pid, args[0], &spawn.actions, nullptr, args.data(), environ); rc != 0)
        throw Error(argv[0] + ": cannot run it: " + std::strerror(rc));
    out.closeEnd(1);
    err.closeEnd(1);
    ProcessResult result;
    int status = 0;
    const auto reap = [&] {
        while (::waitpid(pid, &status, 0) < 0)
            if (errno != EINTR)
                throw Error(argv[0] + ": cannot wait for it: " + std::strerror(errno));
    };
    try {
        drain(out, err, result);
    } catch (...) { // no child left behind as a zombie
        ::kill(pid, SIGKILL);
        reap();
        throw;
    }
    reap();
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    // posix_spawnp reports a program missing from PATH as exit 127 (the child's exec failed).
    if (result.exitCode == 127 && result.out.empty() && result.err.empty())
        throw Error(argv[0] + ": not found in PATH");
    return result;
}

} // namespace evograph::engine
