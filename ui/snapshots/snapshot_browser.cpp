#include "snapshot_browser.h"

#include "common/confirm_action.h"
#include "common/display_format.h"
#include "common/graph_versions.h"
#include "common/message_line.h"
#include "common/workspace_jobs.h"
#include "snapshots/prune_dialog.h"
#include "snapshots/restore_dialog.h"
#include "snapshots/snapshot_model.h"

#include "evograph/analysis/analyze.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace evograph::ui {

namespace {
using workspace::Access;
using workspace::Progress;
using workspace::Workspace;

QString manifestHtml(const workspace::SnapshotSummary& snapshot)
{
    const auto& m = snapshot.manifest;
    const QLocale locale;
    auto s = [](const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); };
    QString html = QStringLiteral("<h3>Snapshot %1</h3><table>").arg(s(m.id));
    auto row = [&html](const QString& key, const QString& value) {
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(key, value);
    };
    row(QObject::tr("Name"), s(m.name));
    row(QObject::tr("Created"), localTime(m.createdAt) + QStringLiteral(" (") + s(m.createdAt) + QLatin1Char(')'));
    row(QObject::tr("User"), s(m.user));
    QStringList tags;
    for (const std::string& tag : m.tags)
        tags << s(tag);
    row(QObject::tr("Tags"), tags.join(QStringLiteral(", ")));
    row(QObject::tr("State hash"), QStringLiteral("<code>%1</code>").arg(s(m.state)));
    row(QObject::tr("Audit record"),
        QStringLiteral("#%1 <code>%2</code>").arg(m.auditSeq).arg(s(m.auditHash.substr(0, 16))));
    row(QObject::tr("Stored size"), humanBytes(snapshot.storedBytes));
    row(QObject::tr("Last verified"),
        snapshot.verifiedAt ? localTime(*snapshot.verifiedAt) + QStringLiteral(" (")
                + s(snapshot.verifiedMode.value_or("")) + QLatin1Char(')')
                            : QObject::tr("never"));
    html += QStringLiteral(
        "</table><h4>Graphs</h4><table><tr><th align=left>Graph</th><th align=left>Version</th>"
        "<th align=right>Triples</th><th align=left>Ontology version</th><th align=left>Content</th></tr>");
    for (const workspace::SnapshotGraph& graph : m.graphs) {
        QStringList versions;
        for (const std::string& version : graph.ontologyVersions)
            versions << s(version);
        html
            += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td>%2 %3&nbsp;&nbsp;</td><td align=right>%4&nbsp;&nbsp;</td>"
                              "<td>%5&nbsp;&nbsp;</td><td><code>%6</code></td></tr>")
                   .arg(s(graph.name))
                   .arg(graph.version)
                   .arg(s(graph.label), locale.toString(static_cast<qulonglong>(graph.triples)),
                       versions.join(QStringLiteral("<br>")), s(graph.content.substr(0, 16)));
    }
    html += QStringLiteral("</table>");
    if (!m.settings.empty()) {
        html += QStringLiteral("<h4>Settings</h4><table>");
        for (const auto& [key, value] : m.settings)
            html += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td>%2</td></tr>").arg(s(key), s(value));
        html += QStringLiteral("</table>");
    }
    return html;
}

} // namespace

SnapshotBrowser::SnapshotBrowser(EngineAdapter& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(new SnapshotModel(this))
    , m_title(new QLabel(this))
    , m_message(new MessageLine(this))
    , m_table(new QTableView(this))
    , m_details(new QTextBrowser(this))
    , m_take(new QPushButton(tr("Take snapshot…"), this))
    , m_verify(new QPushButton(tr("Verify"), this))
    , m_verifyFull(new QPushButton(tr("Verify fully"), this))
    , m_diff(new QPushButton(tr("Diff"), this))
    , m_restore(new QPushButton(tr("Restore…"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_prune(new QPushButton(tr("Prune…"), this))
{
    m_title->setTextFormat(Qt::RichText);
    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("snapshotTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(SnapshotModel::Name, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SnapshotModel::Created, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SnapshotModel::Verified, QHeaderView::ResizeToContents);
    m_details->setOpenLinks(false);

    m_take->setToolTip(tr("Snapshot the current state of every graph and the settings"));
    m_verify->setToolTip(tr("Check the manifest and that every content it names is present"));
    m_verifyFull->setToolTip(tr("Also re-hash every stored graph and rebuild its canonical content"));
    m_diff->setToolTip(tr("Diff the selected snapshot against the current state, or two selected snapshots "
                          "against each other, in the diff viewer"));
    m_restore->setToolTip(tr("Restore the workspace to the selected snapshot (dry run and backup first)"));
    connect(m_take, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Take snapshot"), tr("Name:"), QLineEdit::Normal, tr("taken in the studio"), &ok);
        if (ok)
            takeSnapshot(name);
    });
    connect(m_verify, &QPushButton::clicked, this, [this] { verifySelected(false); });
    connect(m_verifyFull, &QPushButton::clicked, this, [this] { verifySelected(true); });
    connect(m_diff, &QPushButton::clicked, this, &SnapshotBrowser::diffSelected);
    connect(m_restore, &QPushButton::clicked, this, &SnapshotBrowser::restoreSelected);
    connect(m_delete, &QPushButton::clicked, this, &SnapshotBrowser::deleteSelected);
    connect(m_prune, &QPushButton::clicked, this, &SnapshotBrowser::pruneSnapshots);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showDetails();
        updateButtons();
    });
    auto* refreshAction = new QAction(this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &SnapshotBrowser::refresh);
    addAction(refreshAction);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_take, m_verify, m_verifyFull, m_diff, m_restore, m_delete, m_prune})
        buttons->addWidget(button);
    buttons->addStretch();
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    setWorkspace({});
}

void SnapshotBrowser::setWorkspace(const QString& path)
{
    m_path = path;
    m_model->setSnapshots({});
    m_title->setText(path.isEmpty()
            ? tr("<b>No workspace open.</b> Open one with File ▸ Open Workspace… (Ctrl+Shift+O).")
            : tr("<b>Workspace</b> %1").arg(path.toHtmlEscaped()));
    m_message->setMessage({});
    m_details->clear();
    updateButtons();
    if (!path.isEmpty())
        refresh();
}

void SnapshotBrowser::refresh()
{
    if (m_path.isEmpty())
        return;
    const QStringList selected = selectedIds();
    m_message->reportFailures(m_engine,
        runOnWorkspace(
            m_engine, this, m_path, Access::Read, tr("Listing snapshots"), "snapshot-list",
            [](Workspace& ws, const Progress&) { return workspace::listSnapshots(ws); },
            [this, selected](std::shared_ptr<const std::vector<workspace::SnapshotSummary>> list) {
                m_model->setSnapshots(*list);
                for (const QString& id : selected)
                    selectSnapshot(id);
                if (selected.isEmpty() && m_model->rowCount() > 0)
                    m_table->selectRow(0); // the newest, so its manifest shows
                if (m_model->rowCount() == 0)
                    m_details->setHtml(
                        tr("<p>No snapshots yet. <b>Take snapshot…</b> records the current state of every "
                           "graph; it costs the same whatever their size.</p>"));
                updateButtons();
                Q_EMIT refreshed();
            }));
}

void SnapshotBrowser::selectSnapshot(const QString& idOrPrefix)
{
    const QModelIndex index = m_model->indexOf(idOrPrefix);
    if (index.isValid())
        m_table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows),
            m_table->setCurrentIndex(index);
}

QStringList SnapshotBrowser::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids << index.data(SnapshotModel::kIdRole).toString();
    return ids;
}

void SnapshotBrowser::showDetails()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (const auto* snapshot = rows.isEmpty() ? nullptr : m_model->at(rows.back()))
        m_details->setHtml(manifestHtml(*snapshot));
}

void SnapshotBrowser::updateButtons()
{
    const auto selected = selectedIds().size();
    const bool open = !m_path.isEmpty();
    m_take->setEnabled(open);
    m_verify->setEnabled(selected >= 1);
    m_verifyFull->setEnabled(selected >= 1);
    m_diff->setEnabled(selected == 1 || selected == 2);
    m_diff->setText(selected == 2 ? tr("Diff the two") : tr("Diff with current"));
    m_restore->setEnabled(selected == 1);
    m_delete->setEnabled(selected == 1);
    m_prune->setEnabled(open && m_model->rowCount() > 0);
}

void SnapshotBrowser::takeSnapshot(const QString& name)
{
    m_message->reportFailures(m_engine,
        runOnWorkspace(
            m_engine, this, m_path, Access::Write, tr("Taking a snapshot"), "snapshot-create",
            [name = name.toStdString()](Workspace& ws, const Progress&) { return workspace::createSnapshot(ws, name); },
            [this](std::shared_ptr<const std::string> id) {
                m_message->setMessage(tr("Took snapshot %1.").arg(QString::fromStdString(*id)));
                Q_EMIT eventHappened(tr("snapshot taken"));
                m_table->clearSelection();
                refresh();
                connect(
                    this, &SnapshotBrowser::refreshed, this,
                    [this, id = QString::fromStdString(*id)] { selectSnapshot(id); }, Qt::SingleShotConnection);
            }));
}

void SnapshotBrowser::verifySelected(bool full)
{
    for (const QString& id : selectedIds()) {
        m_message->reportFailures(m_engine,
            runOnWorkspace(
                m_engine, this, m_path, Access::Read,
                full ? tr("Verifying %1 fully").arg(id.left(8)) : tr("Verifying %1").arg(id.left(8)), "snapshot-verify",
                [id = id.toStdString(), full](Workspace& ws, const Progress& progress) {
                    return workspace::verifySnapshot(ws, id, full, progress);
                },
                [this](std::shared_ptr<const workspace::VerifyReport> report) {
                    const QString verifiedId = QString::fromStdString(report->id);
                    if (report->ok()) {
                        m_message->setMessage(tr("✔ Snapshot %1 verified (%2).")
                                                  .arg(verifiedId.left(8), report->full ? tr("full") : tr("quick")));
                    } else {
                        QStringList problems;
                        for (const std::string& problem : report->problems)
                            problems << QString::fromStdString(problem);
                        m_message->setMessage(tr("✖ Snapshot %1 does not verify:\n%2")
                                                  .arg(verifiedId.left(8), problems.join(QLatin1Char('\n'))));
                    }
                    Q_EMIT verified(verifiedId, report->ok());
                    refresh();
                }));
    }
}

void SnapshotBrowser::diffSelected()
{
    QStringList ids = selectedIds();
    if (ids.isEmpty() || ids.size() > 2)
        return;
    // Older first: the model lists newest first.
    std::sort(ids.begin(), ids.end(),
        [this](const QString& a, const QString& b) { return m_model->indexOf(a).row() > m_model->indexOf(b).row(); });
    const auto* from = m_model->at(m_model->indexOf(ids.front()));
    QStringList graphs;
    for (const auto& graph : from->manifest.graphs)
        graphs << QString::fromStdString(graph.name);
    if (graphs.isEmpty()) {
        m_message->setMessage(tr("Snapshot %1 has no graphs to diff.").arg(ids.front().left(8)));
        return;
    }
    QString graph = graphs.front();
    if (graphs.size() > 1) {
        bool ok = false;
        graph = QInputDialog::getItem(this, tr("Diff snapshots"), tr("Graph:"), graphs, 0, false, &ok);
        if (!ok)
            return;
    }
    const std::string to = ids.size() == 2 ? ids.back().toStdString() : std::string();
    const QString oldName = QStringLiteral("%1 @ %2").arg(graph, ids.front().left(8));
    const QString newName = QStringLiteral("%1 @ %2").arg(graph, to.empty() ? tr("current") : ids.back().left(8));
    Q_EMIT diffRequested(
        [path = m_path.toStdString(), graph = graph.toStdString(), from = ids.front().toStdString(), to](
            const engine::TaskContext& context) { return readSnapshotGraphs(path, graph, from, to, context); },
        oldName, newName);
}

void SnapshotBrowser::restoreSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    auto* dialog = new RestoreDialog(m_engine, m_path, *m_model->at(rows.front()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RestoreDialog::restored, this, [this](const QString& snapshot, const QString& backup) {
        m_message->setMessage(
            tr("Restored snapshot %1. The state before it is backup snapshot %2.").arg(snapshot.left(8), backup));
        Q_EMIT eventHappened(tr("restore"));
        refresh();
    });
    dialog->open();
}

void SnapshotBrowser::deleteSelected()
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1)
        return;
    const auto* snapshot = m_model->at(m_model->indexOf(ids.front()));
    if (!confirmAction(this,
            {tr("Delete snapshot"), tr("Delete snapshot %1 from %2?").arg(ids.front().left(8), m_path),
                {tr("“%1”, taken %2")
                        .arg(QString::fromStdString(snapshot->manifest.name), localTime(snapshot->manifest.createdAt)),
                    tr("Contents that no other snapshot or version reads are freed")},
                tr("This cannot be undone."), tr("Delete")}))
        return;
    m_message->reportFailures(m_engine,
        runOnWorkspace(
            m_engine, this, m_path, Access::Write, tr("Deleting snapshot %1").arg(ids.front().left(8)),
            "snapshot-delete",
            [id = ids.front().toStdString()](Workspace& ws, const Progress&) {
                workspace::deleteSnapshot(ws, id);
                return id;
            },
            [this](std::shared_ptr<const std::string> id) {
                m_message->setMessage(tr("Deleted snapshot %1.").arg(QString::fromStdString(*id).left(8)));
                refresh();
            }));
}

void SnapshotBrowser::pruneSnapshots()
{
    std::vector<workspace::SnapshotSummary> oldestFirst(m_model->snapshots().rbegin(), m_model->snapshots().rend());
    auto* dialog = new PruneDialog(m_engine, m_path, std::move(oldestFirst), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PruneDialog::pruned, this, [this](int removed) {
        m_message->setMessage(tr("Pruned %n snapshot(s).", nullptr, removed));
        refresh();
    });
    dialog->open();
}

} // namespace evograph::ui
