#pragma once
// Restoring a snapshot, the careful way: the dialog first runs the dry run and shows per graph
// what would change, names the backup snapshot that will be taken of the current state before
// anything is overwritten, and restores only when the user confirms.

#include "common/engine_adapter.h"

#include "evograph/workspace/snapshots.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace evograph::ui {

class RestoreDialog : public QDialog {
    Q_OBJECT
public:
    RestoreDialog(EngineAdapter& engine, const QString& workspacePath, const workspace::SnapshotSummary& snapshot,
        QWidget* parent = nullptr);

    QPushButton* restoreButton() const { return m_restore; }
    QString summaryText() const; // what the dialog tells the user (tests)
    const workspace::RestoreResult& result() const { return m_result; }

Q_SIGNALS:
    void dryRunReady(bool changes);
    void restored(const QString& snapshot, const QString& backup);

private:
    void showPlan(const workspace::StateDiff& plan);
    void restore();
    void showFailure(const QString& message);

    EngineAdapter& m_engine;
    QString m_path;
    std::string m_id;
    QLabel* m_intro;
    QTreeWidget* m_plan;
    QLabel* m_backup;
    QDialogButtonBox* m_buttons;
    QPushButton* m_restore;
    workspace::RestoreResult m_result;
};

} // namespace evograph::ui
