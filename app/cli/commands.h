#pragma once
// The CLI's commands. Each adds its subcommand to the app; when it runs it stores its exit code.

#include "cli_input.h"

namespace evograph::cli {

void addParseCommand(CLI::App& app, int& exitCode);
void addStatsCommand(CLI::App& app, int& exitCode);
void addCanonCommand(CLI::App& app, int& exitCode);
void addDiffCommand(CLI::App& app, int& exitCode);
void addPatchCommand(CLI::App& app, int& exitCode);
void addAnalyzeCommand(CLI::App& app, int& exitCode);
void addHierarchyCommand(CLI::App& app, int& exitCode);
void addCheckCommand(CLI::App& app, int& exitCode);
void addEvolveCommand(CLI::App& app, int& exitCode);
void addWorkspaceCommand(CLI::App& app, int& exitCode);
void addSnapshotCommand(CLI::App& app, int& exitCode);
void addAuditCommand(CLI::App& app, int& exitCode);
void addMigrateCommand(CLI::App& app, int& exitCode);
void addRollbackCommand(CLI::App& app, int& exitCode);
void addVectorsCommand(CLI::App& app, int& exitCode);
void addSearchCommand(CLI::App& app, int& exitCode);
void addAlignCommand(CLI::App& app, int& exitCode);
void addCacheCommand(CLI::App& app, int& exitCode);
void addProvidersCommand(CLI::App& app, int& exitCode);
void addConfigCommand(CLI::App& app, int& exitCode);
void addAgentsCommand(CLI::App& app, int& exitCode);
void addServeCommand(CLI::App& app, int& exitCode);
void addAlertsCommand(CLI::App& app, int& exitCode);
void addMetricsCommand(CLI::App& app, int& exitCode);
void addRemoteCommand(CLI::App& app, int& exitCode);
struct WorkspaceArgs;
// agents status|enable|disable|start|stop under the `agents` group (agents_control.cpp).
void addAgentControlCommands(CLI::App& agentsGroup, WorkspaceArgs& args, int& exitCode);
void addHealthCommand(CLI::App& app, int& exitCode);

} // namespace evograph::cli
