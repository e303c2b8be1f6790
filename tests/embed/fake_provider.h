#pragma once
// Starts tests/embed/fake_provider.py (or another of the tests' Python servers) on a free loopback
// port for one test and stops it after: a real HTTP server in its own process, so the client meets
// real sockets, timeouts and resets.

#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace evograph::test {

class FakeProvider {
public:
    explicit FakeProvider(const char* script = EVOGRAPH_FAKE_PROVIDER)
    {
        int out[2];
        if (pipe(out) != 0)
            throw std::runtime_error("pipe");
        m_pid = fork();
        if (m_pid == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]), close(out[1]);
            execlp("python3", "python3", script, "--port", "0", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(out[1]);
        char line[32] = {};
        std::size_t got = 0;
        while (got < sizeof line - 1) {
            const ssize_t n = read(out[0], line + got, 1);
            if (n <= 0 || line[got] == '\n')
                break;
            ++got;
        }
        close(out[0]);
        m_port = std::atoi(line);
        if (m_port <= 0)
            throw std::runtime_error(std::string("the test server did not start (python3 ") + script + ")");
    }
    ~FakeProvider()
    {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
    FakeProvider(const FakeProvider&) = delete;
    FakeProvider& operator=(const FakeProvider&) = delete;

    int port() const { return m_port; }
    std::string url(const std::string& path = "") const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }

private:
    pid_t m_pid = -1;
    int m_port = 0;
};

} // namespace evograph::test
