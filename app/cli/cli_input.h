#pragma once
// What every CLI command shares: reading an input file with a progress line on a terminal and
// Ctrl-C cancelling, and the one mapping from outcomes to exit codes.

#include "evograph/engine/thread_pool.h"
#include "evograph/rdf/reader.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace evograph::cli {

// Exit codes are a contract with scripts: 0 ok, 1 differences or refusal, 2 error, 3 a migration
// refused because the policy requires an approval it does not have.
enum ExitCode : int { kOk = 0, kDifferent = 1, kError = 2, kNotApproved = 3 };

struct InputOptions {
    std::string path;
    std::string format; // empty: from the extension or the content
    std::string base;
    bool keepBlankLabels = false; // set by commands that report per-label results (canon --map)
};

// Adds FILE, -i/--input-format and --base to a command.
void addInputOptions(CLI::App& command, InputOptions& options);

// A format option's value: nullopt when empty ("from the file"), else the format it names;
// throws for an unknown name. `role` is "input" or "output".
std::optional<rdf::Format> formatOption(const std::string& name, const char* role);

// Reads the file into `into`; a progress line goes to stderr when it is a terminal.
rdf::ReadReport readInput(const InputOptions& options, rdf::Dataset& into);

// Waits for an engine task: a progress line on a terminal, Ctrl-C cancels it. Returns its result
// or rethrows what it threw.
template <typename T> std::shared_ptr<const T> waitForTask(const engine::Task<T>& task, const std::string& label);

// Runs `work(const engine::TaskContext&)` as the engine task `name` on a pool of its own and waits
// for it as waitForTask does. Returns its result or rethrows what it threw.
template <typename Work> auto runInTask(const std::string& name, const std::string& label, Work work);

// Writes `text` to FILE atomically (a temporary file beside it, then rename), or to stdout when
// `path` is empty or "-".
void writeOutput(const std::string& path, std::string_view text);

// Asks QUESTION [y/N] on the terminal; false without one (scripts pass --yes) or on any answer but yes.
bool confirmed(const std::string& question);
// Says on stderr that nothing was WHAT ("applied", "rolled back", ...) for want of a confirmation,
// and returns the refusal's exit code.
ExitCode notConfirmed(const std::string& what);

// Runs a command body: maps evograph::Error and Cancelled to a message on stderr and exit 2.
int runCommand(const std::function<int()>& body);

// What waitForTask needs, kept out of the template.
void watchInterrupts();
// Also SIGTERM (services: `serve` stops gracefully on either).
void watchTermination();
engine::CancellationToken& interruptToken();
bool interrupted();
void showProgress(const std::string& label, std::uint64_t done, std::uint64_t total);
void clearProgress();

template <typename T> std::shared_ptr<const T> waitForTask(const engine::Task<T>& task, const std::string& label)
{
    watchInterrupts();
    while (!task.waitFor(std::chrono::milliseconds(100))) {
        if (interrupted())
            task.cancel();
        showProgress(label, task.progressDone(), task.progressTotal());
    }
    clearProgress();
    return task.get();
}

template <typename Work> auto runInTask(const std::string& name, const std::string& label, Work work)
{
    engine::ThreadPool pool(1);
    return waitForTask(engine::runTask(pool, name, std::move(work)), label);
}

} // namespace evograph::cli
