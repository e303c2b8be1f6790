// The diff viewer's Hierarchy mode: both trees aligned, coloured and struck through, folding,
// "changed only", search, stepping through changes, and a term's grouped change in the panes.
#include "diff/diff_viewer.h"
#include "diff/hierarchy_view.h"

#include "common/side_by_side_view.h"
#include "ui_test_support.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTableView>

using namespace evograph;
using namespace evograph::ui;
using namespace evograph::ui::test;

namespace {
// The row whose NEW side shows the term ending with `local`; -1 when none does.
int rowNamed(const HierarchyModel& model, const QString& local)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, HierarchyModel::New).data().toString().endsWith(QLatin1Char(':') + local))
            return row;
    return -1;
}
} // namespace

TEST_CASE("the Hierarchy mode on the User example: classes and properties side by side", "[ui][diff][hierarchy]")
{
    EngineAdapter engine;
    DiffViewer viewer(engine);
    QSignalSpy ready(&viewer, &DiffViewer::sessionReady);
    viewer.compareFiles(
        kResources + QStringLiteral("/demo/user-v1.ttl"), kResources + QStringLiteral("/demo/user-v2.ttl"));
    REQUIRE(waitFor(ready));
    HierarchyView& view = *viewer.hierarchyView();
    HierarchyModel& model = *view.model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    viewer.setMode(DiffViewer::Mode::Hierarchy);
    CHECK(viewer.mode() == DiffViewer::Mode::Hierarchy);

    // Opens on the class tree, the first change selected with its Turtle: User's new restriction.
    CHECK(model.kind() == analysis::HierarchyKind::Classes);
    REQUIRE(view.currentEntry() >= 0);
    CHECK(viewer.sideBySide()->rightText().contains("owl:minCardinality"));

    view.setKind(analysis::HierarchyKind::Properties);
    view.setShow(HierarchyModel::Show::Everything);
    const int manages = rowNamed(model, QStringLiteral("manages"));
    REQUIRE(manages >= 0);
    const QModelIndex after = model.index(manages, HierarchyModel::New);
    CHECK(after.data().toString().contains(QStringLiteral("† ")));
    CHECK(after.data(Qt::FontRole).value<QFont>().strikeOut()); // deprecated: struck through in NEW
    CHECK_FALSE(model.index(manages, HierarchyModel::Old).data(Qt::FontRole).value<QFont>().strikeOut());
    // An added property is on the NEW side only, tinted.
    const int phone = rowNamed(model, QStringLiteral("hasPhoneNumber"));
    REQUIRE(phone >= 0);
    CHECK(model.index(phone, HierarchyModel::Old).data().toString().isEmpty());
    CHECK(model.index(phone, HierarchyModel::New).data(Qt::BackgroundRole).isValid());

    // Picking a term shows its grouped change and its Turtle before and after.
    view.table()->setCurrentIndex(after);
    CHECK(viewer.sideBySide()->leftText().contains(QStringLiteral(":manages")));
    CHECK(viewer.sideBySide()->rightText().contains(QStringLiteral("owl:deprecated")));

    // F7 / Shift+F7 step through the changed rows, in order.
    const std::vector<int> changed = model.changedRows();
    REQUIRE(changed.size() >= 3);
    view.table()->setCurrentIndex(model.index(changed[0], HierarchyModel::New));
    viewer.next();
    CHECK(view.table()->currentIndex().row() == changed[1]);
    viewer.previous();
    CHECK(view.table()->currentIndex().row() == changed[0]);

    // Changed only: no fold rows, only changes and their context; Everything: every term once.
    view.setShow(HierarchyModel::Show::ChangedOnly);
    for (int row = 0; row < model.rowCount(); ++row)
        CHECK(model.index(row, 0).data(HierarchyModel::kFoldRole).toULongLong() == 0);
    view.setShow(HierarchyModel::Show::FoldUnchanged);
    qulonglong folded = 0;
    int shown = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const qulonglong n = model.index(row, 0).data(HierarchyModel::kFoldRole).toULongLong();
        folded += n;
        shown += n == 0;
    }
    CHECK(folded + static_cast<qulonglong>(shown) == viewer.session()->alignedHierarchies[1].size());
    // A search keeps the matching terms.
    view.setShow(HierarchyModel::Show::ChangedOnly);
    model.setSearch(QStringLiteral("phone"));
    REQUIRE(model.rowCount() == 1);
    CHECK(model.index(0, HierarchyModel::New).data().toString().contains(QStringLiteral("hasPhoneNumber")));
    model.setSearch({});

    // Back to the list: its own widgets and selection.
    viewer.setMode(DiffViewer::Mode::List);
    CHECK(viewer.mode() == DiffViewer::Mode::List);
    CHECK(viewer.currentPosition() >= 0);
}

TEST_CASE("the Hierarchy mode on schema.org: a moved class has its two places, linked", "[ui][diff][hierarchy][corpus]")
{
    const auto schema = kCorpus / "schemaorg";
    if (!std::filesystem::exists(schema / "v27.02"))
        SKIP("the shared corpus is not at " << kCorpus.string());
    EngineAdapter engine;
    DiffViewer viewer(engine);
    QSignalSpy ready(&viewer, &DiffViewer::sessionReady);
    viewer.compareFiles(QString::fromStdString((schema / "v27.02/schemaorg-all-https.ttl").string()),
        QString::fromStdString((schema / "v28.0/schemaorg-all-https.ttl").string()));
    REQUIRE(waitFor(ready));
    viewer.setMode(DiffViewer::Mode::Hierarchy);
    HierarchyModel& model = *viewer.hierarchyView()->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const analysis::HierarchyTree& tree = *model.tree();
    const auto moved = std::find_if(tree.entries.begin(), tree.entries.end(), [](const analysis::HierarchyEntry& e) {
        return e.status == analysis::NodeStatus::Moved && e.label == "PaymentMethod";
    });
    REQUIRE(moved != tree.entries.end());
    const auto entry = static_cast<std::size_t>(moved - tree.entries.begin());
    const int oldRow = model.rowOf(entry, HierarchyModel::Old), newRow = model.rowOf(entry, HierarchyModel::New);
    REQUIRE(oldRow >= 0);
    REQUIRE(newRow >= 0);
    CHECK(oldRow != newRow); // Enumeration's child in 27.02, Intangible's in 28.0: two places, linked
    CHECK(model.index(oldRow, HierarchyModel::New).data(HierarchyModel::kEntryRole).toInt() != static_cast<int>(entry));
    CHECK(viewer.hierarchyView()->selectEntry(entry));
    CHECK(viewer.sideBySide()->leftText().contains(QStringLiteral("schema:Enumeration")));
    CHECK(viewer.sideBySide()->rightText().contains(QStringLiteral("schema:Intangible")));
}
