#pragma once
// The studio's main window: open files (menu, recent list, drag and drop, command line), one tab
// per file, a status bar that shows the running job with progress and a cancel button.

#include "common/engine_adapter.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace evograph::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Starts reading each file; each opens in its own tab when done.
    void openFiles(const QStringList& paths);
    EngineAdapter& engine() { return m_engine; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    // After a file's tab was added (tests and scripts wait for it).
    void fileOpened(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void showOpenDialog();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void onFileLoaded(int jobId, std::shared_ptr<const LoadedFile> file);
    void onJobFinished(int jobId);
    void disambiguateTabTitles();
    void updateEmptyState();

    EngineAdapter m_engine;
    QStackedWidget* m_stack;
    QTabWidget* m_tabs;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_jobLabel;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QList<int> m_runningJobs;
};

} // namespace evograph::ui
