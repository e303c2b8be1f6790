#pragma once
// The Agents view: each agent of the open workspace with its class, enablement, state, last and
// next run, counts and last result; Run now / Start / Stop / Enable / Disable as far as the config
// and the policy allow; the selected agent's log (its recorded actions); the proposals awaiting a
// reviewer (linked to the Migrations view); and the alert rules' states, with a banner while one
// fires.
//
// "Serve agents here" runs the workspace's agents in the studio (agents::AgentService on its own
// worker pool, stepped by a timer; the UI thread only ticks and reads). Otherwise the view shows
// what an `evograph serve` elsewhere last recorded in the workspace. Either way the controls are
// the workspace settings both read, so they act on whichever process serves.

#include "evograph/agents/agent_service.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace evograph::ui {

class MessageLine;

class AgentsView : public QWidget {
    Q_OBJECT
public:
    explicit AgentsView(QWidget* parent = nullptr);
    ~AgentsView() override;

    void setWorkspace(const QString& path);
    void setConfig(const config::Config& config);
    // Starts or stops serving the agents in this process.
    void setServing(bool serving);
    bool isServing() const { return m_service != nullptr; }

    // Reads the workspace again and, when serving, steps the agents (the timer does this).
    void refresh();

    QTableWidget* agentsTable() const { return m_agents; }
    QTableWidget* proposalsTable() const { return m_proposals; }
    QTableWidget* alertsTable() const { return m_alerts; }
    QPlainTextEdit* log() const { return m_log; }

protected:
    void showEvent(QShowEvent* event) override;

Q_SIGNALS:
    void reviewRequested(); // open the Migrations view
    void alertFiring(const QString& message);
    void eventHappened(const QString& label); // metric chart markers

private:
    QString selectedAgent() const;
    void control(const QString& action);
    void step();
    void showAgents();
    void showWorkspaceRecords();
    void updateButtons();

    QString m_workspace;
    config::Config m_config;
    std::unique_ptr<engine::ThreadPool> m_pool;
    agents::SteadyClock m_clock;
    std::unique_ptr<agents::AgentService> m_service;
    QCheckBox* m_serve;
    QLabel* m_source;
    QLabel* m_banner;
    QTableWidget* m_agents;
    QPushButton* m_runNow;
    QPushButton* m_start;
    QPushButton* m_stop;
    QPushButton* m_enable;
    QPushButton* m_disable;
    MessageLine* m_message;
    QPlainTextEdit* m_log;
    QTableWidget* m_proposals;
    QTableWidget* m_alerts;
    QTimer* m_timer;
    QStringList m_serviceLines; // what the service said, newest last
    int m_ticks = 0;
};

} // namespace evograph::ui
