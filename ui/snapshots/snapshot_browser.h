#pragma once
// The snapshot browser (admins): the workspace's snapshots, the selected one's manifest, and the
// operations on them: take, verify (quick or full, with progress), diff against the current
// state or another snapshot (in the diff viewer), restore (dry run first, backup named),
// delete and prune (with a preview).

#include "common/engine_adapter.h"
#include "common/graph_versions.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace evograph::ui {

class MessageLine;

class SnapshotModel;

class SnapshotBrowser : public QWidget {
    Q_OBJECT
public:
    explicit SnapshotBrowser(EngineAdapter& engine, QWidget* parent = nullptr);

    // Shows the snapshots of the workspace at `path` (empty: none open).
    void setWorkspace(const QString& path);
    const QString& workspacePath() const { return m_path; }
    void refresh();
    void selectSnapshot(const QString& idOrPrefix);
    SnapshotModel* model() const { return m_model; }

    void takeSnapshot(const QString& name);
    void verifySelected(bool full);
    void diffSelected(); // against the other selected snapshot, or the current state
    void restoreSelected(); // opens the restore dialog
    void deleteSelected();
    void pruneSnapshots();

Q_SIGNALS:
    void refreshed();
    void verified(const QString& id, bool ok);
    // Diff two states of one graph in the diff viewer.
    void diffRequested(VersionsReader read, const QString& oldName, const QString& newName);
    void eventHappened(const QString& what); // for the metric charts' markers

private:
    QStringList selectedIds() const;
    void showDetails();
    void updateButtons();
    // Shows the job's failure in the message line; returns the job.

    EngineAdapter& m_engine;
    QString m_path;
    SnapshotModel* m_model;
    QLabel* m_title;
    MessageLine* m_message;
    QTableView* m_table;
    QTextBrowser* m_details;
    QPushButton *m_take, *m_verify, *m_verifyFull, *m_diff, *m_restore, *m_delete, *m_prune;
};

} // namespace evograph::ui
