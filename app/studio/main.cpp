// evograph-studio: the desktop workbench.
//   evograph-studio OLD NEW [--data FILE]...   compare two versions of an ontology
//   evograph-studio FILE...                    inspect files
//   --workspace PATH                           open a workspace in the snapshot browser
//   --plan FILE                                open a migration plan (dry run on the workspace)
//   --search TEXT                              open the term search (Ctrl+K) over the comparison
//                                              and the workspace
//   --config FILE                              the config file (default: $XDG_CONFIG_HOME/evograph/evograph.toml)
//   --serve-agents                             run the workspace's agents in the studio (Agents view)
// Without --workspace, the default workspace opens when it exists.

#include "agents/agents_view.h"
#include "common/theme.h"
#include "diff/diff_viewer.h"
#include "main_window.h"
#include "migrations/migration_view.h"
#include "search/term_search_popup.h"
#include "snapshots/snapshot_browser.h"

#include "evograph/workspace/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QScreen>
#include <QTimer>

#include <cstdio>

namespace {
using evograph::ui::MainWindow;

// Reports the time from start to the first painted window (--startup-time).
class FirstPaintProbe : public QObject {
public:
    explicit FirstPaintProbe(const QElapsedTimer& clock)
        : m_clock(clock)
    {
    }
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::Paint || m_reported)
            return QObject::eventFilter(watched, event);
        m_reported = true;
        const bool handled = QObject::eventFilter(watched, event);
        std::fprintf(stderr, "first paint after %lld ms\n", static_cast<long long>(m_clock.elapsed()));
        return handled;
    }

private:
    const QElapsedTimer& m_clock;
    bool m_reported = false;
};

MainWindow::View parseView(const QString& name, MainWindow::View fallback)
{
    if (name == QLatin1String("diff"))
        return MainWindow::View::Diff;
    if (name == QLatin1String("snapshots"))
        return MainWindow::View::Snapshots;
    if (name == QLatin1String("metrics"))
        return MainWindow::View::Metrics;
    if (name == QLatin1String("files"))
        return MainWindow::View::Files;
    if (name == QLatin1String("migrations"))
        return MainWindow::View::Migrations;
    if (name == QLatin1String("agents"))
        return MainWindow::View::Agents;
    return fallback;
}
} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("evograph-studio"));
    QApplication::setOrganizationName(QStringLiteral("evograph"));
    QApplication::setApplicationVersion(QStringLiteral(EVOGRAPH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("evograph-studio"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Workbench for evolving and migrating RDF ontologies"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(
        QStringLiteral("workspace"), QStringLiteral("Open the workspace at PATH."), QStringLiteral("PATH"));
    const QCommandLineOption data(QStringLiteral("data"),
        QStringLiteral("Instance data for impact counts (repeatable)."), QStringLiteral("FILE"));
    const QCommandLineOption view(QStringLiteral("view"),
        QStringLiteral("Start in a view: diff, snapshots, metrics, files, migrations or agents."),
        QStringLiteral("VIEW"));
    const QCommandLineOption theme(QStringLiteral("theme"),
        QStringLiteral("light, dark or system (default: as last chosen)."), QStringLiteral("THEME"));
    const QCommandLineOption group(QStringLiteral("group"),
        QStringLiteral("Group the changes by severity, kind or hierarchy."), QStringLiteral("BY"));
    const QCommandLineOption filter(QStringLiteral("filter"),
        QStringLiteral("Start the diff viewer with this free-text filter."), QStringLiteral("TEXT"));
    const QCommandLineOption plan(QStringLiteral("plan"),
        QStringLiteral("Open a migration plan in the Migrations view (its dry run runs on the workspace)."),
        QStringLiteral("FILE"));
    const QCommandLineOption serveAgents(QStringLiteral("serve-agents"),
        QStringLiteral("Run the workspace's agents in the studio, as `evograph serve` would (the Agents view)."));
    const QCommandLineOption search(QStringLiteral("search"),
        QStringLiteral("Open the term search (Ctrl+K) with TEXT once the comparison (or the workspace) is shown."),
        QStringLiteral("TEXT"));
    const QCommandLineOption configFile(QStringLiteral("config"),
        QStringLiteral(
            "The config file: embedding providers, cache (default: $XDG_CONFIG_HOME/evograph/evograph.toml)."),
        QStringLiteral("FILE"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window to FILE once everything asked for is shown, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption delay(QStringLiteral("screenshot-delay"),
        QStringLiteral("Milliseconds to wait before the screenshot (default 700)."), QStringLiteral("MS"),
        QStringLiteral("700"));
    const QCommandLineOption startupTime(
        QStringLiteral("startup-time"), QStringLiteral("Print the time to the first painted window."));
    for (const auto* option : {&workspace, &data, &view, &theme, &group, &filter, &plan, &search, &serveAgents,
             &configFile, &screenshot, &delay, &startupTime})
        parser.addOption(*option);
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("OLD NEW to compare, or files to inspect"),
        QStringLiteral("[FILE...]"));
    parser.process(app);

    const QString themeName = parser.value(theme);
    evograph::ui::applyTheme(themeName == QLatin1String("dark") ? evograph::ui::Theme::Dark
            : themeName == QLatin1String("light")               ? evograph::ui::Theme::Light
            : themeName.isEmpty()                               ? evograph::ui::savedTheme()
                                                                : evograph::ui::Theme::System);

    MainWindow window;
    window.loadConfig(parser.value(configFile));
    FirstPaintProbe probe(clock);
    if (parser.isSet(startupTime))
        window.installEventFilter(&probe);
    window.show();

    QString workspacePath = parser.value(workspace);
    if (workspacePath.isEmpty()
        && QFileInfo::exists(QString::fromStdString(evograph::workspace::defaultWorkspacePath())))
        workspacePath = QString::fromStdString(evograph::workspace::defaultWorkspacePath());
    const QStringList files = parser.positionalArguments();
    const bool comparing = files.size() == 2;

    // --screenshot: wait for what was asked (the comparison, the snapshot list, the files), let the window paint, grab
    // it.
    auto pending = std::make_shared<int>(0);
    // With the term search open the picture is the screen's: the search is a window of its own.
    auto ready = [&window, pending, path = parser.value(screenshot), wait = parser.value(delay).toInt(),
                     wholeScreen = parser.isSet(search)] {
        if (--*pending > 0 || path.isEmpty())
            return;
        QTimer::singleShot(wait, &window, [&window, path, wholeScreen] {
            const QPixmap picture = wholeScreen ? window.screen()->grabWindow(0) : window.grab();
            QApplication::exit(picture.save(path) ? 0 : 2);
        });
    };
    if (parser.isSet(screenshot)) {
        *pending = 1 + (comparing ? 1 : static_cast<int>(files.size())) + (workspacePath.isEmpty() ? 0 : 1)
            + (parser.isSet(plan) && !workspacePath.isEmpty() ? 1 : 0) + (parser.isSet(search) ? 1 : 0);
        QObject::connect(window.termSearch(), &evograph::ui::TermSearchPopup::resultsShown, &window, ready,
            Qt::SingleShotConnection);
        QObject::connect(window.migrationView(), &evograph::ui::MigrationView::dryRunShown, &window, ready,
            Qt::SingleShotConnection);
        QObject::connect(window.diffViewer(), &evograph::ui::DiffViewer::sessionReady, &window, ready);
        QObject::connect(window.diffViewer(), &evograph::ui::DiffViewer::comparisonFailed, &window, ready);
        QObject::connect(&window, &MainWindow::fileOpened, &window, ready);
        QObject::connect(window.snapshotBrowser(), &evograph::ui::SnapshotBrowser::refreshed, &window, ready,
            Qt::SingleShotConnection);
    }
    if (parser.isSet(group)) {
        const QString by = parser.value(group);
        window.diffViewer()->setGrouping(by == QLatin1String("kind") ? evograph::ui::Grouping::Kind
                : by == QLatin1String("hierarchy")                   ? evograph::ui::Grouping::ClassHierarchy
                                                                     : evograph::ui::Grouping::Severity);
    }
    if (parser.isSet(filter))
        QObject::connect(window.diffViewer(), &evograph::ui::DiffViewer::sessionReady, &window,
            [&window, text = parser.value(filter)] {
                window.diffViewer()->setFilter({{}, {}, {}, text});
            });

    if (parser.isSet(search)) {
        auto openSearch = [&window, text = parser.value(search)] {
            window.showTermSearch();
            window.termSearch()->input()->setText(text);
        };
        if (comparing)
            QObject::connect(window.diffViewer(), &evograph::ui::DiffViewer::sessionReady, &window, openSearch,
                Qt::SingleShotConnection);
        else
            QTimer::singleShot(0, &window, openSearch);
    }

    if (!workspacePath.isEmpty())
        window.openWorkspace(workspacePath);
    if (parser.isSet(plan))
        window.migrationView()->openPlan(parser.value(plan));
    if (parser.isSet(serveAgents) && !workspacePath.isEmpty())
        window.agentsView()->setServing(true);
    if (comparing)
        window.compareFiles(files[0], files[1], parser.values(data));
    else if (!files.isEmpty())
        window.openFiles(files);
    const auto fallback = comparing ? MainWindow::View::Diff
        : !files.isEmpty()          ? MainWindow::View::Files
        : parser.isSet(plan)        ? MainWindow::View::Migrations
        : !workspacePath.isEmpty()  ? MainWindow::View::Snapshots
                                    : window.currentView();
    window.showView(parseView(parser.value(view), fallback));
    if (parser.isSet(screenshot))
        ready();
    return app.exec();
}
