#pragma once
// The "Migrations" view: a plan's steps with their finding badges, the dry run's preview of each
// step (removed and added statements side by side, in the diff viewer's view), the approval panel
// (who approved or rejected what and when; approve or reject with a comment; sign an approval with
// an SSH key into a file, or load the files reviewers sent), apply with progress and cancel, and
// the journal with rollback. Apply and roll back ask first (confirmAction) and say afterwards what
// happened: the operation, its snapshot and its counts.
//
// The view holds no gate of its own: apply goes through migrate::applyPlan, which refuses a plan
// without the approval the policy requires, exactly as the CLI does.

#include "common/engine_adapter.h"

#include "evograph/migrate/migration.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace evograph::ui {

class MessageLine;

class SideBySideView;

class MigrationView : public QWidget {
    Q_OBJECT
public:
    explicit MigrationView(EngineAdapter& engine, QWidget* parent = nullptr);

    void setWorkspace(const QString& path);
    // The config file's [policies] override the workspace's settings at the approval gate.
    void setConfig(config::Config config) { m_config = std::move(config); }
    // Reads the plan file and runs its dry run on the workspace, counting these signed approvals.
    void openPlan(const QString& file, const QStringList& approvalFiles = {});

    void dryRun();
    void recordDecision(const QString& decision); // "approve" or "reject", with the panel's name and comment
    // Signs the plan's bytes with the SSH key as the panel's reviewer into `approvalFile`
    // (policy::signBytes, on a worker: ssh-keygen may ask for a passphrase through SSH_ASKPASS).
    void signApproval(const QString& keyFile, const QString& approvalFile);
    // SSH-signed approvals that the dry run and apply count (policies.approvals.allowed_signers).
    void addApprovalFiles(const QStringList& files);
    QStringList approvalFiles() const { return m_approvalFiles; }
    void apply(); // asks for confirmation first
    void applyConfirmed();
    void rollbackSelected(); // asks for confirmation first
    void rollbackConfirmed(const QString& operation);
    void refreshHistory();
    void selectStep(int row);

    QString message() const;
    QTreeWidget* stepList() const { return m_steps; }
    QTreeWidget* historyList() const { return m_history; }
    QTreeWidget* decisionList() const { return m_decisions; }
    SideBySideView* preview() const { return m_preview; }
    QLineEdit* reviewerField() const { return m_reviewer; }
    QLineEdit* commentField() const { return m_comment; }
    QPushButton* applyButton() const { return m_apply; }
    QPushButton* rollbackButton() const { return m_rollback; }
    QString appliedAs() const { return m_appliedAs; } // the operation this view applied the open plan as

Q_SIGNALS:
    void dryRunShown();
    void applied(const QString& operation);
    void applyRefused(const QString& reason);
    void rolledBack(const QString& operation);
    void approvalSigned(const QString& file);
    void historyShown();
    void eventHappened(const QString& what); // for the metric charts' markers

private:
    void showRun(const migrate::PlanRun& run, const migrate::ApprovalStatus& approval);
    void showStep(int row);
    void updateButtons();

    EngineAdapter& m_engine;
    QString m_path, m_planFile;
    std::optional<migrate::Plan> m_plan;
    std::optional<migrate::PlanRun> m_run;
    std::optional<migrate::ApprovalStatus> m_approval;
    int m_applyJob = 0;
    QString m_appliedAs; // set by apply: the plan is not applied twice from the view
    QStringList m_approvalFiles;
    config::Config m_config;

    QLabel *m_title, *m_approvalStatus, *m_stepDetails;
    MessageLine* m_message;
    QTreeWidget *m_steps, *m_decisions, *m_history;
    SideBySideView* m_preview;
    QLineEdit *m_reviewer, *m_comment;
    QPushButton *m_open, *m_dryRun, *m_approve, *m_reject, *m_sign, *m_loadApprovals, *m_apply, *m_cancel, *m_rollback;
};

} // namespace evograph::ui
