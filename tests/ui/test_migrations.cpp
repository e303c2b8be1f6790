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
#include <cstdlib>

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
    // Apply asks first, naming each step's counts; Cancel writes nothing.
    QString asked;
    answerNextConfirmation(false, &asked);
    view.applyButton()->click();
    CHECK(asked.contains("move (move_values): +2 −2 triples"));
    CHECK(asked.contains("self-approved by alice"));
    QTest::qWait(200);
    {
        auto ws = workspace::Workspace::open(path);
        CHECK(usersContent(ws) == usersBefore);
    }
    QSignalSpy applied(&view, &MigrationView::applied);
    answerNextConfirmation(true);
    view.applyButton()->click();
    REQUIRE(waitFor(applied));
    // Afterwards the view says what happened and does not offer the same apply again.
    CHECK(view.message().contains("Applied as " + view.appliedAs()));
    CHECK(view.message().contains("snapshot"));
    CHECK(view.message().contains("+3 −2 triples"));
    CHECK_FALSE(view.applyButton()->isEnabled());
    QTest::qWait(300); // no dry run comes to overwrite it with "+0 −0 … Nothing was written"
    CHECK(view.message().contains("Applied as"));
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
    REQUIRE(view.rollbackButton()->isEnabled());
    // Roll back asks too (it ran at once before); Cancel leaves the applied data.
    answerNextConfirmation(false, &asked);
    view.rollbackButton()->click();
    CHECK(asked.contains("Roll back " + view.appliedAs()));
    QTest::qWait(300);
    CHECK(list->topLevelItemCount() == 2);
    {
        auto ws = workspace::Workspace::open(path);
        CHECK(usersContent(ws) != usersBefore);
    }
    QSignalSpy rolledBack(&view, &MigrationView::rolledBack);
    answerNextConfirmation(true);
    view.rollbackButton()->click();
    REQUIRE(waitFor(rolledBack));
    CHECK(view.message().contains("Rolled back"));
    CHECK(view.appliedAs().isEmpty()); // the plan may be applied again
    REQUIRE(listShows(3, 0, 2, "rollback"));
    CHECK(list->topLevelItem(1)->text(3) == "rolled_back");
    auto ws = workspace::Workspace::open(path);
    CHECK(usersContent(ws) == usersBefore);
}

TEST_CASE(
    "the Migrations view signs an approval with an SSH key and counts the files reviewers send", "[ui][migrations]")
{
    if (std::system("command -v ssh-keygen > /dev/null") != 0)
        SKIP("ssh-keygen is missing (install openssh-client)");
    QTemporaryDir dir;
    const std::string path = dir.filePath("studio.evograph").toStdString();
    {
        auto ws = workspace::Workspace::create(path);
        ws.importGraph("users", (kResources + "/demo/users-data.ttl").toStdString(), "initial");
        ws.setSetting("policies.approvals.allowed_signers", "allowed_signers", false); // beside the workspace
    }
    migrate::Plan plan;
    plan.graphs = {"users"};
    plan.steps = {migrate::moveValuesStep("move", kOnto + "manages", kOnto + "supervises")};
    const QString planFile = dir.filePath("plan.yaml");
    {
        QFile file(planFile);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(migrate::writePlan(plan)));
    }
    const QString key = dir.filePath("bob"), other = dir.filePath("mallory");
    for (const QString& k : {key, other})
        REQUIRE(std::system(("ssh-keygen -q -t ed25519 -N '' -f '" + k + "'").toStdString().c_str()) == 0);
    {
        QFile pub(key + ".pub"), allowed(dir.filePath("allowed_signers"));
        REQUIRE(pub.open(QIODevice::ReadOnly));
        REQUIRE(allowed.open(QIODevice::WriteOnly));
        allowed.write("bob " + pub.readAll());
    }

    EngineAdapter engine;
    MigrationView view(engine);
    QSignalSpy shown(&view, &MigrationView::dryRunShown);
    view.setWorkspace(QString::fromStdString(path));
    view.openPlan(planFile);
    REQUIRE(waitFor(shown));
    CHECK_FALSE(view.applyButton()->isEnabled());

    // Bob signs on his machine (the same view, another key); the file verifies with ssh-keygen.
    QSignalSpy signedSpy(&view, &MigrationView::approvalSigned);
    view.reviewerField()->setText("bob");
    view.signApproval(key, planFile + ".bob.approval");
    REQUIRE(waitFor(signedSpy));
    CHECK(view.message().contains("Signed an approval"));
    const QString verify
        = QStringLiteral("ssh-keygen -Y verify -f '%1' -I bob -n evograph-plan -s '%2' < '%3' > /dev/null")
              .arg(dir.filePath("allowed_signers"), planFile + ".bob.approval", planFile);
    CHECK(std::system(verify.toStdString().c_str()) == 0);
    view.signApproval(other, dir.filePath("mallory.approval"));
    REQUIRE(waitFor(signedSpy, 2));

    // Loaded by the applier: bob's counts and enables Apply; mallory's is listed with why not.
    view.addApprovalFiles({dir.filePath("mallory.approval")});
    REQUIRE(waitFor(shown, 2));
    CHECK_FALSE(view.applyButton()->isEnabled());
    view.addApprovalFiles({planFile + ".bob.approval"});
    REQUIRE(waitFor(shown, 3));
    QTreeWidget* decisions = view.decisionList();
    REQUIRE(decisions->topLevelItemCount() == 2);
    CHECK(decisions->topLevelItem(0)->text(1).contains("does not count"));
    CHECK(decisions->topLevelItem(0)->text(3).contains("not listed"));
    CHECK(decisions->topLevelItem(1)->text(1).contains("approved"));
    CHECK(decisions->topLevelItem(1)->text(2) == "bob");
    CHECK(view.applyButton()->isEnabled());
}
