#include "cli_input.h"

#include "evograph/policy/decision.h"

#include "evograph/engine/atomic_file.h"
#include "evograph/rdf/path_reader.h"
#include "evograph/rdf/source_readers.h"
#include "remote_sources.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <unistd.h>

namespace evograph::cli {

// The token Ctrl-C cancels. cancel() is one lock-free atomic store: safe in a signal handler.
engine::CancellationToken& interruptToken()
{
    static engine::CancellationToken token;
    return token;
}

namespace {

extern "C" void onInterrupt(int)
{
    interruptToken().cancel();
}

std::string megabytes(std::uint64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}
} // namespace

void addInputOptions(CLI::App& command, InputOptions& options)
{
    command.add_option("FILE", options.path, "RDF file to read, or sparql:ENDPOINT#GRAPH_IRI, or remote:NAME")
        ->required();
    command.add_option("-i,--input-format", options.format,
        "input format: turtle, trig, ntriples, nquads, rdfxml (default: from the extension, else the content)");
    command.add_option("--base", options.base, "base IRI (default: the file's own file:// URI)");
    addSourceWorkspaceOption(command);
}

std::optional<rdf::Format> formatOption(const std::string& name, const char* role)
{
    if (name.empty())
        return std::nullopt;
    if (auto format = rdf::parseFormatName(name))
        return format;
    throw Error(
        "unknown " + std::string(role) + " format '" + name + "' (use turtle, trig, ntriples, nquads or rdfxml)");
}

rdf::ReadReport readInput(const InputOptions& options, rdf::Dataset& into)
{
    rdf::ReadOptions read;
    read.format = formatOption(options.format, "input");
    read.baseIri = options.base;
    read.keepBlankLabels = options.keepBlankLabels;
    read.cancel = interruptToken();
    std::signal(SIGINT, &onInterrupt);
    if (isatty(STDERR_FILENO)) {
        auto last = std::chrono::steady_clock::now();
        read.progress = [&options, last](std::uint64_t done, std::uint64_t total) mutable {
            const auto now = std::chrono::steady_clock::now();
            if (now - last < std::chrono::milliseconds(100) && done < total)
                return;
            last = now;
            const int percent = total ? static_cast<int>(100 * done / total) : 0;
            std::fprintf(stderr, "\rreading %s: %3d%% (%s)", options.path.c_str(), percent, megabytes(done).c_str());
            std::fflush(stderr);
        };
    }
    auto report = rdf::sourceReaderFor(options.path) ? rdf::readPath(options.path, into, read)
                                                     : rdf::readFile(options.path, into, read);
    if (read.progress)
        std::fprintf(stderr, "\r\033[K");
    return report;
}

void writeOutput(const std::string& path, std::string_view text)
{
    if (path.empty() || path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        if (std::fflush(stdout) != 0)
            throw Error("cannot write to stdout");
        return;
    }
    engine::writeFileAtomically(path, text);
}

void watchInterrupts()
{
    std::signal(SIGINT, &onInterrupt);
}

void watchTermination()
{
    watchInterrupts();
    std::signal(SIGTERM, &onInterrupt);
}

bool confirmed(const std::string& question)
{
    if (!isatty(STDIN_FILENO))
        return false;
    std::cerr << question << " [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "y" || answer == "Y" || answer == "yes";
}

ExitCode notConfirmed(const std::string& what)
{
    std::cerr << "evograph: not " << what
              << (isatty(STDIN_FILENO) ? " (not confirmed)\n" : " (no terminal to confirm on; scripts pass --yes)\n");
    return kDifferent;
}

bool interrupted()
{
    return interruptToken().isCancelled();
}

void showProgress(const std::string& label, std::uint64_t done, std::uint64_t total)
{
    if (!isatty(STDERR_FILENO) || total == 0)
        return;
    std::fprintf(stderr, "\r%s: %3d%%", label.c_str(), static_cast<int>(100 * done / total));
    std::fflush(stderr);
}

void clearProgress()
{
    if (isatty(STDERR_FILENO))
        std::fprintf(stderr, "\r\033[K");
}

int runCommand(const std::function<int()>& body)
{
    try {
        return body();
    } catch (const Cancelled&) {
        std::fprintf(stderr, "\r\033[Kevograph: cancelled\n");
    } catch (const policy::ApprovalMissing& e) {
        std::cerr << "evograph: " << e.what() << '\n';
        return kNotApproved;
    } catch (const std::exception& e) {
        if (isatty(STDERR_FILENO))
            std::fprintf(stderr, "\r\033[K");
        std::cerr << e.what() << '\n';
    }
    return kError;
}

} // namespace evograph::cli
