#pragma once
// "Did you mean …?" for a mistyped command or option: the closest name the command line knows at
// the place the mistake was made, by edit distance.

#include <CLI/CLI.hpp>

#include <string>

namespace evograph::cli {

// A hint for the parse error of `argv` against `app` ("unknown command 'difff'; did you mean
// 'diff'?"), or "" when nothing known is close.
std::string suggestionFor(const CLI::App& app, int argc, const char* const* argv);

} // namespace evograph::cli
