#include "agents_view.h"

#include "common/confirm_action.h"
#include "common/message_line.h"
#include "common/workspace_jobs.h"

#include "evograph/agents/registry.h"
#include "evograph/workspace/agent_records.h"

#include <nlohmann/json.hpp>

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace evograph::ui {

namespace {
constexpr int kStepMs = 500;
constexpr int kRecordsEvery = 4; // steps: the workspace's records are read every 2 s

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    return table;
}

void setRow(QTableWidget* table, int row, const QStringList& cells)
{
    for (int column = 0; column < cells.size(); ++column) {
        auto* item = table->item(row, column);
        if (!item)
            table->setItem(row, column, item = new QTableWidgetItem);
        if (item->text() != cells[column])
            item->setText(cells[column]);
        item->setToolTip(cells[column]);
    }
}

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

// "2026-12-01T23:20:36Z" -> "23:20:36"; older days keep the date.
QString shortTime(const QString& utc)
{
    if (utc.isEmpty())
        return QStringLiteral("–");
    const QDateTime t = QDateTime::fromString(utc, Qt::ISODate);
    if (!t.isValid())
        return utc;
    const QDateTime local = t.toLocalTime();
    return local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm:ss"))
                                                : local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString steadyToText(const std::optional<agents::Clock::TimePoint>& t, const agents::Clock& clock)
{
    if (!t)
        return QStringLiteral("–");
    const auto offset = std::chrono::duration_cast<std::chrono::milliseconds>(*t - clock.now());
    const QDateTime at = QDateTime::currentDateTime().addMSecs(offset.count());
    return at.toString(
        at.date() == QDate::currentDate() ? QStringLiteral("HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

AgentsView::AgentsView(QWidget* parent)
    : QWidget(parent)
    , m_serve(new QCheckBox(tr("Serve agents here"), this))
    , m_source(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_agents(makeTable({tr("Agent"), tr("Class"), tr("Enabled"), tr("State"), tr("Last run"), tr("Next run"),
                             tr("Runs"), tr("Failures"), tr("Last result")},
          this))
    , m_runNow(new QPushButton(tr("Run Now"), this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_enable(new QPushButton(tr("Enable"), this))
    , m_disable(new QPushButton(tr("Disable"), this))
    , m_message(new MessageLine(this))
    , m_log(new QPlainTextEdit(this))
    , m_proposals(makeTable({tr("Proposed"), tr("Agent"), tr("Action"), tr("Target"), tr("Why")}, this))
    , m_alerts(makeTable({tr("Alert"), tr("State"), tr("Severity"), tr("Since"), tr("Value"), tr("Summary")}, this))
    , m_timer(new QTimer(this))
{
    m_serve->setToolTip(tr("Run this workspace's agents in the studio, as `evograph serve` would"));
    m_banner->setObjectName(QStringLiteral("alertBanner"));
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #b3261e; color: white; padding: 6px; font-weight: bold; }"));
    m_banner->hide();
    m_source->setObjectName(QStringLiteral("agentsSource"));
    m_log->setReadOnly(true);
    m_log->setObjectName(QStringLiteral("agentLog"));
    m_log->setMaximumBlockCount(2000);
    m_agents->setObjectName(QStringLiteral("agentsTable"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_serve);
    top->addWidget(m_source, 1);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_runNow, m_start, m_stop, m_enable, m_disable})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* review = new QPushButton(tr("Review in Migrations…"), this);
    auto* tabs = new QTabWidget(this);
    tabs->setDocumentMode(true);
    tabs->addTab(m_log, tr("Log"));
    auto* proposalsPage = new QWidget(this);
    auto* proposalsLayout = new QVBoxLayout(proposalsPage);
    proposalsLayout->setContentsMargins(0, 0, 0, 0);
    proposalsLayout->addWidget(m_proposals);
    proposalsLayout->addWidget(review, 0, Qt::AlignRight);
    tabs->addTab(proposalsPage, tr("Proposals"));
    tabs->addTab(m_alerts, tr("Alerts"));
    auto* upper = new QWidget(this);
    auto* upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addWidget(m_agents);
    upperLayout->addLayout(buttons);
    upperLayout->addWidget(m_message);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(upper);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(m_serve, &QCheckBox::toggled, this, &AgentsView::setServing);
    connect(m_agents, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        showWorkspaceRecords();
    });
    connect(m_runNow, &QPushButton::clicked, this, [this] { control(QStringLiteral("run")); });
    connect(m_start, &QPushButton::clicked, this, [this] { control(QStringLiteral("start")); });
    connect(m_stop, &QPushButton::clicked, this, [this] { control(QStringLiteral("stop")); });
    connect(m_enable, &QPushButton::clicked, this, [this] { control(QStringLiteral("enable")); });
    connect(m_disable, &QPushButton::clicked, this, [this] { control(QStringLiteral("disable")); });
    connect(review, &QPushButton::clicked, this, &AgentsView::reviewRequested);
    // Hidden and not serving, nothing changes that the view must follow: no workspace reads then.
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_service || isVisible())
            refresh();
    });
    m_timer->start(kStepMs);
    setWorkspace({});
}

void AgentsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh(); // current the moment it is shown
}

AgentsView::~AgentsView()
{
    setServing(false);
}

void AgentsView::setWorkspace(const QString& path)
{
    setServing(false);
    m_workspace = path;
    m_serve->setEnabled(!path.isEmpty());
    m_serviceLines.clear();
    m_log->clear();
    m_message->setMessage({});
    refresh();
}

void AgentsView::setConfig(const config::Config& config)
{
    const bool serving = isServing();
    setServing(false);
    m_config = config;
    setServing(serving);
}

void AgentsView::setServing(bool serving)
{
    if (serving == isServing())
        return;
    if (!serving) {
        m_service->shutdown();
        m_service.reset();
        m_pool.reset();
    } else {
        try {
            m_pool = std::make_unique<engine::ThreadPool>(
                std::max<std::size_t>(1, m_config.agents.maxConcurrentOperations));
            m_service = std::make_unique<agents::AgentService>(m_workspace.toStdString(), m_config, *m_pool, m_clock);
        } catch (const std::exception& e) {
            m_service.reset();
            m_pool.reset();
            m_message->setMessage(tr("The agents cannot be served: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    const QSignalBlocker block(m_serve);
    m_serve->setChecked(isServing());
    refresh();
}

void AgentsView::refresh()
{
    if (m_workspace.isEmpty()) {
        m_source->setText(tr("Open a workspace to see its agents."));
        m_agents->setRowCount(0);
        updateButtons();
        return;
    }
    step();
    showAgents();
    if (m_ticks++ % kRecordsEvery == 0)
        showWorkspaceRecords();
    updateButtons();
}

void AgentsView::step()
{
    if (!m_service)
        return;
    try {
        for (const std::string& line : m_service->step()) {
            const QString text = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss ")) + q(line);
            m_serviceLines.append(text);
            m_log->appendPlainText(text);
            if (line.rfind("alert ", 0) == 0 && line.find(" firing ") != std::string::npos)
                Q_EMIT alertFiring(q(line));
            if (line.find(": version imported") != std::string::npos
                || line.find(": plan drafted") != std::string::npos)
                Q_EMIT eventHappened(q(line.substr(line.find(": ") + 2)));
        }
    } catch (const std::exception& e) {
        m_message->setMessage(tr("The agents' step failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

void AgentsView::showAgents()
{
    std::map<std::string, std::string> settings;
    std::map<std::string, nlohmann::json> stored;
    try {
        auto ws = openStudioWorkspace(m_workspace.toStdString(), workspace::Access::Read, "agents");
        settings = ws.settings(false);
        if (!m_service)
            for (const workspace::StoredAgentStatus& s : workspace::agentStatuses(ws))
                stored[s.agent] = nlohmann::json::parse(s.status);
    } catch (const std::exception& e) {
        m_message->setMessage(tr("The workspace cannot be read: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    m_source->setText(m_service ? tr("The agents run in this studio.")
                                : tr("Showing what `evograph serve` last recorded in the workspace."));
    std::map<std::string, agents::AgentStatus> live;
    if (m_service)
        for (agents::AgentStatus& s : m_service->runtime().status())
            live[s.name] = std::move(s);
    int row = 0;
    for (const agents::AgentDescriptor& d : agents::knownAgents()) {
        const bool enabled = agents::isEnabled(d.name, m_config, settings);
        QString state, lastRun, nextRun, runs, failures, last;
        if (const auto s = live.find(d.name); s != live.end()) {
            state = q(std::string(agents::toString(s->second.state)));
            lastRun = steadyToText(s->second.lastRun, m_clock);
            nextRun = steadyToText(s->second.nextRun, m_clock);
            runs = QString::number(s->second.runs);
            failures = QString::number(s->second.failures);
            last = q(s->second.lastError.empty() ? s->second.lastSummary : "error: " + s->second.lastError);
        } else if (const auto j = stored.find(d.name); j != stored.end()) {
            const nlohmann::json& reported = j->second;
            const auto time = [&](const char* key) {
                return shortTime(reported[key].is_string() ? q(reported[key].get<std::string>()) : QString());
            };
            const std::string error = reported.value("last_error", "");
            state = q(reported.value("state", ""));
            lastRun = time("last_run");
            nextRun = time("next_run");
            runs = QString::number(reported.value("runs", 0));
            failures = QString::number(reported.value("failures", 0));
            last = q(error.empty() ? reported.value("last_summary", "") : "error: " + error);
        } else {
            state = tr("not served");
            lastRun = nextRun = QStringLiteral("–");
        }
        if (m_agents->rowCount() <= row)
            m_agents->insertRow(row);
        setRow(m_agents, row,
            {q(d.name), q(std::string(policy::toString(d.agentClass))), enabled ? tr("yes") : tr("no"), state, lastRun,
                nextRun, runs, failures, last});
        m_agents->item(row, 0)->setToolTip(q(d.description));
        const bool failing = state == QLatin1String("failing");
        m_agents->item(row, 3)->setForeground(failing ? QColor(0xb3, 0x26, 0x1e) : palette().color(QPalette::Text));
        ++row;
    }
    m_agents->setRowCount(row);
    m_agents->resizeColumnsToContents();
}

void AgentsView::showWorkspaceRecords()
{
    if (m_workspace.isEmpty())
        return;
    try {
        auto ws = openStudioWorkspace(m_workspace.toStdString(), workspace::Access::Read, "agents");
        const auto proposals = workspace::agentActions(ws, {}, "proposed", 200);
        m_proposals->setRowCount(static_cast<int>(proposals.size()));
        for (int i = 0; i < static_cast<int>(proposals.size()); ++i) {
            const workspace::AgentAction& a = proposals[static_cast<std::size_t>(i)];
            setRow(m_proposals, i, {shortTime(q(a.at)), q(a.agent), q(a.action), q(a.target), q(a.reason)});
        }
        std::map<std::string, workspace::AlertTransition> alerts;
        for (workspace::AlertTransition& t : workspace::latestAlertStates(ws))
            alerts[t.name] = std::move(t);
        for (const config::AlertRule& rule : m_config.alerts)
            alerts.emplace(
                rule.name, workspace::AlertTransition {0, rule.name, "inactive", rule.severity, 0, {}, "{}"});
        m_alerts->setRowCount(static_cast<int>(alerts.size()));
        QStringList firing;
        int row = 0;
        for (const auto& [name, t] : alerts) {
            const nlohmann::json annotations = nlohmann::json::parse(t.annotations);
            setRow(m_alerts, row,
                {q(name), q(t.state), q(t.severity), shortTime(q(t.at)),
                    t.at.empty() ? QStringLiteral("–") : QString::number(t.value),
                    q(annotations.value("summary", ""))});
            if (t.state == "firing")
                firing.append(q(name)
                    + (annotations.contains("summary") ? ": " + q(annotations["summary"].get<std::string>())
                                                       : QString()));
            ++row;
        }
        m_banner->setVisible(!firing.isEmpty());
        m_banner->setText(tr("⚠ Firing: %1").arg(firing.join(QStringLiteral("; "))));
        // The log: the selected agent's recorded actions, newest first, then what the service said.
        const QString agent = selectedAgent();
        QStringList lines;
        for (const workspace::AgentAction& a : workspace::agentActions(ws, agent.toStdString(), {}, 100))
            lines.append(QStringLiteral("%1  %2  %3 %4 — %5%6")
                             .arg(shortTime(q(a.at)), q(a.agent), q(a.action), q(a.target), q(a.decision),
                                 a.decision == "ran" ? QString() : " (" + q(a.reason) + ")"));
        const QString text = (agent.isEmpty() ? tr("Recorded actions of every agent, newest first:")
                                              : tr("Recorded actions of %1, newest first:").arg(agent))
            + '\n' + lines.join('\n')
            + (m_serviceLines.isEmpty() ? QString()
                                        : "\n\n" + tr("This studio's agents said:") + '\n' + m_serviceLines.join('\n'));
        if (m_log->toPlainText() != text)
            m_log->setPlainText(text);
    } catch (const std::exception& e) {
        m_message->setMessage(tr("The workspace cannot be read: %1").arg(QString::fromUtf8(e.what())));
    }
}

QString AgentsView::selectedAgent() const
{
    const auto rows = m_agents->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_agents->item(rows.front().row(), 0)->text();
}

void AgentsView::updateButtons()
{
    const int row = m_agents->currentRow();
    const bool chosen = !selectedAgent().isEmpty() && row >= 0;
    const bool enabled = chosen && m_agents->item(row, 2)->text() == tr("yes");
    const QString state = chosen ? m_agents->item(row, 3)->text() : QString();
    m_runNow->setEnabled(
        enabled && m_service && state != QLatin1String("stopped") && state != QLatin1String("running"));
    m_runNow->setToolTip(m_service ? tr("Run the agent now") : tr("Serve the agents here to run one now"));
    m_start->setEnabled(enabled && state == QLatin1String("stopped"));
    m_stop->setEnabled(enabled && state != QLatin1String("stopped"));
    m_enable->setEnabled(chosen && !enabled);
    m_disable->setEnabled(enabled);
}

void AgentsView::control(const QString& action)
{
    const std::string agent = selectedAgent().toStdString();
    if (agent.empty())
        return;
    try {
        if (action == QLatin1String("run")) {
            if (m_service)
                m_service->runtime().runNow(agent);
        } else {
            const bool enabling = action == QLatin1String("enable");
            if (action == QLatin1String("enable") || action == QLatin1String("disable"))
                if (const auto why = agents::configOverride(m_config, agent, enabling)) {
                    m_message->setMessage(q(*why)); // the config file's explicit word wins, as in the CLI
                    return;
                }
            // Disabling or stopping leaves the graphs unwatched: it asks first.
            if ((action == QLatin1String("disable") || action == QLatin1String("stop"))
                && !confirmAction(this,
                    {action == QLatin1String("disable") ? tr("Disable agent") : tr("Stop agent"),
                        (action == QLatin1String("disable") ? tr("Disable %1 in %2?") : tr("Stop %1 in %2?"))
                            .arg(selectedAgent(), m_workspace),
                        {action == QLatin1String("disable")
                                ? tr("it no longer runs, here or in evograph serve, until it is enabled again")
                                : tr("its schedule pauses until it is started again; its alerts are not evaluated")},
                        tr("Enable or Start undoes it."),
                        action == QLatin1String("disable") ? tr("Disable") : tr("Stop")}))
                return;
            auto ws = openStudioWorkspace(m_workspace.toStdString(), workspace::Access::Write, "agents");
            if (action == QLatin1String("enable") || action == QLatin1String("disable"))
                ws.setSetting("agents." + agent + ".enabled", enabling ? "true" : "false", false);
            else
                ws.setSetting(
                    "agents." + agent + ".stopped", action == QLatin1String("stop") ? "true" : "false", false);
        }
        static const QHash<QString, QString> done {{QStringLiteral("run"), tr("✔ %1 runs now.")},
            {QStringLiteral("enable"), tr("✔ %1 enabled.")},
            {QStringLiteral("disable"), tr("✔ %1 disabled: it no longer runs.")},
            {QStringLiteral("start"), tr("✔ %1 started.")}, {QStringLiteral("stop"), tr("✔ %1 stopped.")}};
        m_message->setMessage(done.value(action, QStringLiteral("%1")).arg(selectedAgent()));
    } catch (const std::exception& e) {
        m_message->setMessage(tr("%1 failed: %2").arg(action, QString::fromUtf8(e.what())));
    }
    if (m_service)
        m_service->reloadControls(); // at the next step, not in up to 2 s
    refresh();
}

} // namespace evograph::ui
