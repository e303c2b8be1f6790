#pragma once
// The studio's main window: a navigator between the views (diff viewer, snapshot browser, live
// metrics, opened files), the jobs panel, and a status bar with the running job, its progress
// and Cancel (Esc). Opens two files to compare, a workspace, or files to inspect, from the menu,
// the recent list, drag and drop or the command line.

#include "common/engine_adapter.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QDockWidget;

namespace evograph::ui {

class AgentsView;
class DiffViewer;
class JobsPanel;
class MetricSampler;
class MetricsView;
class MigrationView;
class SnapshotBrowser;
class TermSearchPopup;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class View { Diff, Snapshots, Metrics, Files, Migrations, Agents };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void compareFiles(const QString& oldPath, const QString& newPath, const QStringList& dataFiles = {});
    void openWorkspace(const QString& path);
    // Starts reading each file; each opens in its own tab of the Files view when done.
    void openFiles(const QStringList& paths);
    void showView(View view);
    View currentView() const;

    EngineAdapter& engine() { return m_engine; }
    QTabWidget* tabs() const { return m_tabs; }
    DiffViewer* diffViewer() const { return m_diff; }
    // Ctrl+K: the term search over the open comparison and the workspace.
    TermSearchPopup* termSearch() const { return m_termSearch; }
    void showTermSearch();
    // The config file's providers (--config, else the default path); a file that does not read is
    // reported in the status bar and the defaults are used.
    void loadConfig(const QString& path);
    SnapshotBrowser* snapshotBrowser() const { return m_snapshots; }
    MetricsView* metricsView() const { return m_metrics; }
    MigrationView* migrationView() const { return m_migrations; }
    AgentsView* agentsView() const { return m_agents; }
    MetricSampler& sampler() { return *m_sampler; }
    JobsPanel* jobsPanel() const { return m_jobs; }

Q_SIGNALS:
    // After a file's tab was added (tests and scripts wait for it).
    void fileOpened(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void createStatusBar();
    void showCompareDialog();
    void showOpenWorkspaceDialog();
    void remember(const QStringList& entry);
    void rebuildRecentMenu();
    void onFileLoaded(int jobId, std::shared_ptr<const LoadedFile> file);
    void showLoadFailure(const QString& path, const QString& message);
    void disambiguateTabTitles();
    void updateJobStatus();
    void updateTitle(); // names the comparison and the workspace
    void showChosenTerm(const QString& iri, const QString& graph, qint64 seq);

    EngineAdapter m_engine;
    MetricSampler* m_sampler;
    QListWidget* m_navigator;
    QStackedWidget* m_pages;
    DiffViewer* m_diff;
    TermSearchPopup* m_termSearch;
    SnapshotBrowser* m_snapshots;
    MetricsView* m_metrics;
    MigrationView* m_migrations;
    AgentsView* m_agents;
    QStackedWidget* m_filesPage;
    QTabWidget* m_tabs;
    QString m_comparison, m_workspacePath;
    JobsPanel* m_jobs;
    QDockWidget* m_jobsDock;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_workspaceLabel;
    QLabel* m_jobLabel;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QString m_pendingTerm; // shown once the comparison being read is ready
};

} // namespace evograph::ui
