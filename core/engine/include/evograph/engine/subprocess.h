#pragma once
// Running another program and collecting what it says: for the few jobs evograph leaves to a tool
// the user already trusts (OpenSSH's ssh-keygen signs and checks approvals). No shell is involved:
// the arguments go to the program as they are.

#include <optional>
#include <string>
#include <vector>

namespace evograph::engine {

struct ProcessResult {
    int exitCode = -1; // the program's exit status; 128 + N when signal N ended it
    std::string out, err; // its standard output and error
};

struct ProcessOptions {
    // The file its standard input reads; none: it shares ours (so a passphrase prompt reaches the
    // user's terminal, as git's signing does).
    std::optional<std::string> inputFile;
};

// Runs argv[0] (looked up in PATH) with the arguments and waits for it. Throws evograph::Error
// when the program cannot be started ("ssh-keygen: not found: install openssh-client").
ProcessResult runProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

} // namespace evograph::engine
