// evograph: the scriptable command line. Exit codes: 0 ok, 1 differences or refusal, 2 error,
// 3 a migration refused for want of approval.

#include "commands.h"
#include "help_export.h"
#include "remote_sources.h"
#include "suggestions.h"

int main(int argc, char** argv)
{
    CLI::App app {"evograph: see what changed between versions of an RDF ontology, and migrate the data"};
    app.set_version_flag("--version", std::string("evograph ") + EVOGRAPH_VERSION);
    app.require_subcommand(1);
    int exitCode = evograph::cli::kOk;
    evograph::cli::registerRemoteSources();
    evograph::cli::addParseCommand(app, exitCode);
    evograph::cli::addStatsCommand(app, exitCode);
    evograph::cli::addCanonCommand(app, exitCode);
    evograph::cli::addDiffCommand(app, exitCode);
    evograph::cli::addPatchCommand(app, exitCode);
    evograph::cli::addAnalyzeCommand(app, exitCode);
    evograph::cli::addHierarchyCommand(app, exitCode);
    evograph::cli::addEvolveCommand(app, exitCode);
    evograph::cli::addCheckCommand(app, exitCode);
    evograph::cli::addWorkspaceCommand(app, exitCode);
    evograph::cli::addSnapshotCommand(app, exitCode);
    evograph::cli::addAuditCommand(app, exitCode);
    evograph::cli::addMigrateCommand(app, exitCode);
    evograph::cli::addRollbackCommand(app, exitCode);
    evograph::cli::addVectorsCommand(app, exitCode);
    evograph::cli::addSearchCommand(app, exitCode);
    evograph::cli::addAlignCommand(app, exitCode);
    evograph::cli::addCacheCommand(app, exitCode);
    evograph::cli::addProvidersCommand(app, exitCode);
    evograph::cli::addConfigCommand(app, exitCode);
    evograph::cli::addAgentsCommand(app, exitCode);
    evograph::cli::addServeCommand(app, exitCode);
    evograph::cli::addHealthCommand(app, exitCode);
    evograph::cli::addAlertsCommand(app, exitCode);
    evograph::cli::addMetricsCommand(app, exitCode);
    evograph::cli::addRemoteCommand(app, exitCode);
    try {
        if (evograph::cli::generateDocument(app, argc, argv, EVOGRAPH_VERSION))
            return evograph::cli::kOk;
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // A mistyped command or option gets the name it was probably meant to be, instead of CLI11's
        // "A subcommand is required" or "arguments were not expected".
        if (e.get_exit_code() != 0)
            if (const std::string hint = evograph::cli::suggestionFor(app, argc, argv); !hint.empty()) {
                std::cerr << "evograph: error: " << hint << "\nRun with --help for more information.\n";
                return evograph::cli::kError;
            }
        return app.exit(e) == 0 ? evograph::cli::kOk : evograph::cli::kError;
    }
    return exitCode;
}
