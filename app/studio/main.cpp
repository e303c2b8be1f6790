// evograph-studio: the desktop workbench.
//   evograph-studio OLD NEW [--data FILE]...   compare two versions of an ontology
//   evograph-studio FILE...                    inspect files
//   evograph-studio WORKSPACE.evograph         open a workspace (as a file manager does)
//   --workspace PATH                           open a workspace in the snapshot browser
//   --plan FILE [--approval FILE]...           open a migration plan (dry run on the workspace)
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
#include "snapshots/restore_dialog.h"
#include "snapshots/snapshot_browser.h"
#include "studio_options.h"

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
    const evograph::ui::StudioOptions options;
    if (const int code = evograph::ui::answerWithoutDisplay(argc, argv, options); code >= 0)
        return code;
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("evograph-studio"));
    QApplication::setOrganizationName(QStringLiteral("evograph"));
    QApplication::setApplicationVersion(QStringLiteral(EVOGRAPH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("evograph-studio"));

    QCommandLineParser parser;
    options.addTo(parser);
    parser.process(app);

    const QString themeName = parser.value(options.theme);
    evograph::ui::applyTheme(themeName == QLatin1String("dark") ? evograph::ui::Theme::Dark
            : themeName == QLatin1String("light")               ? evograph::ui::Theme::Light
            : themeName.isEmpty()                               ? evograph::ui::savedTheme()
                                                                : evograph::ui::Theme::System);

    MainWindow window;
    window.loadConfig(parser.value(options.configFile));
    FirstPaintProbe probe(clock);
    if (parser.isSet(options.startupTime))
        window.installEventFilter(&probe);
    window.show();

    QString workspacePath = parser.value(options.workspace);
    if (workspacePath.isEmpty()
        && QFileInfo::exists(QString::fromStdString(evograph::workspace::defaultWorkspacePath())))
        workspacePath = QString::fromStdString(evograph::workspace::defaultWorkspacePath());
    QStringList files = parser.positionalArguments();
    // A workspace given as the only file (a double-click in a file manager) opens as --workspace.
    if (files.size() == 1 && files[0].endsWith(QLatin1String(".evograph"))) {
        workspacePath = files[0];
        files.clear();
    }
    const bool comparing = files.size() == 2;

    // --screenshot: wait for what was asked (the comparison, the snapshot list, the files), let the window paint, grab
    // it.
    auto pending = std::make_shared<int>(0);
    // With the term search or a dialog open the picture is the screen's: each is a window of its own.
    const QString dialog = workspacePath.isEmpty() ? QString() : parser.value(options.dialog);
    auto ready = [&window, pending, path = parser.value(options.screenshot), wait = parser.value(options.delay).toInt(),
                     wholeScreen = parser.isSet(options.search) || !dialog.isEmpty()] {
        if (--*pending > 0 || path.isEmpty())
            return;
        QTimer::singleShot(wait, &window, [&window, path, wholeScreen] {
            const QPixmap picture = wholeScreen ? window.screen()->grabWindow(0) : window.grab();
            QApplication::exit(picture.save(path) ? 0 : 2);
        });
    };
    if (parser.isSet(options.screenshot)) {
        *pending = 1 + (comparing ? 1 : static_cast<int>(files.size())) + (workspacePath.isEmpty() ? 0 : 1)
            + (parser.isSet(options.plan) && !workspacePath.isEmpty() ? 1 : 0) + (parser.isSet(options.search) ? 1 : 0)
            + (dialog.isEmpty() ? 0 : 1);
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
    if (parser.isSet(options.group)) {
        const QString by = parser.value(options.group);
        window.diffViewer()->setGrouping(by == QLatin1String("kind") ? evograph::ui::Grouping::Kind
                : by == QLatin1String("hierarchy")                   ? evograph::ui::Grouping::ClassHierarchy
                                                                     : evograph::ui::Grouping::Severity);
    }
    if (parser.value(options.mode) == QLatin1String("hierarchy")) {
        window.diffViewer()->setMode(evograph::ui::DiffViewer::Mode::Hierarchy);
        QObject::connect(window.diffViewer(), &evograph::ui::DiffViewer::sessionReady, &window, [&window] {
            window.diffViewer()->setMode(evograph::ui::DiffViewer::Mode::Hierarchy); // its first change selected
        });
    }
    if (parser.isSet(options.filter))
        QObject::connect(window.diffViewer(), &evograph::ui::DiffViewer::sessionReady, &window,
            [&window, text = parser.value(options.filter)] {
                window.diffViewer()->setFilter({{}, {}, {}, text});
            });

    if (parser.isSet(options.search)) {
        auto openSearch = [&window, text = parser.value(options.search)] {
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
    // --snapshot and --dialog once the snapshot list is there; a screenshot waits for the dialog's
    // content (the restore's dry run).
    if (!workspacePath.isEmpty() && (parser.isSet(options.snapshot) || !dialog.isEmpty()))
        QObject::connect(
            window.snapshotBrowser(), &evograph::ui::SnapshotBrowser::refreshed, &window,
            [&window, ready, dialog, id = parser.value(options.snapshot)] {
                evograph::ui::SnapshotBrowser* browser = window.snapshotBrowser();
                if (!id.isEmpty())
                    browser->selectSnapshot(id);
                if (dialog == QLatin1String("restore")) {
                    browser->restoreSelected();
                    if (auto* restore = browser->findChild<evograph::ui::RestoreDialog*>())
                        QObject::connect(restore, &evograph::ui::RestoreDialog::dryRunReady, &window, ready);
                } else if (dialog == QLatin1String("prune")) {
                    browser->pruneSnapshots();
                    ready();
                } else if (!dialog.isEmpty()) {
                    std::fprintf(stderr, "evograph-studio: --dialog takes restore or prune\n");
                    QApplication::exit(2);
                }
            },
            Qt::SingleShotConnection);
    if (parser.isSet(options.plan))
        window.migrationView()->openPlan(parser.value(options.plan), parser.values(options.approval));
    if (parser.isSet(options.serveAgents) && !workspacePath.isEmpty())
        window.agentsView()->setServing(true);
    if (comparing)
        window.compareFiles(files[0], files[1], parser.values(options.data));
    else if (!files.isEmpty())
        window.openFiles(files);
    const auto fallback = comparing  ? MainWindow::View::Diff
        : !files.isEmpty()           ? MainWindow::View::Files
        : parser.isSet(options.plan) ? MainWindow::View::Migrations
        : !workspacePath.isEmpty()   ? MainWindow::View::Snapshots
                                     : window.currentView();
    window.showView(parseView(parser.value(options.view), fallback));
    if (parser.isSet(options.screenshot))
        ready();
    return app.exec();
}
