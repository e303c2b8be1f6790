// The Migrations view on a real workspace file: the dry run's steps, badges and preview, the GUI
// path refused without approval (nothing written, the refusal journalled), approve, apply, and
// rollback from the history.
#include "common/side_by_side_view.h"
#include "migrations/migration_view.h"
#include "ui_test_support.h"

#include "evograph/migrate/migration.h"

#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace evograph;
using namespace evograph::ui;
using namespace evograph::ui::test;

namespace {
const std::string kOnto = "http://example.com/ontology#";

std::string usersContent(workspace::Workspace& ws)
{
    return ws.state().graphs.at("users").content;
}
} // namespace

TEST_CASE("the Migrations view: dry run, refusal without approval, approve, apply, roll back", "[ui][migrations]")
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("studio.evograph").toStdString();
    std::string stateBefore, usersBefore;
    {
        auto ws = workspace::Workspace::create(path);
        ws.importGraph("ontology", (kResources + "/demo/user-v2.ttl").toStdString(), "v2");
        ws.importGraph("users", (kResources + "/demo/users-data.ttl").toStdString(), "initial");
        stateBefore = ws.state().hash();
        usersBefore = usersContent(ws);
    }
    migrate::Plan plan;
    plan.from = "v1", plan.to = "v2", plan.graphs = {"users"};
    plan.steps = {migrate::moveValuesStep("move", kOnto + "manages", kOnto + "supervises"),
        migrate::addDefaultValueStep("email", kOnto + "User", kOnto + "hasEmail", "unknown@example.com")};
    const QString planFile = dir.filePath("plan.yaml");
    {
        QFile file(planFile);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(migrate::writePlan(plan)));
    }

    EngineAdapter engine;
    MigrationView view(engine);
    QSignalSpy shown(&view, &MigrationView::dryRunShown);
    view.setWorkspace(QString::fromStdString(path));
    view.openPlan(planFile);
    REQUIRE(waitFor(shown));

    // The steps with their badges; the first step's preview is shown side by side.
    QTreeWidget* steps = view.stepList();
    REQUIRE(steps->topLevelItemCount() == 2);
    CHECK(steps->topLevelItem(0)->text(0) == QStringLiteral("● BC ✎")); // rewrites data
    CHECK(steps->topLevelItem(0)->text(3) == "2");
    CHECK(steps->topLevelItem(0)->text(4) == "2");
    CHECK(steps->topLevelItem(1)->text(0) == QStringLiteral("▲ MF"));
    CHECK(steps->topLevelItem(1)->text(5) == "1/1 pass");
    CHECK(view.preview()->leftText().contains(":manages"));
    CHECK(view.preview()->rightText().contains(":supervises"));
    view.selectStep(1);
    CHECK(view.preview()->rightText().contains("unknown@example.com"));
    CHECK_FALSE(view.applyButton()->isEnabled()); // not approved

    // The GUI path has no way around approval: applying anyway is refused by the engine.
    QSignalSpy refused(&view, &MigrationView::applyRefused);
    view.applyConfirmed();
    REQUIRE(waitFor(refused));
    CHECK(view.message().contains("no approval of its hash"));
    {
        auto ws = workspace::Workspace::open(path);
        CHECK(ws.state().hash() == stateBefore);
        const auto journal = workspace::journal(ws);
        REQUIRE(journal.size() == 1);
        CHECK(journal[0].status == "failed");
    }

    // A self-approval is refused too until the policy allows it; then the plan applies.
    {
        auto ws = workspace::Workspace::open(path, {workspace::Access::Write, {}, "test"});
        ws.setSetting("policies.operational.allow_self_approval", "true", false);
    }
    view.reviewerField()->setText("alice");
    view.commentField()->setText("checked the moves");
    view.recordDecision("approve");
    REQUIRE(waitFor(shown, 2));
    REQUIRE(view.decisionList()->topLevelItemCount() == 1);
    CHECK(view.decisionList()->topLevelItem(0)->text(2) == "alice");
    CHECK(view.decisionList()->topLevelItem(0)->text(4) == "checked the moves");
    REQUIRE(view.applyButton()->isEnabled());
    QSignalSpy applied(&view, &MigrationView::applied);
    view.applyConfirmed();
    REQUIRE(waitFor(applied));
    {
        auto ws = workspace::Workspace::open(path);
        CHECK(usersContent(ws) != usersBefore);
        const rdf::Dataset users = ws.readContent(usersContent(ws));
        CHECK(users.dictionary().find({rdf::TermKind::Iri, kOnto + "supervises", {}, {}}).has_value());
    }

    // History lists the operation (newest first); rolling it back restores the data. Earlier
    // refreshes (after the refusal) may still arrive, so wait for the list itself, not a count.
    QTreeWidget* list = view.historyList();
    const auto listShows = [list](int rows, int row, int column, const char* text) {
        return QTest::qWaitFor(
            [=] { return list->topLevelItemCount() == rows && list->topLevelItem(row)->text(column) == text; }, 60000);
    };
    REQUIRE(listShows(2, 0, 3, "applied"));
    list->setCurrentItem(list->topLevelItem(0));
    view.rollbackSelected();
    REQUIRE(listShows(3, 0, 2, "rollback"));
    CHECK(list->topLevelItem(1)->text(3) == "rolled_back");
    auto ws = workspace::Workspace::open(path);
    CHECK(usersContent(ws) == usersBefore);
}
