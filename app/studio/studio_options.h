#pragma once
// The studio's command line, defined once: main() parses with it, and `evograph-studio --generate
// man` writes evograph-studio(1) from it, so the man page cannot drift from --help.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <vector>

namespace evograph::ui {

struct StudioOptions {
    const QCommandLineOption workspace {
        QStringLiteral("workspace"), QStringLiteral("Open the workspace at PATH."), QStringLiteral("PATH")};
    const QCommandLineOption data {QStringLiteral("data"),
        QStringLiteral("Instance data for impact counts (repeatable)."), QStringLiteral("FILE")};
    const QCommandLineOption view {QStringLiteral("view"),
        QStringLiteral("Start in a view: diff, snapshots, metrics, files, migrations or agents."),
        QStringLiteral("VIEW")};
    const QCommandLineOption theme {QStringLiteral("theme"),
        QStringLiteral("light, dark or system (default: as last chosen)."), QStringLiteral("THEME")};
    const QCommandLineOption group {QStringLiteral("group"),
        QStringLiteral("Group the changes by severity, kind or hierarchy."), QStringLiteral("BY")};
    const QCommandLineOption mode {QStringLiteral("mode"),
        QStringLiteral("Show the diff viewer's list of changes or its Hierarchy mode: list or hierarchy."),
        QStringLiteral("MODE")};
    const QCommandLineOption filter {QStringLiteral("filter"),
        QStringLiteral("Start the diff viewer with this free-text filter."), QStringLiteral("TEXT")};
    const QCommandLineOption plan {QStringLiteral("plan"),
        QStringLiteral("Open a migration plan in the Migrations view (its dry run runs on the workspace)."),
        QStringLiteral("FILE")};
    const QCommandLineOption approval {QStringLiteral("approval"),
        QStringLiteral("With --plan: a reviewer's SSH-signed approval of it to count (repeatable)."),
        QStringLiteral("FILE")};
    const QCommandLineOption serveAgents {QStringLiteral("serve-agents"),
        QStringLiteral("Run the workspace's agents in the studio, as `evograph serve` would (the Agents view).")};
    const QCommandLineOption search {QStringLiteral("search"),
        QStringLiteral("Open the term search (Ctrl+K) with TEXT once the comparison (or the workspace) is shown."),
        QStringLiteral("TEXT")};
    const QCommandLineOption configFile {QStringLiteral("config"),
        QStringLiteral(
            "The config file: embedding providers, cache (default: $XDG_CONFIG_HOME/evograph/evograph.toml)."),
        QStringLiteral("FILE")};
    const QCommandLineOption snapshot {QStringLiteral("snapshot"),
        QStringLiteral("Select the snapshot whose id starts with ID in the Snapshots view."), QStringLiteral("ID")};
    const QCommandLineOption dialog {QStringLiteral("dialog"),
        QStringLiteral("Open a dialog of the Snapshots view once it is shown: restore (the selected snapshot) or "
                       "prune."),
        QStringLiteral("NAME")};
    const QCommandLineOption screenshot {QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window to FILE once everything asked for is shown, then quit."),
        QStringLiteral("FILE")};
    const QCommandLineOption delay {QStringLiteral("screenshot-delay"),
        QStringLiteral("Milliseconds to wait before the screenshot (default 700)."), QStringLiteral("MS"),
        QStringLiteral("700")};
    const QCommandLineOption startupTime {
        QStringLiteral("startup-time"), QStringLiteral("Print the time to the first painted window.")};

    // Hidden: `--generate man` prints evograph-studio(1).
    const QCommandLineOption generate = [] {
        QCommandLineOption option {QStringLiteral("generate"), QStringLiteral("man"), QStringLiteral("WHAT")};
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        return option;
    }();

    // The options a user sees (not --help, --version, --generate).
    std::vector<const QCommandLineOption*> all() const
    {
        return {&workspace, &data, &view, &theme, &group, &mode, &filter, &plan, &approval, &search, &serveAgents,
            &configFile, &snapshot, &dialog, &screenshot, &delay, &startupTime};
    }
    // The parser with every option, --help, --version and the FILE... positional.
    void addTo(QCommandLineParser& parser) const;
};

// evograph-studio(1) in roff.
QString studioManPage(const StudioOptions& options, const QString& version);

// --help, --version and --generate need no display: when argv asks for one of them this answers
// on a QCoreApplication and returns the exit code; otherwise -1.
int answerWithoutDisplay(int argc, char** argv, const StudioOptions& options);

} // namespace evograph::ui
