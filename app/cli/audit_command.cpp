// evograph audit list|verify: the workspace's hash-chained audit log.
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/workspace/audit.h"

#include <iostream>

namespace evograph::cli {

void addAuditCommand(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<WorkspaceArgs>();
    auto* group = app.add_subcommand("audit", "The audit log: who changed what, when, hash-chained");
    addWorkspaceArgs(*group, *args, true);

    auto* list = workspaceSubcommand(*group, "list", "List the records, oldest first");
    list->callback([args, &exitCode] {
        exitCode = runCommand([&] {
            const auto records
                = onWorkspace(args->path(), args->openOptions(workspace::Access::Read, "audit list"), "reading",
                    [](workspace::Workspace& ws, const workspace::Progress&) { return workspace::auditRecords(ws); });
            if (args->json()) {
                nlohmann::json json = nlohmann::json::array();
                for (const auto& r : records)
                    json.push_back({{"seq", r.seq}, {"at", r.at}, {"user", r.user}, {"operation", r.operation},
                        {"target", r.target}, {"before", r.beforeState}, {"after", r.afterState},
                        {"details", nlohmann::json::parse(r.details, nullptr, false)}, {"hash", r.hash}});
                printJson(json);
                return kOk;
            }
            std::vector<std::vector<std::string>> rows {{"SEQ", "TIME", "USER", "OPERATION", "TARGET", "STATE"}};
            for (const auto& r : records)
                rows.push_back({std::to_string(r.seq), r.at, r.user, r.operation, r.target,
                    r.beforeState == r.afterState ? shortHash(r.afterState)
                                                  : shortHash(r.beforeState) + " -> " + shortHash(r.afterState)});
            std::cout << formatTable(rows);
            return kOk;
        });
    });

    auto* verify
        = workspaceSubcommand(*group, "verify", "Check the hash chain (exit 2 when a record was changed or deleted)");
    verify->callback([args, &exitCode] {
        exitCode = runCommand([&] {
            const auto result
                = onWorkspace(args->path(), args->openOptions(workspace::Access::Read, "audit verify"), "verifying",
                    [](workspace::Workspace& ws, const workspace::Progress&) { return workspace::verifyAudit(ws); });
            if (args->json()) {
                printJson({{"records", result.records}, {"ok", result.ok()}, {"problems", result.problems}});
            } else {
                std::cout << "audit log: " << result.records << " records, "
                          << (result.ok() ? "chain intact" : "BROKEN") << "\n";
                for (const auto& p : result.problems)
                    std::cout << "  " << p << "\n";
            }
            return result.ok() ? kOk : kError;
        });
    });
}

} // namespace evograph::cli
