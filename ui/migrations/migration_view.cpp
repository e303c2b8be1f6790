#include "migration_view.h"

#include "common/confirm_action.h"
#include "common/display_format.h"
#include "common/message_line.h"
#include "common/side_by_side_view.h"
#include "common/workspace_jobs.h"

#include "evograph/engine/atomic_file.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <pwd.h>
#include <unistd.h>

namespace evograph::ui {

namespace {
using workspace::Access;
using workspace::Progress;
using workspace::Workspace;

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

std::vector<std::string> stdStrings(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& s : list)
        out.push_back(s.toStdString());
    return out;
}

// Badge text and colour of a step: its finding code, and "rewrites data" when it removes triples.
std::pair<QString, QColor> badge(const migrate::StepOutcome& step)
{
    switch (step.code) {
    case migrate::FindingCode::Destructive:
        return {QStringLiteral("✖ DS"), QColor(220, 50, 47)};
    case migrate::FindingCode::BreakingForConsumers:
        return {step.removed > 0 ? QStringLiteral("● BC ✎") : QStringLiteral("● BC"), QColor(203, 75, 22)};
    case migrate::FindingCode::MayFail:
        return {QStringLiteral("▲ MF"), QColor(181, 137, 0)};
    }
    return {};
}
} // namespace

MigrationView::MigrationView(EngineAdapter& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_title(new QLabel(this))
    , m_approvalStatus(new QLabel(this))
    , m_stepDetails(new QLabel(this))
    , m_message(new MessageLine(this))
    , m_steps(new QTreeWidget(this))
    , m_decisions(new QTreeWidget(this))
    , m_history(new QTreeWidget(this))
    , m_preview(new SideBySideView(this))
    , m_reviewer(new QLineEdit(this))
    , m_comment(new QLineEdit(this))
    , m_open(new QPushButton(tr("Open plan…"), this))
    , m_dryRun(new QPushButton(tr("Dry run"), this))
    , m_approve(new QPushButton(tr("Approve"), this))
    , m_reject(new QPushButton(tr("Reject"), this))
    , m_sign(new QPushButton(tr("Sign with SSH key…"), this))
    , m_loadApprovals(new QPushButton(tr("Load signed approvals…"), this))
    , m_apply(new QPushButton(tr("Apply…"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_rollback(new QPushButton(tr("Roll back"), this))
{
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    for (QLabel* label : {m_approvalStatus, m_stepDetails}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_steps->setObjectName(QStringLiteral("migrationSteps"));
    m_steps->setHeaderLabels({tr("Finding"), tr("Step"), tr("Kind"), tr("Added"), tr("Removed"), tr("Checks")});
    m_steps->setRootIsDecorated(false);
    m_steps->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_decisions->setHeaderLabels({tr("When"), tr("Decision"), tr("Reviewer"), tr("Recorded by"), tr("Comment")});
    m_decisions->setRootIsDecorated(false);
    m_decisions->header()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_history->setObjectName(QStringLiteral("migrationHistory"));
    m_history->setHeaderLabels(
        {tr("Operation"), tr("Finished"), tr("Kind"), tr("Status"), tr("Correlation"), tr("Plan"), tr("+/−")});
    m_history->setRootIsDecorated(false);
    m_history->header()->setSectionResizeMode(5, QHeaderView::Stretch);
    m_reviewer->setPlaceholderText(tr("reviewer's name"));
    if (const passwd* user = ::getpwuid(::geteuid()); user && user->pw_name)
        m_reviewer->setText(QString::fromLocal8Bit(user->pw_name)); // the login, as the workspace records it
    m_comment->setPlaceholderText(tr("comment (why)"));
    m_preview->clear(tr("Open a plan and run its dry run to preview each step."));

    m_dryRun->setToolTip(tr("Run every step on a copy of the current data: counts, statements, checks, findings"));
    m_apply->setToolTip(tr("Apply the plan: a verified snapshot first, every step in one transaction, "
                           "rolled back if a step or check fails. Needs approval when it deletes or rewrites data."));
    m_cancel->setToolTip(tr("Cancel the running apply: nothing is written"));
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Open migration plan"), {}, tr("Migration plans (*.yaml *.yml);;All files (*)"));
        if (!file.isEmpty())
            openPlan(file);
    });
    connect(m_dryRun, &QPushButton::clicked, this, &MigrationView::dryRun);
    connect(m_approve, &QPushButton::clicked, this, [this] { recordDecision(QStringLiteral("approve")); });
    connect(m_reject, &QPushButton::clicked, this, [this] { recordDecision(QStringLiteral("reject")); });
    m_sign->setToolTip(tr("Sign the plan's exact bytes with your SSH key into an approval file to send to the applier "
                          "(as evograph migrate approve --sign-with)"));
    m_loadApprovals->setToolTip(tr("Count approvals that reviewers signed with their SSH keys: their keys must be "
                                   "listed in the file policies.approvals.allowed_signers names"));
    connect(m_sign, &QPushButton::clicked, this, [this] {
        const QString key = QFileDialog::getOpenFileName(this, tr("Sign with SSH key"),
            QDir::homePath() + QStringLiteral("/.ssh"), tr("SSH keys (id_* *.pub);;All files (*)"));
        if (key.isEmpty())
            return;
        const QString out = QFileDialog::getSaveFileName(this, tr("Save the signed approval"),
            m_planFile + QLatin1Char('.') + m_reviewer->text().trimmed() + QStringLiteral(".approval"),
            tr("Approvals (*.approval)"));
        if (!out.isEmpty())
            signApproval(key, out);
    });
    connect(m_loadApprovals, &QPushButton::clicked, this, [this] {
        addApprovalFiles(QFileDialog::getOpenFileNames(this, tr("Load signed approvals"),
            QFileInfo(m_planFile).absolutePath(), tr("Approvals (*.approval *.sig);;All files (*)")));
    });
    connect(m_apply, &QPushButton::clicked, this, &MigrationView::apply);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_engine.cancel(m_applyJob); });
    connect(m_rollback, &QPushButton::clicked, this, &MigrationView::rollbackSelected);
    connect(m_steps, &QTreeWidget::currentItemChanged, this,
        [this] { showStep(m_steps->indexOfTopLevelItem(m_steps->currentItem())); });
    connect(m_history, &QTreeWidget::currentItemChanged, this, &MigrationView::updateButtons);
    connect(&m_engine, &EngineAdapter::jobFinished, this, [this](int job) {
        if (job == m_applyJob)
            m_applyJob = 0, updateButtons();
    });

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_open, m_dryRun, m_apply, m_cancel})
        buttons->addWidget(b);
    buttons->addStretch();

    auto* approvalPanel = new QWidget(this);
    auto* approvalForm = new QHBoxLayout;
    approvalForm->addWidget(new QLabel(tr("Reviewer:"), approvalPanel));
    approvalForm->addWidget(m_reviewer);
    approvalForm->addWidget(m_comment, 1);
    approvalForm->addWidget(m_approve);
    approvalForm->addWidget(m_reject);
    approvalForm->addWidget(m_sign);
    approvalForm->addWidget(m_loadApprovals);
    auto* approvalLayout = new QVBoxLayout(approvalPanel);
    approvalLayout->addWidget(m_approvalStatus);
    approvalLayout->addLayout(approvalForm);
    approvalLayout->addWidget(m_decisions, 1);

    auto* historyPanel = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyPanel);
    historyLayout->addWidget(m_history, 1);
    auto* historyButtons = new QHBoxLayout;
    historyButtons->addWidget(m_rollback);
    historyButtons->addStretch();
    historyLayout->addLayout(historyButtons);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(approvalPanel, tr("Approval"));
    tabs->addTab(historyPanel, tr("History"));

    auto* previewPanel = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewPanel);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_stepDetails);
    previewLayout->addWidget(m_preview, 1);
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_steps);
    top->addWidget(previewPanel);
    top->setSizes({480, 720});
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(tabs);
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

void MigrationView::setWorkspace(const QString& path)
{
    m_path = path;
    m_history->clear();
    m_message->setMessage({});
    updateButtons();
    if (!path.isEmpty()) {
        refreshHistory();
        if (m_plan)
            dryRun();
    }
}

void MigrationView::openPlan(const QString& file, const QStringList& approvalFiles)
{
    try {
        m_plan = migrate::loadPlan(file.toStdString());
    } catch (const std::exception& e) {
        m_plan.reset();
        m_message->setMessage(tr("✖ %1").arg(QString::fromStdString(e.what())));
        updateButtons();
        return;
    }
    m_planFile = file;
    m_appliedAs.clear();
    m_approvalFiles = approvalFiles;
    m_run.reset();
    m_approval.reset();
    m_steps->clear();
    m_message->setMessage({});
    updateButtons();
    dryRun();
}

QString MigrationView::message() const
{
    return m_message->text();
}

void MigrationView::updateButtons()
{
    const bool ready = m_plan && !m_path.isEmpty();
    const bool applying = m_applyJob != 0;
    m_dryRun->setEnabled(ready && !applying);
    m_approve->setEnabled(ready && !applying);
    m_reject->setEnabled(ready && !applying);
    m_sign->setEnabled(m_plan && !applying);
    m_loadApprovals->setEnabled(ready && !applying);
    // Enabled only when the dry run says the policy lets it run, and not again once applied;
    // applyPlan checks again regardless.
    m_apply->setEnabled(ready && !applying && m_appliedAs.isEmpty() && m_approval && m_approval->satisfied && m_run
        && m_run->checksPassed());
    m_apply->setToolTip(!m_appliedAs.isEmpty()
            ? tr("Already applied as %1: roll it back in History, or open the plan again").arg(m_appliedAs)
            : tr("Apply the plan: a verified snapshot first, every step in one transaction, rolled back if a step or "
                 "check fails. Needs approval when it deletes or rewrites data."));
    m_cancel->setVisible(applying);
    const QTreeWidgetItem* op = m_history->currentItem();
    m_rollback->setEnabled(
        !applying && op && op->text(2) == QLatin1String("apply") && op->text(3) == QLatin1String("applied"));
    QString title = m_path.isEmpty() ? tr("<b>No workspace open.</b> Open one with File ▸ Open Workspace…")
                                     : tr("<b>Workspace</b> %1").arg(m_path.toHtmlEscaped());
    if (m_plan)
        title += tr("<br><b>Plan</b> %1 &nbsp; <code>%2</code> &nbsp; %3 → %4%5")
                     .arg(m_planFile.toHtmlEscaped(), qs(m_plan->hash.substr(0, 12)), qs(m_plan->from).toHtmlEscaped(),
                         qs(m_plan->to).toHtmlEscaped(),
                         m_appliedAs.isEmpty() ? QString() : tr(" &nbsp; <b>applied as %1</b>").arg(m_appliedAs));
    else
        title += tr("<br>No plan open: <b>Open plan…</b> (write one with <code>evograph migrate plan</code>).");
    m_title->setText(title);
}

void MigrationView::dryRun()
{
    if (!m_plan || m_path.isEmpty())
        return;
    m_message->reportFailures(m_engine,
        runOnWorkspace(
            m_engine, this, m_path, Access::Read, tr("Dry run of %1").arg(QFileInfo(m_planFile).fileName()),
            "migrate-dry-run",
            [plan = *m_plan, config = m_config, files = stdStrings(m_approvalFiles)](Workspace& ws,
                const Progress& progress) { return migrate::preview(ws, plan, config, {50}, progress, files); },
            [this](std::shared_ptr<const migrate::Preview> result) { showRun(result->run, result->approval); }));
}

void MigrationView::showRun(const migrate::PlanRun& run, const migrate::ApprovalStatus& approval)
{
    m_run = run;
    m_approval = approval;
    m_steps->clear();
    for (const migrate::StepOutcome& step : run.steps) {
        int passed = 0, total = 0;
        for (const migrate::CheckResult& c : run.checks)
            if (c.step == step.id)
                ++total, passed += c.passed();
        auto* item = new QTreeWidgetItem(m_steps,
            {badge(step).first, qs(step.id), qs(std::string(migrate::toString(step.kind))), QString::number(step.added),
                QString::number(step.removed),
                total == 0 ? QStringLiteral("–") : tr("%1/%2 pass").arg(passed).arg(total)});
        item->setForeground(0, badge(step).second);
        item->setToolTip(0, step.destructive() ? tr("Deletes or rewrites data: needs approval") : tr("Adds data only"));
        item->setToolTip(1, qs(step.description));
        if (passed < total)
            item->setForeground(5, QColor(220, 50, 47));
    }
    for (int c = 0; c < m_steps->columnCount(); ++c)
        if (c != 2)
            m_steps->resizeColumnToContents(c);
    m_decisions->clear();
    for (const workspace::Approval& a : approval.decisions)
        new QTreeWidgetItem(m_decisions,
            {localTime(a.at), a.decision == "approve" ? tr("✔ approved") : tr("✖ rejected"), qs(a.reviewer),
                qs(a.recordedBy), qs(a.comment)});
    for (const policy::SignedApproval& signature : approval.signatures) {
        auto* item = new QTreeWidgetItem(m_decisions,
            {tr("signed file"), signature.counts ? tr("✔ approved") : tr("✖ does not count"), qs(signature.signer),
                signature.counts ? qs(signature.key) : qs(signature.problem),
                QFileInfo(qs(signature.file)).fileName()});
        item->setToolTip(3, signature.counts ? qs(signature.key) : qs(signature.problem));
    }
    m_approvalStatus->setText(
        (approval.satisfied ? tr("✔ May run: %1") : tr("✖ Not approved: %1")).arg(qs(approval.reason).toHtmlEscaped()));
    m_message->setMessage(tr("Dry run: %1 steps, +%2 −%3 triples, checks %4. Nothing was written.")
                              .arg(run.steps.size())
                              .arg(run.added)
                              .arg(run.removed)
                              .arg(run.checksPassed() ? tr("pass") : tr("FAIL")));
    if (!run.steps.empty())
        m_steps->setCurrentItem(m_steps->topLevelItem(0));
    updateButtons();
    Q_EMIT dryRunShown();
}

void MigrationView::selectStep(int row)
{
    if (QTreeWidgetItem* item = m_steps->topLevelItem(row))
        m_steps->setCurrentItem(item);
}

void MigrationView::showStep(int row)
{
    if (!m_run || row < 0 || row >= static_cast<int>(m_run->steps.size()))
        return;
    const migrate::StepOutcome& step = m_run->steps[static_cast<std::size_t>(row)];
    QString details
        = QStringLiteral("<b>%1</b> %2").arg(qs(step.id).toHtmlEscaped(), qs(step.description).toHtmlEscaped());
    for (const migrate::CheckResult& c : m_run->checks)
        if (c.step == step.id)
            details += QStringLiteral("<br>%1 check %2 [%3]: %4")
                           .arg(c.passed() ? QStringLiteral("✔") : QStringLiteral("✖"), qs(c.when), qs(c.graph),
                               qs(c.description).toHtmlEscaped());
    for (const migrate::Finding& f : m_run->findings)
        if (f.step == step.id)
            details += QStringLiteral("<br>%1: %2")
                           .arg(qs(std::string(migrate::toString(f.code))), qs(f.message).toHtmlEscaped());
    m_stepDetails->setText(details);
    const auto lines = [](const std::vector<std::string>& statements, std::size_t total) {
        QStringList out;
        for (const std::string& s : statements)
            out << qs(s);
        if (total > statements.size())
            out << tr("… and %1 more").arg(total - statements.size());
        return out.join(QLatin1Char('\n'));
    };
    m_preview->setTexts(tr("Removed (%1)").arg(step.removed), lines(step.removedPreview, step.removed),
        tr("Added (%1)").arg(step.added), lines(step.addedPreview, step.added));
}

void MigrationView::recordDecision(const QString& decision)
{
    if (!m_plan || m_path.isEmpty())
        return;
    if (m_reviewer->text().trimmed().isEmpty()) {
        m_message->setMessage(tr("✖ Give the reviewer's name first."));
        return;
    }
    workspace::Approval approval;
    approval.planHash = m_plan->hash;
    approval.planName = m_planFile.toStdString();
    approval.decision = decision.toStdString();
    approval.reviewer = m_reviewer->text().trimmed().toStdString();
    approval.comment = m_comment->text().toStdString();
    m_message->reportFailures(m_engine,
        runOnWorkspace(
            m_engine, this, m_path, Access::Write,
            decision == QLatin1String("approve") ? tr("Approving") : tr("Rejecting"), "migrate-approval",
            [approval](Workspace& ws, const Progress&) { return workspace::recordApproval(ws, approval); },
            [this](std::shared_ptr<const workspace::Approval> recorded) {
                m_message->setMessage(tr("%1 by %2 (recorded by %3).")
                                          .arg(recorded->decision == "approve" ? tr("Approved") : tr("Rejected"),
                                              qs(recorded->reviewer), qs(recorded->recordedBy)));
                m_comment->clear();
                dryRun(); // the approval panel and the Apply button follow the new decision
            }));
}

void MigrationView::signApproval(const QString& keyFile, const QString& approvalFile)
{
    if (!m_plan)
        return;
    m_message->reportFailures(m_engine,
        m_engine.run(
            this, {}, tr("Signing %1").arg(QFileInfo(m_planFile).fileName()), "migrate-sign",
            [text = m_plan->text, key = keyFile.toStdString(), out = approvalFile.toStdString()](
                const engine::TaskContext&) {
                engine::writeFileAtomically(out, policy::signBytes(text, key));
                return out;
            },
            [this](std::shared_ptr<const std::string> file) {
                m_message->setMessage(tr("✔ Signed an approval of %1 (hash %2) as %3: %4. Send it to the applier.")
                                          .arg(QFileInfo(m_planFile).fileName(), qs(m_plan->hash.substr(0, 12)),
                                              m_reviewer->text().trimmed(), qs(*file)));
                Q_EMIT approvalSigned(qs(*file));
            }));
}

void MigrationView::addApprovalFiles(const QStringList& files)
{
    for (const QString& file : files)
        if (!m_approvalFiles.contains(file))
            m_approvalFiles << file;
    if (!files.isEmpty())
        dryRun(); // the approval panel says for each whether it counts; Apply follows
}

void MigrationView::apply()
{
    if (!m_plan || !m_run)
        return;
    QStringList changes;
    for (const migrate::StepOutcome& step : m_run->steps)
        changes << tr("%1 (%2): +%3 −%4 triples")
                       .arg(qs(step.id), qs(std::string(migrate::toString(step.kind))))
                       .arg(step.added)
                       .arg(step.removed);
    if (m_approval)
        changes << tr("Approval: %1").arg(qs(m_approval->reason));
    if (confirmAction(this,
            {tr("Apply migration"),
                tr("Apply %1 to %2? It changes %3 triples in %4 steps.")
                    .arg(QFileInfo(m_planFile).fileName(), m_path)
                    .arg(m_run->added + m_run->removed)
                    .arg(m_run->steps.size()),
                changes, tr("A verified snapshot is taken first; the History tab rolls the migration back."),
                tr("Apply")}))
        applyConfirmed();
}

void MigrationView::applyConfirmed()
{
    if (!m_plan || m_path.isEmpty())
        return;
    m_applyJob = runOnWorkspace(
        m_engine, this, m_path, Access::Write, tr("Applying %1").arg(QFileInfo(m_planFile).fileName()), "migrate-apply",
        [plan = *m_plan, config = m_config, files = stdStrings(m_approvalFiles)](
            Workspace& ws, const Progress& progress) {
            return migrate::applyPlan(ws, plan, {{}, {}, config, files}, progress);
        },
        [this](std::shared_ptr<const migrate::ApplyResult> result) {
            const auto& op = result->operation;
            // The dry run is not run again: its "+0 −0, nothing was written" would hide what happened.
            m_appliedAs = qs(op.id);
            m_message->setMessage(tr("✔ Applied as %1 (+%2 −%3 triples); snapshot %4 was taken first. %5")
                                      .arg(qs(op.id))
                                      .arg(result->run.added)
                                      .arg(result->run.removed)
                                      .arg(qs(op.preSnapshot), qs(op.approval)));
            updateButtons();
            Q_EMIT eventHappened(tr("migration applied"));
            Q_EMIT applied(qs(op.id));
            refreshHistory();
        });
    m_engine.onFailure(m_applyJob, this, [this](const QString& message) {
        m_message->setMessage(tr("✖ Not applied: %1").arg(message));
        Q_EMIT applyRefused(message);
        refreshHistory();
    });
    updateButtons();
}

void MigrationView::refreshHistory()
{
    if (m_path.isEmpty())
        return;
    m_message->reportFailures(m_engine,
        runOnWorkspace(
            m_engine, this, m_path, Access::Read, tr("Reading the migration history"), "migrate-history",
            [](Workspace& ws, const Progress&) { return workspace::journal(ws); },
            [this](std::shared_ptr<const std::vector<workspace::JournalOperation>> operations) {
                m_history->clear();
                for (auto it = operations->rbegin(); it != operations->rend(); ++it) {
                    std::uint64_t added = 0, removed = 0;
                    for (const auto& g : it->graphs)
                        added += g.added, removed += g.removed;
                    auto* item = new QTreeWidgetItem(m_history,
                        {qs(it->id), localTime(it->finishedAt), qs(it->kind), qs(it->status), qs(it->correlationId),
                            QFileInfo(qs(it->planName)).fileName(), QStringLiteral("+%1 −%2").arg(added).arg(removed)});
                    item->setToolTip(3, qs(it->error.empty() ? it->approval : it->error));
                }
                for (int c = 0; c < m_history->columnCount(); ++c)
                    if (c != 5)
                        m_history->resizeColumnToContents(c);
                updateButtons();
                Q_EMIT historyShown();
            }));
}

void MigrationView::rollbackSelected()
{
    const QTreeWidgetItem* item = m_history->currentItem();
    if (!item)
        return;
    const QString id = item->text(0);
    if (confirmAction(this,
            {tr("Roll back migration"), tr("Roll back %1 in %2?").arg(id, m_path),
                {tr("%1 of %2, finished %3: its %4 triples are undone")
                        .arg(item->text(2), item->text(5), item->text(1), item->text(6))},
                tr("The graphs return to the operation's pre-migration snapshot, checked by hash; the rollback is "
                   "journalled, and the plan can be applied again."),
                tr("Roll back")}))
        rollbackConfirmed(id);
}

void MigrationView::rollbackConfirmed(const QString& id)
{
    m_message->reportFailures(m_engine,
        runOnWorkspace(
            m_engine, this, m_path, Access::Write, tr("Rolling back %1").arg(id), "migrate-rollback",
            [id = id.toStdString()](
                Workspace& ws, const Progress& progress) { return migrate::rollbackOperation(ws, id, progress); },
            [this](std::shared_ptr<const workspace::JournalOperation> op) {
                std::uint64_t added = 0, removed = 0;
                for (const auto& g : op->graphs)
                    added += g.added, removed += g.removed;
                m_message->setMessage(tr("✔ Rolled back %1 as %2 (+%3 −%4 triples); the graphs match snapshot %5.")
                                          .arg(qs(*op->rollsBack), qs(op->id))
                                          .arg(added)
                                          .arg(removed)
                                          .arg(qs(op->preSnapshot)));
                if (m_appliedAs == qs(*op->rollsBack))
                    m_appliedAs.clear(); // the plan may run again
                Q_EMIT eventHappened(tr("migration rolled back"));
                Q_EMIT rolledBack(qs(op->id));
                // The dry run shown before the apply holds again: the data is as it was then.
                refreshHistory();
                updateButtons();
            }));
}

} // namespace evograph::ui
