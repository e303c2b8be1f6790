#include "workspace_cli.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace evograph::cli {

workspace::OpenOptions WorkspaceArgs::openOptions(workspace::Access access, const std::string& purpose) const
{
    return {access, std::chrono::milliseconds(static_cast<long long>(waitSeconds * 1000)), "evograph " + purpose};
}

void addWorkspaceArgs(CLI::App& group, WorkspaceArgs& args, bool workspaceOption)
{
    if (workspaceOption)
        group.add_option(
            "--workspace", args.workspace, "the workspace file (default: $XDG_DATA_HOME/evograph/workspace.evograph)");
    group.add_option("--format", args.format, "output: text (default) or json")->check(CLI::IsMember({"text", "json"}));
    group.add_option("--wait", args.waitSeconds, "wait up to SECONDS for another writer to finish (default 0)")
        ->check(CLI::NonNegativeNumber);
    group.require_subcommand(1);
}

CLI::App* workspaceSubcommand(CLI::App& group, const std::string& name, const std::string& description)
{
    CLI::App* command = group.add_subcommand(name, description);
    command->fallthrough();
    return command;
}

std::string humanBytes(std::uint64_t bytes)
{
    char text[32];
    if (bytes < 1000)
        std::snprintf(text, sizeof text, "%llu B", static_cast<unsigned long long>(bytes));
    else if (bytes < 1000 * 1000)
        std::snprintf(text, sizeof text, "%.1f kB", static_cast<double>(bytes) / 1e3);
    else
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

std::string shortHash(const std::string& hash)
{
    return hash.substr(0, 12);
}

std::string formatTable(const std::vector<std::vector<std::string>>& rows)
{
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths.resize(std::max(widths.size(), row.size()));
            widths[i] = std::max(widths[i], row[i].size());
        }
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += std::string(widths[i] - row[i].size() + 2, ' ');
        }
        out += line + "\n";
    }
    return out;
}

void printJson(const nlohmann::json& json)
{
    std::cout << json.dump(2) << "\n";
}

} // namespace evograph::cli
