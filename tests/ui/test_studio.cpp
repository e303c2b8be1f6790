#include "common/engine_adapter.h"
#include "files/file_summary_view.h"
#include "files/statistics_model.h"
#include "main_window.h"

#include <catch2/catch_test_macros.hpp>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>

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
