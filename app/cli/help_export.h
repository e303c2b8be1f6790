#pragma once
// The CLI's documentation generated from the very definitions that print --help (CLI11's App
// tree), so the man page and the shell completion cannot drift from the program:
//   evograph --generate man|bash|zsh     (hidden; the build writes build/packaging/ from it)

#include <CLI/CLI.hpp>

#include <string>

namespace evograph::cli {

// evograph(1) in roff: NAME, SYNOPSIS, DESCRIPTION, one section per command (its usage, positionals
// and options; nested commands as subsections), EXIT STATUS, ENVIRONMENT, FILES, SEE ALSO.
std::string manPage(const CLI::App& app, const std::string& version);
// bash-completion: commands at every level, each command's options, an option's choices ({a,b}),
// and file names for every other value.
std::string bashCompletion(const CLI::App& app);
// zsh: the same through _arguments, one function per command path.
std::string zshCompletion(const CLI::App& app);

// Handles `--generate WHAT` when it is argv[1]: prints the document and returns true.
bool generateDocument(const CLI::App& app, int argc, char** argv, const std::string& version);

} // namespace evograph::cli
