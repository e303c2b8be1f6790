#pragma once
// What the workspace commands (ws, snapshot, audit) share: --workspace, --format and --wait,
// opening the workspace inside an engine task (progress on a terminal, Ctrl-C cancels and the
// workspace stays as it was), and the small formatting helpers of their tables.

#include "cli_input.h"
#include "evograph/workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <string>

namespace evograph::cli {

struct WorkspaceArgs {
    std::string workspace; // empty: the default (XDG data dir)
    std::string format = "text";
    double waitSeconds = 0;

    bool json() const { return format == "json"; }
    std::string path() const { return workspace.empty() ? workspace::defaultWorkspacePath() : workspace; }
    workspace::OpenOptions openOptions(workspace::Access access, const std::string& purpose) const;
};

// Adds --format and --wait to a command group (and --workspace unless the workspace is a
// positional argument); its subcommands accept them after their own name too.
void addWorkspaceArgs(CLI::App& group, WorkspaceArgs& args, bool workspaceOption);
// Lets a subcommand of a group take the group's options after its own name.
CLI::App* workspaceSubcommand(CLI::App& group, const std::string& name, const std::string& description);

// Opens the workspace in an engine task and runs `work(Workspace&, const Progress&)` there.
template <typename Work>
auto onWorkspace(const std::string& path, const workspace::OpenOptions& options, const std::string& label, Work work)
{
    return *runInTask("workspace", label, [&](const engine::TaskContext& context) {
        workspace::Workspace ws = workspace::Workspace::open(path, options);
        return work(ws, workspace::Progress::of(context));
    });
}

std::string humanBytes(std::uint64_t bytes); // "1.2 MB"
std::string shortHash(const std::string& hash); // the first 12 hex digits
// Rows padded to their columns' widths, two spaces apart.
std::string formatTable(const std::vector<std::vector<std::string>>& rows);
void printJson(const nlohmann::json& json);

} // namespace evograph::cli
