// The studio's views driven as a user would: the diff viewer on corpus files, the snapshot
// browser and its restore dialog on a real workspace file, the charts while a diff runs, the
// jobs panel with cancel. Models are checked with QAbstractItemModelTester.
#include "common/graph_versions.h"
#include "common/jobs_panel.h"
#include "common/line_diff.h"
#include "common/side_by_side_view.h"
#include "diff/diff_viewer.h"
#include "main_window.h"
#include "metrics/metrics_view.h"
#include "metrics/time_series_chart.h"
#include "search/term_search_popup.h"
#include "snapshots/restore_dialog.h"
#include "snapshots/snapshot_browser.h"
#include "snapshots/snapshot_model.h"
#include "ui_test_support.h"

#include "evograph/config/config.h"
#include "evograph/vector/vector_index.h"
#include "evograph/workspace/audit.h"
#include "evograph/workspace/snapshots.h"

#include <QAbstractItemModelTester>
#include <QChartView>
#include <QCheckBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

#include <thread>

using namespace evograph;
using namespace evograph::ui;
using namespace evograph::ui::test;
using Tester = QAbstractItemModelTester;

namespace {
const QString kV1 = kResources + QStringLiteral("/demo/user-v1.ttl");
const QString kV2 = kResources + QStringLiteral("/demo/user-v2.ttl");
const QString kData = kResources + QStringLiteral("/demo/users-data.ttl");

std::shared_ptr<const DiffSession> compare(
    DiffViewer& viewer, const QString& oldPath, const QString& newPath, const QStringList& data = {})
{
    QSignalSpy ready(&viewer, &DiffViewer::sessionReady);
    viewer.compareFiles(oldPath, newPath, data);
    REQUIRE(waitFor(ready));
    return viewer.session();
}

// Every visible change in display order: its index into the analysis.
std::vector<int> visibleChanges(const ChangeTreeModel& model)
{
    std::vector<int> out;
    for (int position = 0; position < model.visibleChanges(); ++position)
        out.push_back(model.indexOfPosition(position).data(ChangeTreeModel::kChangeRole).toInt());
    return out;
}

// Whether the diff viewer's current change names a term ending with SUFFIX (as the entity, its new
// IRI or the property it restricts).
bool currentChangeIsAbout(const DiffViewer& viewer, std::string_view suffix)
{
    const int position = viewer.currentPosition();
    if (position < 0)
        return false;
    const auto& session = viewer.session();
    const analysis::Change& change
        = session->analysis().changes[std::size_t(visibleChanges(*viewer.model())[std::size_t(position)])];
    const auto names
        = [&](rdf::TermId t) { return t != rdf::kNoTerm && session->dictionary().term(t).value.ends_with(suffix); };
    return names(change.iri) || names(change.newIri) || names(change.property);
}
} // namespace

TEST_CASE("aligned lines pair statements by what they state, not by their place in a block", "[ui][diff]")
{
    // The demo's :manages: a domain changed, a deprecation added, the comment's closing ";" became ".".
    const QStringList before {":manages a owl:ObjectProperty ;", "    rdfs:domain :Manager ;",
        "    rdfs:range :Employee ;", "    rdfs:comment \"who reports to whom\" ."};
    const QStringList after {":manages a owl:ObjectProperty ;", "    owl:deprecated true ;", "    rdfs:domain :User ;",
        "    rdfs:range :Employee ;", "    rdfs:comment \"who reports to whom\" ;", "    owl:replacedBy :supervises ."};
    const auto rows = alignLines(before, after);
    REQUIRE(rows.size() == 6);
    CHECK(rows[0].kind == AlignedRow::Kind::Equal);
    CHECK((rows[1].kind == AlignedRow::Kind::Added && rows[1].right == 1)); // owl:deprecated stands alone
    CHECK((rows[2].kind == AlignedRow::Kind::Changed && rows[2].left == 1 && rows[2].right == 2)); // domain ↔ domain
    CHECK(rows[3].kind == AlignedRow::Kind::Equal);
    CHECK((rows[4].kind == AlignedRow::Kind::Equal && rows[4].left == 3 && rows[4].right == 4)); // only ";" moved
    CHECK((rows[5].kind == AlignedRow::Kind::Added && rows[5].right == 5));
    // Two lines that state different things are never paired, even alone in their block.
    const auto apart = alignLines({"    rdfs:domain :A ;"}, {"    owl:deprecated true ;"});
    REQUIRE(apart.size() == 2);
    CHECK((apart[0].kind == AlignedRow::Kind::Removed && apart[1].kind == AlignedRow::Kind::Added));
    // The highlight covers the value, not the punctuation or the label comment.
    const InlineChange change
        = inlineChange("    rdfs:domain :Manager ;  # Manager", "    rdfs:domain :User .  # User");
    CHECK((change.leftStart == 16 && change.leftEnd == 24 && change.rightStart == 16 && change.rightEnd == 21));
    const InlineChange none = inlineChange("    rdfs:comment \"x\" .", "    rdfs:comment \"x\" ;");
    CHECK(none.leftStart == none.leftEnd);
    CHECK(statementKey("[users] <s> <p> <o> .") == "[users] <s> <p>");
    // A rename: the opening lines pair, and the highlight is the name.
    const auto renamed = alignLines({":manages a owl:ObjectProperty ;", "    rdfs:range :User ."},
        {":supervises a owl:ObjectProperty ;", "    rdfs:range :User ."});
    REQUIRE(renamed.size() == 2);
    CHECK(renamed[0].kind == AlignedRow::Kind::Changed);
    const InlineChange name = inlineChange(":manages a owl:ObjectProperty ;", ":supervises a owl:ObjectProperty ;");
    CHECK((name.leftStart == 0 && name.leftEnd == 8 && name.rightEnd == 11));
}

TEST_CASE("long lines wrap at the pane's width and both panes keep their rows aligned", "[ui][diff]")
{
    SideBySideView view;
    view.resize(700, 300);
    view.show();
    const QString longValue = QString("    rdfs:comment \"%1\" .").arg(QString("word ").repeated(60).trimmed());
    view.setTexts("old", ":a a owl:Class ;\n" + longValue, "new", ":a a owl:Class ;\n    rdfs:comment \"short\" .");
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    auto* left = view.findChild<QPlainTextEdit*>(QStringLiteral("beforePane"));
    auto* right = view.findChild<QPlainTextEdit*>(QStringLiteral("afterPane"));
    REQUIRE((left && right));
    CHECK(left->document()->blockCount() > 2); // the long comment wrapped
    CHECK(left->document()->blockCount() == right->document()->blockCount()); // padded to match
    for (QTextBlock b = left->document()->firstBlock(); b.isValid(); b = b.next())
        CHECK(b.text().size() <= 200);
    CHECK(view.leftText().contains(QString("word ").repeated(60).trimmed())); // whole, before wrapping
}

TEST_CASE("Find in Panes selects each occurrence in both panes in turn", "[ui][diff]")
{
    SideBySideView view;
    view.resize(700, 300);
    view.show();
    view.setTexts("old", ":a a owl:Class ;\n    rdfs:label \"alpha\" .", "new",
        ":a a owl:Class ;\n    rdfs:label \"alpha\" ;\n    rdfs:comment \"alpha again\" .");
    auto* left = view.findChild<QPlainTextEdit*>(QStringLiteral("beforePane"));
    auto* right = view.findChild<QPlainTextEdit*>(QStringLiteral("afterPane"));
    REQUIRE(view.find("alpha"));
    CHECK(left->textCursor().selectedText() == "alpha");
    REQUIRE(view.find("alpha")); // the left pane has no more: on to the right one
    CHECK(right->textCursor().selectedText() == "alpha");
    REQUIRE(view.find("alpha"));
    CHECK(right->textCursor().blockNumber() == 2); // "alpha again"
    CHECK_FALSE(view.find("omega"));
    view.showFindBar();
    CHECK(view.findChild<QLineEdit*>(QStringLiteral("paneFind"))->isVisible());
}

TEST_CASE("the diff viewer shows the User example: breaking first, Turtle side by side, impact counts", "[ui][diff]")
{
    EngineAdapter engine;
    DiffViewer viewer(engine);
    Tester tester(viewer.model(), Tester::FailureReportingMode::Fatal);
    const auto session = compare(viewer, kV1, kV2, {kData});
    REQUIRE(session);
    const auto& changes = session->analysis().changes;
    REQUIRE(viewer.model()->visibleChanges() == static_cast<int>(changes.size()));
    // Grouped by severity, the first change shown is the breaking one, and it is selected.
    CHECK(viewer.currentPosition() == 0);
    const auto& first = changes[static_cast<std::size_t>(visibleChanges(*viewer.model()).front())];
    CHECK(first.severity == analysis::Severity::Breaking);
    CHECK(viewer.counterText() == QStringLiteral("1 / %1").arg(changes.size()));
    // The restriction that made hasEmail required shows on the right only, labels as comments.
    CHECK(viewer.sideBySide()->rightText().contains("owl:minCardinality"));
    CHECK_FALSE(viewer.sideBySide()->leftText().contains("owl:minCardinality"));
    CHECK(viewer.sideBySide()->rightText().contains("# User"));
    CHECK(viewer.sideBySide()->changedRows() > 0);
    // Impact counts come from the data.
    CHECK(first.impact.has_value());
    CHECK(viewer.model()->index(0, 0).isValid());
    // Long entity names are cut in their column: the tooltip has the entity in full, then why.
    const QStringList tip
        = viewer.model()->index(0, 0, viewer.model()->index(0, 0)).data(Qt::ToolTipRole).toString().split('\n');
    REQUIRE(tip.size() == 2);
    CHECK(tip[0].contains("User"));
    CHECK(tip[1].contains("now required"));
}

TEST_CASE("stale comparisons are dropped: only the latest one reaches the viewer", "[ui][diff]")
{
    EngineAdapter engine;
    DiffViewer viewer(engine);
    QSignalSpy ready(&viewer, &DiffViewer::sessionReady);
    QSignalSpy cancelled(&engine, &EngineAdapter::jobCancelled);
    viewer.compareFiles(kV2, kV1); // superseded at once
    viewer.compareFiles(kV1, kV2);
    REQUIRE(waitFor(ready));
    REQUIRE(waitFor(cancelled));
    QTest::qWait(200);
    CHECK(ready.count() == 1);
    CHECK(viewer.session()->oldName == kV1);
}

TEST_CASE("the diff viewer on RO v2025-03-05 → v2025-06-24: select, step, filter, group", "[ui][diff][corpus]")
{
    const auto oldFile = kCorpus / "obo-ro/v2025-03-05/ro.owl";
    const auto newFile = kCorpus / "obo-ro/v2025-06-24/ro.owl";
    if (!std::filesystem::exists(oldFile) || !std::filesystem::exists(newFile))
        SKIP("the shared corpus is not at " << kCorpus.string());
    EngineAdapter engine;
    DiffViewer viewer(engine);
    viewer.resize(1200, 700);
    viewer.show();
    Tester tester(viewer.model(), Tester::FailureReportingMode::Fatal);
    const auto session
        = compare(viewer, QString::fromStdString(oldFile.string()), QString::fromStdString(newFile.string()));
    const int total = viewer.model()->visibleChanges();
    REQUIRE(total > 10);

    SECTION("select an entity and step with F7 / Shift+F7")
    {
        viewer.selectPosition(3);
        CHECK(viewer.counterText() == QStringLiteral("4 / %1").arg(QLocale().toString(total)));
        const QString before = viewer.sideBySide()->leftText() + viewer.sideBySide()->rightText();
        viewer.nextAction()->trigger();
        CHECK(viewer.currentPosition() == 4);
        CHECK(viewer.sideBySide()->leftText() + viewer.sideBySide()->rightText() != before);
        viewer.previousAction()->trigger();
        viewer.previousAction()->trigger();
        CHECK(viewer.currentPosition() == 2);
        viewer.selectPosition(total - 1);
        viewer.next(); // stays on the last one
        CHECK(viewer.currentPosition() == total - 1);
    }
    SECTION("filters narrow the list to what matches")
    {
        ChangeFilter filter;
        filter.severity = analysis::Severity::Safe;
        viewer.setFilter(filter);
        const int safe = viewer.model()->visibleChanges();
        CHECK((safe > 0 && safe < total));
        for (const int change : visibleChanges(*viewer.model()))
            CHECK(session->analysis().changes[static_cast<std::size_t>(change)].severity == analysis::Severity::Safe);
        filter = {};
        filter.text = QStringLiteral("added");
        viewer.setFilter(filter);
        CHECK(viewer.model()->visibleChanges() > 0);
        for (const int change : visibleChanges(*viewer.model()))
            CHECK(session->rows[static_cast<std::size_t>(change)].search.contains("added"));
        filter.text = QStringLiteral("no-such-thing-anywhere");
        viewer.setFilter(filter);
        CHECK(viewer.model()->visibleChanges() == 0);
        CHECK(viewer.counterText() == QStringLiteral("– / 0"));
        viewer.setFilter({});
        CHECK(viewer.model()->visibleChanges() == total);
    }
    SECTION("grouping by kind or class hierarchy keeps every change")
    {
        for (const Grouping grouping : {Grouping::Kind, Grouping::ClassHierarchy, Grouping::Severity}) {
            viewer.setGrouping(grouping);
            auto shown = visibleChanges(*viewer.model());
            std::sort(shown.begin(), shown.end());
            CHECK(static_cast<int>(shown.size()) == total);
            CHECK(std::adjacent_find(shown.begin(), shown.end()) == shown.end());
        }
    }
    SECTION("a large comparison regroups and refilters on a worker; the latest request wins")
    {
        viewer.setBackgroundTreeFrom(0); // every comparison counts as large here
        QSignalSpy shown(&viewer, &DiffViewer::treeShown);
        viewer.setGrouping(Grouping::Kind);
        CHECK(viewer.treePending());
        CHECK(viewer.model()->grouping() == Grouping::Severity); // the GUI did not build it
        ChangeFilter filter;
        filter.text = QStringLiteral("added");
        viewer.setFilter(filter); // supersedes the regroup still building
        REQUIRE(waitFor(shown));
        QTest::qWait(100);
        CHECK(shown.count() == 1);
        CHECK_FALSE(viewer.treePending());
        CHECK(viewer.model()->grouping() == Grouping::Kind);
        CHECK(viewer.model()->filter().text == QStringLiteral("added"));
        CHECK(viewer.model()->visibleChanges() > 0);
        for (const int change : visibleChanges(*viewer.model()))
            CHECK(session->rows[static_cast<std::size_t>(change)].search.contains("added"));
        viewer.setFilter({});
        REQUIRE(waitFor(shown, 2));
        CHECK(viewer.model()->visibleChanges() == total);
    }
    SECTION("exports write the report atomically")
    {
        QTemporaryDir dir;
        QSignalSpy exported(&viewer, &DiffViewer::exported);
        viewer.exportReport(ExportFormat::Json, dir.filePath("changes.json"));
        viewer.exportReport(ExportFormat::RdfPatch, dir.filePath("changes.rdfp"));
        REQUIRE(waitFor(exported, 2));
        QFile json(dir.filePath("changes.json"));
        REQUIRE(json.open(QIODevice::ReadOnly));
        CHECK(json.readAll().contains("\"changes\""));
        QFile patch(dir.filePath("changes.rdfp"));
        REQUIRE(patch.open(QIODevice::ReadOnly));
        CHECK(patch.readAll().startsWith("H id"));
    }
}

TEST_CASE("a snapshot restore runs through the dialog: dry run, named backup, restore", "[ui][snapshots]")
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("studio.evograph").toStdString();
    std::string v1Snapshot, v1State;
    {
        auto ws = workspace::Workspace::create(path);
        ws.importGraph("ontology", kV1.toStdString(), "v1");
        v1Snapshot = workspace::createSnapshot(ws, "v1 released", {"release"});
        v1State = ws.state().hash();
        ws.importGraph("ontology", kV2.toStdString(), "v2");
    }

    EngineAdapter engine;
    SnapshotBrowser browser(engine);
    Tester tester(browser.model(), Tester::FailureReportingMode::Fatal);
    QSignalSpy refreshed(&browser, &SnapshotBrowser::refreshed);
    browser.setWorkspace(QString::fromStdString(path));
    REQUIRE(waitFor(refreshed));
    REQUIRE(browser.model()->rowCount() == 1);
    const auto* listed = browser.model()->at(browser.model()->index(0, 0));
    REQUIRE(listed->manifest.id == v1Snapshot);
    CHECK(browser.model()->index(0, SnapshotModel::Verified).data().toString() == "never");

    RestoreDialog dialog(engine, QString::fromStdString(path), *listed);
    QSignalSpy planned(&dialog, &RestoreDialog::dryRunReady);
    REQUIRE(waitFor(planned));
    CHECK(planned.at(0).at(0).toBool());
    const QString summary = dialog.summaryText();
    CHECK(summary.contains("ontology: would add"));
    CHECK(summary.contains(QStringLiteral("backup before restoring %1").arg(QString::fromStdString(v1Snapshot))));
    REQUIRE(dialog.restoreButton()->isEnabled());
    QSignalSpy restored(&dialog, &RestoreDialog::restored);
    QTest::mouseClick(dialog.restoreButton(), Qt::LeftButton);
    REQUIRE(waitFor(restored));

    auto ws = workspace::Workspace::open(path);
    CHECK(ws.state().hash() == v1State);
    const auto backup = workspace::snapshotInfo(ws, dialog.result().backup);
    CHECK(backup.manifest.tags == std::vector<std::string> {"backup"});
    CHECK(restored.at(0).at(1).toString().toStdString() == dialog.result().backup);

    // The browser lists the backup after a refresh, and verifies it.
    browser.refresh();
    REQUIRE(waitFor(refreshed, 2));
    CHECK(browser.model()->rowCount() == 2);
    browser.selectSnapshot(QString::fromStdString(dialog.result().backup));
    QSignalSpy verified(&browser, &SnapshotBrowser::verified);
    browser.verifySelected(true);
    REQUIRE(waitFor(verified));
    CHECK(verified.at(0).at(1).toBool());
}

TEST_CASE("deleting a snapshot asks first: Cancel keeps it, Delete removes it and says so", "[ui][snapshots]")
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("delete.evograph").toStdString();
    {
        auto ws = workspace::Workspace::create(path);
        ws.importGraph("ontology", kV1.toStdString(), "v1");
        workspace::createSnapshot(ws, "first");
        workspace::createSnapshot(ws, "second");
    }
    EngineAdapter engine;
    SnapshotBrowser browser(engine);
    QSignalSpy refreshed(&browser, &SnapshotBrowser::refreshed);
    browser.setWorkspace(QString::fromStdString(path));
    REQUIRE(waitFor(refreshed));
    REQUIRE(browser.model()->rowCount() == 2);
    const QString id = browser.model()->index(0, 0).data(SnapshotModel::kIdRole).toString();
    browser.selectSnapshot(id);
    QString asked;
    answerNextConfirmation(false, &asked);
    browser.deleteSelected();
    CHECK(asked.contains("Delete snapshot " + id.left(8)));
    CHECK(asked.contains("cannot be undone"));
    QTest::qWait(200);
    CHECK(browser.model()->rowCount() == 2);
    answerNextConfirmation(true);
    browser.deleteSelected();
    REQUIRE(waitFor(refreshed, 2));
    CHECK(browser.model()->rowCount() == 1);
    bool said = false;
    for (const QLabel* label : browser.findChildren<QLabel*>())
        said |= label->text().contains("Deleted snapshot " + id.left(8));
    CHECK(said);
}

TEST_CASE("diffing a snapshot against the current state opens in the diff viewer", "[ui][snapshots]")
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("diff.evograph").toStdString();
    {
        auto ws = workspace::Workspace::create(path);
        ws.importGraph("ontology", kV1.toStdString(), "v1");
        workspace::createSnapshot(ws, "v1");
        ws.importGraph("ontology", kV2.toStdString(), "v2");
    }
    MainWindow window;
    QSignalSpy refreshed(window.snapshotBrowser(), &SnapshotBrowser::refreshed);
    window.openWorkspace(QString::fromStdString(path));
    REQUIRE(waitFor(refreshed));
    window.snapshotBrowser()->selectSnapshot(
        window.snapshotBrowser()->model()->index(0, 0).data(SnapshotModel::kIdRole).toString());
    QSignalSpy ready(window.diffViewer(), &DiffViewer::sessionReady);
    window.snapshotBrowser()->diffSelected();
    REQUIRE(waitFor(ready));
    CHECK(window.currentView() == MainWindow::View::Diff);
    // The same changes as comparing the files directly.
    EngineAdapter engine;
    DiffViewer direct(engine);
    const auto expected = compare(direct, kV1, kV2);
    CHECK(window.diffViewer()->session()->analysis().changes.size() == expected->analysis().changes.size());
}

TEST_CASE("the charts receive points while a diff runs, with a marker and CSV export", "[ui][metrics]")
{
    EngineAdapter engine;
    DiffViewer viewer(engine);
    MetricSampler sampler;
    MetricsView view(sampler);
    CHECK(view.chart(MetricChart::Latency).showsNoData());
    sampler.start(50);
    QObject::connect(&viewer, &DiffViewer::eventHappened, &sampler, &MetricSampler::mark);
    compare(viewer, kV1, kV2, {kData});
    QSignalSpy sampled(&sampler, &MetricSampler::sampled);
    REQUIRE(waitFor(sampled, 2));
    CHECK(view.chart(MetricChart::Latency).pointCount("diff p50") > 0);
    CHECK(view.chart(MetricChart::Latency).pointCount("diff p95") > 0);
    CHECK_FALSE(view.chart(MetricChart::Latency).showsNoData());
    CHECK(view.chart(MetricChart::Jobs).pointCount("active") >= 2);
    CHECK(view.chart(MetricChart::Memory).pointCount("resident") >= 2);
    REQUIRE(sampler.markers().size() == 1);
    // Paused, the charts keep their picture while sampling goes on.
    view.setPaused(true);
    const int frozen = view.chart(MetricChart::Jobs).pointCount("active");
    REQUIRE(waitFor(sampled, sampled.count() + 2));
    CHECK(view.chart(MetricChart::Jobs).pointCount("active") == frozen);
    view.setPaused(false);
    CHECK(view.chart(MetricChart::Jobs).pointCount("active") > frozen);
    QTemporaryDir dir;
    sampler.exportCsv(dir.filePath("metrics.csv"));
    QFile csv(dir.filePath("metrics.csv"));
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QByteArray text = csv.readAll();
    CHECK(text.startsWith("time,chart,series,value\n"));
    CHECK(text.contains("diff p50 (ms)"));
    CHECK(text.contains(",event,\"diff\""));
}

TEST_CASE("vector searches and the indexes' memory reach the metric charts", "[ui][metrics]")
{
    MetricSampler sampler;
    MetricsView view(sampler);
    sampler.start(50);
    QSignalSpy sampled(&sampler, &MetricSampler::sampled);
    {
        vector::VectorIndex index(8, vector::IndexParams {});
        vector::VectorSet points(100, 8);
        for (std::size_t i = 0; i < points.values().size(); ++i)
            points.values()[i] = static_cast<float>(i % 13) - 6.0f;
        index.add(points);
        index.search(points, {});
        REQUIRE(waitFor(sampled, 2));
        CHECK(view.chart(MetricChart::Latency).pointCount("vector.search.latency p50") > 0);
        CHECK(view.chart(MetricChart::Memory).pointCount("vector indexes") > 0);
    }
}

TEST_CASE("the jobs panel lists running work and cancels it", "[ui][jobs]")
{
    EngineAdapter engine;
    JobsPanel panel(engine);
    Tester tester(panel.model(), Tester::FailureReportingMode::Fatal);
    QSignalSpy cancelled(&engine, &EngineAdapter::jobCancelled);
    bool delivered = false;
    const int id = engine.run(
        &panel, {}, QStringLiteral("Counting slowly"), "test-slow",
        [](const engine::TaskContext& context) {
            for (int i = 0; i < 1000; ++i) {
                context.setProgress(static_cast<std::uint64_t>(i), 1000);
                context.checkpoint();
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            return 1;
        },
        [&delivered](std::shared_ptr<const int>) { delivered = true; });
    QTest::qWait(100);
    REQUIRE(panel.model()->rowCount() == 1);
    CHECK(panel.model()->index(0, JobsModel::Description).data().toString() == "Counting slowly");
    CHECK(panel.model()->index(0, JobsModel::State).data().toString() == "running");
    CHECK(panel.model()->runningCount() == 1);
    engine.cancel(id);
    REQUIRE(waitFor(cancelled));
    QTest::qWait(50);
    CHECK_FALSE(delivered);
    CHECK(panel.model()->index(0, JobsModel::State).data().toString() == "cancelled");
    CHECK(panel.model()->runningCount() == 0);
}

TEST_CASE("the jobs panel leaves the views' bookkeeping out unless asked", "[ui][jobs]")
{
    EngineAdapter engine;
    JobsPanel panel(engine);
    QSignalSpy finished(&engine, &EngineAdapter::jobFinished);
    const auto quick = [](const engine::TaskContext&) { return 1; };
    engine.run(&panel, {}, QStringLiteral("Reading the migration history"), "migrate-history", quick,
        [](std::shared_ptr<const int>) {});
    engine.run(
        &panel, {}, QStringLiteral("Applying plan.yaml"), "migrate-apply", quick, [](std::shared_ptr<const int>) {});
    REQUIRE(waitFor(finished, 2));
    CHECK(panel.model()->rowCount() == 2); // both are kept
    REQUIRE(panel.shown()->rowCount() == 1); // the user's own job is shown
    CHECK(panel.shown()->index(0, JobsModel::Description).data().toString() == "Applying plan.yaml");
    panel.showInternal()->setChecked(true);
    CHECK(panel.shown()->rowCount() == 2);
}

TEST_CASE("Ctrl+K finds a term by meaning and jumps to its change; the GUI thread never waits", "[ui][search]")
{
    MainWindow window;
    QSignalSpy ready(window.diffViewer(), &DiffViewer::sessionReady);
    window.diffViewer()->compareFiles(kV1, kV2);
    REQUIRE(waitFor(ready));

    TermSearchPopup* popup = window.termSearch();
    QSignalSpy shown(popup, &TermSearchPopup::resultsShown);
    QElapsedTimer gui;
    gui.start();
    window.showTermSearch(); // indexing starts on a worker
    popup->input()->setText(QStringLiteral("electronic mail address"));
    CHECK(gui.elapsed() < 50);
    REQUIRE(waitFor(shown));
    CHECK(popup->isIndexed());
    REQUIRE(popup->results()->count() > 0);
    CHECK(popup->results()->item(0)->toolTip().endsWith(QStringLiteral("#hasEmail")));
    CHECK(popup->results()->item(0)->text().contains(QStringLiteral("property")));

    QTest::keyClick(popup->input(), Qt::Key_Return);
    CHECK(currentChangeIsAbout(*window.diffViewer(), "#hasEmail"));
    CHECK_FALSE(popup->isVisible());
}

TEST_CASE(
    "Ctrl+K over the workspace: a term found in a graph opens that version against the one before", "[ui][search]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("search.evograph"));
    {
        auto ws = workspace::Workspace::create(path.toStdString());
        ws.importGraph("ontology", kV1.toStdString(), "v1");
        ws.importGraph("ontology", kV2.toStdString(), "v2");
    }
    MainWindow window;
    window.openWorkspace(path);
    TermSearchPopup* popup = window.termSearch();
    QSignalSpy shown(popup, &TermSearchPopup::resultsShown);
    window.showTermSearch(); // no comparison open: the workspace's graphs alone
    popup->input()->setText(QStringLiteral("electronic mail address"));
    REQUIRE(waitFor(shown));
    REQUIRE(popup->results()->count() > 0);
    CHECK(popup->results()->item(0)->toolTip().endsWith(QStringLiteral("#hasEmail")));
    CHECK(popup->results()->item(0)->text().endsWith(QStringLiteral("ontology@2")));

    QSignalSpy ready(window.diffViewer(), &DiffViewer::sessionReady);
    QTest::keyClick(popup->input(), Qt::Key_Return);
    REQUIRE(waitFor(ready));
    QCoreApplication::processEvents(); // the pending term is shown on the same signal
    CHECK(window.diffViewer()->session()->newTitle == QStringLiteral("ontology@2"));
    CHECK(currentChangeIsAbout(*window.diffViewer(), "#hasEmail"));

    // A migration or restore changes the workspace: the next search indexes it again.
    popup->invalidate();
    QSignalSpy again(popup, &TermSearchPopup::resultsShown);
    window.showTermSearch();
    CHECK_FALSE(popup->isIndexed());
    REQUIRE(waitFor(again));
    // Now the comparison is open too: its two versions and the workspace graph are all searched.
    QStringList versions;
    for (int i = 0; i < popup->results()->count(); ++i)
        versions << popup->results()->item(i)->text().section(QStringLiteral(" · "), -1);
    CHECK(versions.contains(QStringLiteral("ontology@2")));
    CHECK(versions.contains(QStringLiteral("ontology (the version before)")));
}

TEST_CASE("the last 7 days on the charts come from the workspace; alert thresholds are lines", "[ui][metrics]")
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("kept.evograph").toStdString();
    const std::int64_t now = QDateTime::currentSecsSinceEpoch();
    {
        auto ws = workspace::Workspace::create(path);
        std::vector<workspace::MetricSample> samples;
        for (std::int64_t s = 0; s < 10; ++s) { // ten minutes, three days ago (kept at 1 min by then)
            samples.push_back({"task.agent.validator.p95", now - 3 * 86400 + 60 * s, 40.0 + s});
            samples.push_back({"parse.triples", now - 3 * 86400 + 60 * s, 1000.0 * s});
        }
        workspace::recordMetricSamples(ws, samples, now);
    }
    MetricSampler sampler;
    MetricsView view(sampler);
    view.setAlertRules(config::parseConfig(
        "[[alerts]]\nname = \"slow-validation\"\nexpr = \"p95(task.agent.validator) > 45\"\n", "evograph.toml")
                           .alerts);
    view.setWorkspace(QString::fromStdString(path));
    view.setRange(MetricsView::Range::Session);
    CHECK(view.chart(MetricChart::Latency).pointCount("agent.validator p95") == 0); // not this session's
    CHECK(
        view.chart(MetricChart::Latency).pointCount("alert slow-validation: p95(task.agent.validator[5m]) > 45") == 2);
    view.setRange(MetricsView::Range::Week);
    CHECK(view.chart(MetricChart::Latency).pointCount("agent.validator p95") == 10);
    CHECK(view.chart(MetricChart::Throughput).pointCount("read") == 9); // the counter's rate between samples
    CHECK_FALSE(view.chart(MetricChart::Latency).showsNoData());
}

TEST_CASE("the studio's write waits for another process's writer lock and loses no update", "[ui][snapshots]")
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("shared.evograph").toStdString();
    {
        auto ws = workspace::Workspace::create(path);
        ws.importGraph("ontology", kV1.toStdString(), "v1");
    }
    EngineAdapter engine;
    SnapshotBrowser browser(engine);
    QSignalSpy refreshed(&browser, &SnapshotBrowser::refreshed);
    browser.setWorkspace(QString::fromStdString(path));
    REQUIRE(waitFor(refreshed));

    // Another writer (as the CLI would be) holds the lock and imports v2 while the studio asks for
    // a snapshot; the studio's job waits (up to 10 s) instead of failing, then snapshots v2.
    QSignalSpy failed(&engine, &EngineAdapter::jobFailed);
    std::thread other([&] {
        auto ws = workspace::Workspace::open(path, {workspace::Access::Write, {}, "evograph ws import"});
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
        ws.importGraph("ontology", kV2.toStdString(), "v2");
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // the other writer has the lock
    browser.takeSnapshot(QStringLiteral("from the studio"));
    REQUIRE(waitFor(refreshed, 2));
    other.join();
    CHECK(failed.isEmpty());

    auto ws = workspace::Workspace::open(path);
    CHECK(ws.log().size() == 2); // the other writer's import is there
    const auto snapshots = workspace::listSnapshots(ws);
    REQUIRE(snapshots.size() == 1);
    CHECK(snapshots[0].manifest.name == "from the studio");
    CHECK(snapshots[0].manifest.state == ws.state().hash()); // taken after the import, not over it
    CHECK(workspace::verifyAudit(ws).ok());
}

TEST_CASE(
    "a chart's time axis draws its labels (Qt 6.4 drew none for a range set after the axis joined)", "[ui][metrics]")
{
    QWidget parent;
    const auto chart = makeTimeSeriesChart(QStringLiteral("Latency"), QStringLiteral("ms"), &parent);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    chart->setWindow(now - 60'000, now);
    chart->setSeries(QStringLiteral("p50"), {QPointF(double(now - 30'000), 2.0), QPointF(double(now - 1'000), 3.0)});
    auto* view = qobject_cast<QChartView*>(chart->widget());
    REQUIRE(view);
    view->resize(560, 280);
    view->show();
    QApplication::processEvents();
    const QImage picture = view->grab().toImage();
    const QRectF plot = view->chart()->plotArea();
    // The band just below the plot area holds the time labels: some of its pixels are text-dark.
    int dark = 0;
    for (int y = int(plot.bottom()) + 4; y < int(plot.bottom()) + 18 && y < picture.height(); ++y)
        for (int x = int(plot.left()); x < int(plot.right()); ++x)
            dark += qGray(picture.pixel(x, y)) < 128;
    CHECK(dark > 50);
}

TEST_CASE(
    "a chart shows a few series by default, the ones the user picks after, with round value ticks", "[ui][metrics]")
{
    QWidget parent;
    auto chart = makeTimeSeriesChart(QStringLiteral("Latency"), QStringLiteral("ms"), &parent);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    chart->setWindow(now - 60'000, now);
    QStringList names;
    for (int i = 0; i < 14; ++i) { // as many as the studio's latency chart gets
        names << QStringLiteral("task%1 p95").arg(i, 2, 10, QLatin1Char('0'));
        chart->setSeries(names.back(), {QPointF(double(now - 1000), 0.5 + i * 0.25)});
    }
    chart->setSeries(
        QStringLiteral("alert slow: latency > 9"), {QPointF(double(now - 60'000), 9), QPointF(double(now), 9)});
    const QStringList shown = chart->shownSeries();
    CHECK(shown.size() == TimeSeriesChart::kShownByDefault + 1);
    CHECK(shown.mid(0, TimeSeriesChart::kShownByDefault) == names.mid(0, TimeSeriesChart::kShownByDefault));
    CHECK(shown.contains("alert slow: latency > 9")); // thresholds always show
    chart->setSeriesShown(names[13], true);
    chart->setSeriesShown(names[0], false);
    CHECK(chart->shownSeries().contains(names[13]));
    CHECK_FALSE(chart->shownSeries().contains(names[0]));
    // The choice holds when new points come.
    chart->setSeries(names[0], {QPointF(double(now - 500), 1)});
    CHECK_FALSE(chart->shownSeries().contains(names[0]));
    // Round ticks: the largest shown value is the threshold 9 → 0, 2, 4, 6, 8, 10.
    CHECK(chart->valueTicks() == QStringList {"0", "2", "4", "6", "8", "10"});
    chart->setSeriesShown(QStringLiteral("alert slow: latency > 9"), false);
    chart->setSeriesShown(names[13], false); // the largest left is task05 at 1.75 → 0 … 2 by 0.5
    CHECK(chart->valueTicks() == QStringList {"0", "0.5", "1", "1.5", "2"});
    // The corner button lists every series.
    auto* choose = chart->widget()->findChild<QToolButton*>(QStringLiteral("chooseSeries"));
    REQUIRE(choose);
    CHECK(choose->menu()->actions().size() == 15);
}

TEST_CASE("a snapshot diff shows CURIEs though the workspace keeps no prefixes", "[ui][diff]")
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("w.evograph").toStdString();
    std::string from, to;
    {
        auto ws = workspace::Workspace::create(path);
        ws.importGraph("ontology", kV1.toStdString(), "v1");
        from = workspace::createSnapshot(ws, "v1");
        ws.importGraph("ontology", kV2.toStdString(), "v2");
        to = workspace::createSnapshot(ws, "v2");
    }
    EngineAdapter engine;
    DiffViewer viewer(engine);
    QSignalSpy ready(&viewer, &DiffViewer::sessionReady);
    viewer.compareVersions(
        [=](const engine::TaskContext& context) { return readSnapshotGraphs(path, "ontology", from, to, context); },
        "ontology @ v1", "ontology @ v2");
    REQUIRE(waitFor(ready));
    const auto& prefixes = viewer.session()->prefixes;
    CHECK(prefixes.abbreviate("http://www.w3.org/2002/07/owl#Class") == "owl:Class");
    CHECK(prefixes.abbreviate("http://example.com/ontology#User") == ":User");
    CHECK_FALSE(viewer.sideBySide()->rightText().contains("<http://www.w3.org/"));
}
