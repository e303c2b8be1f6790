#include "prune_dialog.h"

#include "common/display_format.h"
#include "common/workspace_jobs.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace evograph::ui {

PruneDialog::PruneDialog(EngineAdapter& engine, const QString& workspacePath,
    std::vector<workspace::SnapshotSummary> snapshots, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_path(workspacePath)
    , m_snapshots(std::move(snapshots))
    , m_last(new QSpinBox(this))
    , m_daily(new QSpinBox(this))
    , m_weekly(new QSpinBox(this))
    , m_preview(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_prune(new QPushButton(tr("Prune"), this))
{
    setWindowTitle(tr("Prune snapshots"));
    auto* form = new QFormLayout;
    for (auto [box, label] : {std::pair {m_last, tr("Keep the last")}, std::pair {m_daily, tr("Keep daily for (days)")},
             std::pair {m_weekly, tr("Keep weekly for (weeks)")}}) {
        box->setRange(0, 1000);
        form->addRow(label, box);
        connect(box, &QSpinBox::valueChanged, this, &PruneDialog::preview);
    }
    m_last->setValue(10);
    m_preview->setHeaderLabels({tr("Snapshot"), tr("Created"), tr("Name"), tr("Decision")});
    m_preview->setRootIsDecorated(false);
    m_preview->header()->setSectionResizeMode(QHeaderView::ResizeToContents); // dates and names in full
    m_preview->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_prune, QDialogButtonBox::DestructiveRole);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_prune, &QPushButton::clicked, this, &PruneDialog::prune);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(640, 440);
    preview();
}

void PruneDialog::setPolicy(const workspace::RetentionPolicy& policy)
{
    m_last->setValue(static_cast<int>(policy.keepLast));
    m_daily->setValue(static_cast<int>(policy.keepDaily));
    m_weekly->setValue(static_cast<int>(policy.keepWeekly));
    preview();
}

workspace::RetentionPolicy PruneDialog::policy() const
{
    return {static_cast<unsigned>(m_last->value()), static_cast<unsigned>(m_daily->value()),
        static_cast<unsigned>(m_weekly->value())};
}

void PruneDialog::preview()
{
    m_preview->clear();
    const workspace::RetentionPolicy current = policy();
    if (!current.keepsAnything()) {
        m_summary->setText(tr("A policy that keeps nothing would delete every snapshot: evograph refuses it."));
        m_prune->setEnabled(false);
        m_removed = 0;
        return;
    }
    m_removed = 0;
    for (const workspace::PruneDecision& decision : workspace::applyRetention(m_snapshots, current)) {
        QStringList reasons;
        for (const std::string& reason : decision.reasons)
            reasons << QString::fromStdString(reason);
        m_removed += decision.kept() ? 0 : 1;
        auto* item = new QTreeWidgetItem(m_preview,
            {QString::fromStdString(decision.id).left(8), localTime(decision.createdAt),
                QString::fromStdString(decision.name),
                decision.kept() ? tr("✔ keep (%1)").arg(reasons.join(QStringLiteral(", "))) : tr("✖ remove")});
        if (!decision.kept())
            item->setForeground(3, QColor(220, 50, 47));
    }
    m_summary->setText(tr("Keeps %1, removes %2 snapshot(s); contents nothing else reads are freed.")
                           .arg(static_cast<int>(m_snapshots.size()) - m_removed)
                           .arg(m_removed));
    m_prune->setEnabled(m_removed > 0);
}

void PruneDialog::prune()
{
    m_prune->setEnabled(false);
    runOnWorkspace(
        m_engine, this, m_path, workspace::Access::Write, tr("Pruning snapshots"), "prune",
        [policy = policy()](workspace::Workspace& ws, const workspace::Progress&) {
            return workspace::pruneSnapshots(ws, policy, false);
        },
        [this](std::shared_ptr<const std::vector<workspace::PruneDecision>> decisions) {
            Q_EMIT pruned(static_cast<int>(
                std::count_if(decisions->begin(), decisions->end(), [](const auto& d) { return !d.kept(); })));
            accept();
        });
}

} // namespace evograph::ui
