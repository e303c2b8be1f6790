#pragma once
// Pruning with a preview: the retention policy (keep last / daily / weekly) and, as it is
// edited, which snapshots it keeps and why and which it removes; Prune applies it.

#include "common/engine_adapter.h"

#include "evograph/workspace/snapshots.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace evograph::ui {

class PruneDialog : public QDialog {
    Q_OBJECT
public:
    PruneDialog(EngineAdapter& engine, const QString& workspacePath, std::vector<workspace::SnapshotSummary> snapshots,
        QWidget* parent = nullptr);

    void setPolicy(const workspace::RetentionPolicy& policy);
    int removedCount() const { return m_removed; }
    QPushButton* pruneButton() const { return m_prune; }

Q_SIGNALS:
    void pruned(int removed);

private:
    workspace::RetentionPolicy policy() const;
    void preview();
    void prune();

    EngineAdapter& m_engine;
    QString m_path;
    std::vector<workspace::SnapshotSummary> m_snapshots;
    QSpinBox* m_last;
    QSpinBox* m_daily;
    QSpinBox* m_weekly;
    QTreeWidget* m_preview;
    QLabel* m_summary;
    QPushButton* m_prune;
    int m_removed = 0;
};

} // namespace evograph::ui
