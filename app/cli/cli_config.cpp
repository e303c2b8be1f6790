#include "cli_config.h"

#include <iostream>

namespace evograph::cli {

void addConfigOption(CLI::App& command, std::string& path)
{
    command.add_option("--config", path, "the config file (default: $XDG_CONFIG_HOME/evograph/evograph.toml)");
}

config::Config loadCliConfig(const std::string& path)
{
    config::Config loaded = config::loadConfig(path);
    for (const config::ConfigWarning& warning : loaded.warnings)
        std::cerr << config::formatWarning(warning) << '\n';
    return loaded;
}

} // namespace evograph::cli
