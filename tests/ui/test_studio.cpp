#include "common/engine_adapter.h"
#include "files/file_summary_view.h"
#include "files/statistics_model.h"
#include "help/help_window.h"
#include "main_window.h"

#include "evograph/workspace/workspace.h"

#include <catch2/catch_test_macros.hpp>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include <fstream>

using namespace evograph::ui;

namespace {
const QString kDemo = QStringLiteral(EVOGRAPH_RESOURCES "/demo/user-v2.ttl");

// Values of the statistics table by row name.
QMap<QString, qulonglong> figures(const StatisticsModel& model)
{
    QMap<QString, qulonglong> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out[model.index(row, 0).data().toString()] = model.index(row, 1).data(Qt::UserRole).toULongLong();
    return out;
}
} // namespace

TEST_CASE("the adapter reads a file off the GUI thread and hands back its statistics", "[ui]")
{
    EngineAdapter engine;
    QSignalSpy loaded(&engine, &EngineAdapter::fileLoaded);
    const int id = engine.loadFile(kDemo);
    REQUIRE(loaded.wait(10000));
    CHECK(loaded.at(0).at(0).toInt() == id);
    const auto file = loaded.at(0).at(1).value<std::shared_ptr<const LoadedFile>>();
    REQUIRE(file);
    CHECK(file->statistics.triples == 30);
    CHECK(file->statistics.classes == 2);
}

TEST_CASE("a bad file's positioned error reaches the GUI intact", "[ui]")
{
    const std::string path
        = QStandardPaths::writableLocation(QStandardPaths::TempLocation).toStdString() + "/evograph-bad.ttl";
    std::ofstream(path) << "@prefix ex: <http://e/> .\nex:a ex:b nope:c .\n";
    EngineAdapter engine;
    QSignalSpy failed(&engine, &EngineAdapter::jobFailed);
    engine.loadFile(QString::fromStdString(path));
    REQUIRE(failed.wait(10000));
    CHECK(failed.at(0).at(1).toString().startsWith(QString::fromStdString(path) + ":2:"));
    CHECK(failed.at(0).at(1).toString().contains("undefined prefix"));
}

TEST_CASE("the statistics model passes the model tester and shows the figures", "[ui]")
{
    EngineAdapter engine;
    QSignalSpy loaded(&engine, &EngineAdapter::fileLoaded);
    engine.loadFile(kDemo);
    REQUIRE(loaded.wait(10000));
    StatisticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFile(loaded.at(0).at(1).value<std::shared_ptr<const LoadedFile>>());
    const auto values = figures(model);
    CHECK(values.value("Triples") == 30);
    CHECK(values.value("Datatype properties") == 2);
    CHECK(values.value("Blank nodes") == 1);
    model.setFile(nullptr);
    CHECK(model.rowCount() == 0);
}

TEST_CASE("the main window opens files in tabs", "[ui]")
{
    MainWindow window;
    window.show();
    QSignalSpy opened(&window, &MainWindow::fileOpened);
    window.openFiles({kDemo, QStringLiteral(EVOGRAPH_RESOURCES "/demo/user-v1.ttl")});
    while (opened.count() < 2)
        REQUIRE(opened.wait(10000));
    REQUIRE(window.tabs()->count() == 2);
    auto* view = qobject_cast<FileSummaryView*>(window.tabs()->widget(0));
    REQUIRE(view);
    CHECK(figures(*view->statisticsModel()).value("Triples") > 0);
}

TEST_CASE("a file that cannot be read shows its error, positioned, in its own tab", "[ui]")
{
    QTemporaryDir dir;
    const QString broken = dir.filePath("broken.ttl");
    {
        QFile file(broken);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e \"unterminated .\n");
    }
    MainWindow window;
    window.show();
    window.openFiles({broken});
    REQUIRE(QTest::qWaitFor([&] { return window.tabs()->count() == 1; }, 10000));
    auto* page = window.tabs()->widget(0)->findChild<QLabel*>(QStringLiteral("fileError"));
    if (!page)
        page = qobject_cast<QLabel*>(window.tabs()->widget(0));
    REQUIRE(page);
    CHECK(page->objectName() == "fileError");
    CHECK(page->text().contains("broken.ttl could not be read"));
    CHECK(page->text().contains("broken.ttl:3:")); // FILE:LINE:COL, as the CLI says it
    CHECK(window.tabs()->tabText(0) == "broken.ttl");
}

TEST_CASE("the window title names the workspace and the comparison; Help lists the shortcuts the menus hold", "[ui]")
{
    MainWindow window;
    window.show();
    CHECK(window.windowTitle() == "evograph studio");
    QTemporaryDir dir;
    const QString ws = dir.filePath("team.evograph");
    evograph::workspace::Workspace::create(ws.toStdString());
    window.openWorkspace(ws);
    CHECK(window.windowTitle().contains("team.evograph"));
    window.compareFiles(
        QStringLiteral(EVOGRAPH_RESOURCES "/demo/user-v1.ttl"), QStringLiteral(EVOGRAPH_RESOURCES "/demo/user-v2.ttl"));
    CHECK(window.windowTitle().startsWith("user-v1.ttl → user-v2.ttl · team.evograph"));

    QStringList menus;
    for (QAction* action : window.menuBar()->actions())
        menus << action->text().remove('&');
    CHECK(menus == QStringList {"File", "Edit", "View", "Go", "Help"});
    ShortcutsDialog shortcuts(*window.menuBar(), {});
    QStringList rows;
    for (int i = 0; i < shortcuts.list()->topLevelItemCount(); ++i)
        rows << shortcuts.list()->topLevelItem(i)->text(0) + " " + shortcuts.list()->topLevelItem(i)->text(1);
    CHECK(rows.filter("Edit ▸ Find in Changes").size() == 1);
    CHECK(rows.filter("File ▸ Compare Files").size() == 1);
    UserGuideDialog guide;
    CHECK(guide.browser()->toPlainText().contains("evograph")); // the guide from docs/, not the "not found" page
    CHECK_FALSE(guide.browser()->toPlainText().contains("User guide not found"));
}
