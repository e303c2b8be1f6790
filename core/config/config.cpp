#include "evograph/config/config.h"

#include "evograph/engine/file_read.h"

#include "ai_config.h"
#include "config_reader.h"
#include "operations_config.h"

#include <cstdlib>

namespace evograph::config {

bool RoutingRule::matches(std::size_t tokens, std::size_t texts) const
{
    if (measure == Measure::Always)
        return true;
    const double x = static_cast<double>(measure == Measure::Tokens ? tokens : texts);
    switch (comparison) {
    case Comparison::Less:
        return x < value;
    case Comparison::LessOrEqual:
        return x <= value;
    case Comparison::Greater:
        return x > value;
    case Comparison::GreaterOrEqual:
        return x >= value;
    }
    return false;
}

const ProviderConfig* Config::provider(const std::string& name) const
{
    if (name == kBuiltinProvider)
        return nullptr;
    const auto found = providers.find(name);
    if (found != providers.end())
        return &found->second;
    std::string known = kBuiltinProvider;
    for (const auto& [n, p] : providers)
        known += ", " + n;
    throw Error("no provider \"" + name + "\""
        + (file.empty() ? std::string(" (no config file was read)") : " in " + file) + "; known: " + known);
}

std::filesystem::path defaultConfigPath()
{
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "evograph" / "evograph.toml";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".config" / "evograph" / "evograph.toml";
}

Config parseConfig(std::string_view text, const std::string& name)
{
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& e) {
        const toml::source_position begin = e.source().begin;
        throw Error({name, static_cast<unsigned>(begin.line), static_cast<unsigned>(begin.column)},
            std::string(e.description()));
    }
    Config config;
    config.file = name;
    TableReader reader(root, "", name, config.warnings);
    readAiTables(reader, config);
    readCacheTables(reader, config);
    readPolicyTables(reader, config);
    readAgentTables(reader, config);
    readMonitoringAndBackup(reader, config);
    readAlertTables(reader, config);
    readPerformanceTables(reader, config);
    reader.finish();
    return config;
}

Config loadConfig(const std::filesystem::path& file)
{
    std::filesystem::path path = file;
    if (path.empty()) {
        path = defaultConfigPath();
        std::error_code ec;
        if (!std::filesystem::exists(path, ec))
            return {};
    }
    Config config = parseConfig(engine::readWholeFile(path, "the config file"), path.string());
    for (WatchSource& source : config.agents.watch) // relative to the file's folder
        if (!source.path.empty() && std::filesystem::path(source.path).is_relative())
            source.path = (path.parent_path() / source.path).lexically_normal().string();
    return config;
}

} // namespace evograph::config
