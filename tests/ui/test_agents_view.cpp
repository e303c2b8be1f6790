// The Agents view on a real workspace file: the agents with their class and enablement, the
// controls writing the workspace settings that `serve` reads (the config file's explicit word
// refused), serving the agents in the studio on worker threads (a new version dropped into a
// watched folder is imported and validated while the GUI thread only ticks), the alert banner
// and the proposals list.
#include "agents/agents_view.h"
#include "ui_test_support.h"

#include "evograph/workspace/agent_records.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace evograph;
using namespace evograph::ui;
using namespace evograph::ui::test;

namespace {
int rowOf(QTableWidget* table, const QString& name)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0) && table->item(row, 0)->text() == name)
            return row;
    return -1;
}

QString cell(QTableWidget* table, const QString& name, int column)
{
    const int row = rowOf(table, name);
    return row < 0 || !table->item(row, column) ? QString() : table->item(row, column)->text();
}

QPushButton* button(QWidget& view, const QString& text)
{
    for (QPushButton* b : view.findChildren<QPushButton*>())
        if (b->text() == text)
            return b;
    return nullptr;
}
} // namespace

TEST_CASE(
    "the Agents view: controls through the workspace, serving in the studio, alerts and proposals", "[ui][agents]")
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("studio.evograph").toStdString();
    {
        auto ws = workspace::Workspace::create(path);
        ws.importGraph("ontology", (kResources + "/demo/user-v1.ttl").toStdString(), "v1");
        ws.importGraph("data", (kResources + "/demo/users-data.ttl").toStdString(), "initial");
        workspace::recordAgentAction(ws,
            {0, "recovery_agent", {}, "migration.rollback", "destructive", "op-1", "proposed",
                "destructive: awaits a reviewer (strict policy)", "{}"});
    }
    QDir(dir.path()).mkdir(QStringLiteral("incoming"));
    const config::Config config = config::parseConfig(
        "[agents]\nenabled_agents = [\"graph_monitor\", \"validator\"]\ndisabled_agents = [\"security_agent\"]\n"
        "[agents.graph_monitor]\nwatch = [{ path = \""
            + dir.filePath("incoming").toStdString()
            + "\", graph = \"ontology\" }]\n"
              "[[alerts]]\nname = \"breaking-change\"\nexpr = \"breaking_changes > 0\"\n"
              "annotations = { summary = \"a version breaks compatibility\" }\n",
        "studio.toml");

    AgentsView view;
    view.setConfig(config);
    view.setWorkspace(QString::fromStdString(path));
    QTableWidget* table = view.agentsTable();
    CHECK(table->rowCount() == 7);
    CHECK(cell(table, "validator", 1) == "read_only");
    CHECK(cell(table, "validator", 2) == "yes");
    CHECK(cell(table, "validator", 3) == "not served");
    CHECK(cell(table, "snapshot_scheduler", 2) == "no");
    CHECK(cell(table, "recovery_agent", 2) == "no"); // destructive: never enabled by "*", not named here

    // Enable writes the workspace setting `serve` reads; the config's explicit word is refused.
    table->selectRow(rowOf(table, "snapshot_scheduler"));
    REQUIRE(button(view, "Enable")->isEnabled());
    QTest::mouseClick(button(view, "Enable"), Qt::LeftButton);
    CHECK(cell(table, "snapshot_scheduler", 2) == "yes");
    {
        auto ws = workspace::Workspace::open(path);
        CHECK(ws.settings(false).at("agents.snapshot_scheduler.enabled") == "true");
    }
    // Disable asks first: Cancel leaves it enabled, confirming disables it and says so.
    QString asked;
    answerNextConfirmation(false, &asked);
    QTest::mouseClick(button(view, "Disable"), Qt::LeftButton);
    CHECK(asked.contains("Disable snapshot_scheduler"));
    CHECK(cell(table, "snapshot_scheduler", 2) == "yes");
    answerNextConfirmation(true);
    QTest::mouseClick(button(view, "Disable"), Qt::LeftButton);
    CHECK(cell(table, "snapshot_scheduler", 2) == "no");
    bool said = false;
    for (const QLabel* label : view.findChildren<QLabel*>())
        said |= label->text().contains("snapshot_scheduler disabled");
    CHECK(said);
    table->selectRow(rowOf(table, "validator"));
    QTest::mouseClick(button(view, "Disable"), Qt::LeftButton);
    CHECK(cell(table, "validator", 2) == "yes");
    bool refused = false;
    for (const QLabel* label : view.findChildren<QLabel*>())
        refused |= label->text().contains("enabled by the config file (agents.enabled_agents at studio.toml:2:");
    CHECK(refused);

    // The proposal awaiting a reviewer is listed.
    view.refresh();
    REQUIRE(waitUntil([&] { return view.proposalsTable()->rowCount() == 1; }));
    CHECK(view.proposalsTable()->item(0, 2)->text() == "migration.rollback");

    // Served here: the validator runs on a worker; a version dropped into the folder is imported and
    // validated, the alert fires and shows its banner, the GUI thread never blocks for it.
    QSignalSpy firing(&view, &AgentsView::alertFiring);
    view.setServing(true);
    REQUIRE(view.isServing());
    REQUIRE(waitUntil([&] { return cell(table, "validator", 6).toInt() >= 1; }, 15000));
    QFile::copy(kResources + "/demo/user-v2.ttl", dir.filePath("incoming/.v2"));
    QFile::rename(dir.filePath("incoming/.v2"), dir.filePath("incoming/user-v2.ttl"));
    REQUIRE(waitUntil([&] { return firing.count() >= 1; }, 20000));
    CHECK(firing.at(0).at(0).toString().contains("breaking-change firing"));
    view.refresh();
    REQUIRE(waitUntil([&] { return !view.findChild<QLabel*>(QStringLiteral("alertBanner"))->isHidden(); }, 5000));
    // The log shows the selected agent's recorded actions.
    CHECK(waitUntil([&] { return view.log()->toPlainText().contains("graph.validate ontology@2 — ran"); }, 5000));
    {
        auto ws = workspace::Workspace::open(path);
        CHECK(ws.log(std::string("ontology")).size() == 2);
    }
    view.setServing(false);
    CHECK(cell(table, "validator", 3) == "not served");
}
