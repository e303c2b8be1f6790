#include "restore_dialog.h"

#include "common/display_format.h"
#include "common/workspace_jobs.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace evograph::ui {

using workspace::GraphChange;

RestoreDialog::RestoreDialog(
    EngineAdapter& engine, const QString& workspacePath, const workspace::SnapshotSummary& snapshot, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_path(workspacePath)
    , m_id(snapshot.manifest.id)
    , m_intro(new QLabel(this))
    , m_plan(new QTreeWidget(this))
    , m_backup(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_restore(m_buttons->addButton(tr("Restore"), QDialogButtonBox::DestructiveRole))
{
    const QString id = QString::fromStdString(m_id);
    setWindowTitle(tr("Restore snapshot %1").arg(id.left(8)));
    m_intro->setWordWrap(true);
    m_intro->setText(tr("Restore the workspace to snapshot <b>%1</b> %2 taken %3 by %4.<br>Working out what would "
                        "change (dry run)…")
                         .arg(id.left(8), QString::fromStdString(snapshot.manifest.name).toHtmlEscaped(),
                             localTime(snapshot.manifest.createdAt), QString::fromStdString(snapshot.manifest.user)));
    m_plan->setHeaderLabels({tr("Graph or setting"), tr("What restoring does")});
    m_plan->setRootIsDecorated(false);
    m_plan->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_backup->setWordWrap(true);
    m_backup->setTextFormat(Qt::RichText);
    m_backup->setText(tr("Before anything is overwritten, evograph takes a snapshot of the current state named "
                         "<b>“backup before restoring %1”</b>, tagged <b>backup</b>, and verifies it; restoring that "
                         "snapshot undoes this restore. Everything happens in one transaction: if any step fails, "
                         "nothing changes.")
                          .arg(id));
    m_restore->setEnabled(false);
    m_restore->setDefault(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true); // Enter never overwrites anything
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, &RestoreDialog::restore);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_plan, 1);
    layout->addWidget(m_backup);
    layout->addWidget(m_buttons);
    resize(620, 420);

    const int planJob = runOnWorkspace(
        m_engine, this, m_path, workspace::Access::Read, tr("Dry run of restoring %1").arg(id.left(8)), "restore-plan",
        [id = m_id](workspace::Workspace& ws, const workspace::Progress& progress) {
            return workspace::planRestore(ws, id, progress);
        },
        [this](std::shared_ptr<const workspace::StateDiff> plan) { showPlan(*plan); });
    m_engine.onFailure(planJob, this, [this](const QString& message) { showFailure(message); });
}

void RestoreDialog::showPlan(const workspace::StateDiff& plan)
{
    const QLocale locale;
    for (const GraphChange& graph : plan.graphs) {
        QString what;
        switch (graph.status) {
        case GraphChange::Status::Unchanged:
            what = tr("unchanged");
            break;
        case GraphChange::Status::Changed:
            what = tr("would add %1, remove %2 triples")
                       .arg(locale.toString(static_cast<qulonglong>(graph.added)),
                           locale.toString(static_cast<qulonglong>(graph.removed)));
            break;
        case GraphChange::Status::Created:
            what = tr("would be created with %1 triples").arg(locale.toString(static_cast<qulonglong>(graph.added)));
            break;
        case GraphChange::Status::Removed:
            what = tr("would lose its current version (%1 triples)")
                       .arg(locale.toString(static_cast<qulonglong>(graph.removed)));
            break;
        }
        new QTreeWidgetItem(m_plan, {QString::fromStdString(graph.graph), what});
    }
    for (const auto& [key, change] : plan.settings)
        new QTreeWidgetItem(m_plan,
            {tr("setting %1").arg(QString::fromStdString(key)),
                tr("%1 → %2").arg(QString::fromStdString(change.first.value_or("(unset)")),
                    QString::fromStdString(change.second.value_or("(unset)")))});
    const bool changes = !plan.empty();
    m_intro->setText(m_intro->text().section(QStringLiteral("<br>"), 0, 0) + QStringLiteral("<br>")
        + (changes ? tr("Dry run: restoring would make these changes.")
                   : tr("Dry run: the current state already equals this snapshot; there is nothing to restore.")));
    m_restore->setEnabled(changes);
    Q_EMIT dryRunReady(changes);
}

void RestoreDialog::restore()
{
    m_restore->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
    m_intro->setText(tr("Restoring… (backing up the current state first)"));
    const int restoreJob = runOnWorkspace(
        m_engine, this, m_path, workspace::Access::Write,
        tr("Restoring snapshot %1").arg(QString::fromStdString(m_id).left(8)), "restore",
        [id = m_id](workspace::Workspace& ws, const workspace::Progress& progress) {
            return workspace::restoreSnapshot(ws, id, progress);
        },
        [this](std::shared_ptr<const workspace::RestoreResult> result) {
            m_result = *result;
            Q_EMIT restored(QString::fromStdString(result->snapshot), QString::fromStdString(result->backup));
            accept();
        });
    m_engine.onFailure(restoreJob, this, [this](const QString& message) { showFailure(message); });
}

void RestoreDialog::showFailure(const QString& message)
{
    m_intro->setText(tr("<b>Cannot restore:</b> %1").arg(message.toHtmlEscaped()));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
}

QString RestoreDialog::summaryText() const
{
    QStringList lines {m_intro->text()};
    for (int i = 0; i < m_plan->topLevelItemCount(); ++i)
        lines << m_plan->topLevelItem(i)->text(0) + QStringLiteral(": ") + m_plan->topLevelItem(i)->text(1);
    lines << m_backup->text();
    return lines.join(QLatin1Char('\n'));
}

} // namespace evograph::ui
