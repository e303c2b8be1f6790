#pragma once
// The config file on the command line: --config FILE on the commands that read it, else the
// default path; its warnings go to stderr as FILE:LINE:COL: warning: ...

#include "evograph/config/config.h"

#include <CLI/CLI.hpp>

namespace evograph::cli {

void addConfigOption(CLI::App& command, std::string& path);
// Loads the file (or the default one) and prints its warnings.
config::Config loadCliConfig(const std::string& path);

} // namespace evograph::cli
