#include "main_window.h"

#include "agents/agents_view.h"
#include "common/graph_versions.h"
#include "common/jobs_panel.h"
#include "common/side_by_side_view.h"
#include "common/theme.h"
#include "diff/diff_viewer.h"
#include "files/file_summary_view.h"
#include "help/help_window.h"
#include "metrics/metrics_view.h"
#include "migrations/migration_view.h"
#include "search/term_search_popup.h"
#include "snapshots/snapshot_browser.h"

#include "evograph/workspace/workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>

namespace evograph::ui {

namespace {
constexpr int kMaxRecent = 12;
const char* const kRecentKey = "recent";

bool isWorkspaceFile(const QString& path)
{
    return path.endsWith(QLatin1String(".evograph"));
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_sampler(new MetricSampler(engine::MetricsRegistry::global(), this))
    , m_navigator(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_diff(new DiffViewer(m_engine, this))
    , m_termSearch(new TermSearchPopup(m_engine, this))
    , m_snapshots(new SnapshotBrowser(m_engine, this))
    , m_metrics(new MetricsView(*m_sampler, this))
    , m_migrations(new MigrationView(m_engine, this))
    , m_agents(new AgentsView(this))
    , m_filesPage(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_jobs(new JobsPanel(m_engine, this))
    , m_jobsDock(new QDockWidget(tr("Jobs"), this))
    , m_workspaceLabel(new QLabel(this))
    , m_jobLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setWindowTitle(tr("evograph studio"));
    setAcceptDrops(true);
    resize(1280, 800);

    auto* welcome
        = new QLabel(tr("<h2>No files open</h2><p>Open an RDF file (Turtle, TriG, N-Triples, N-Quads, "
                        "RDF/XML) with <b>File ▸ Open Files…</b> (Ctrl+O), or drop it here, to see what it holds.</p>"),
            this);
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setObjectName(QStringLiteral("welcome"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        delete m_tabs->widget(index);
        m_filesPage->setCurrentIndex(m_tabs->count() > 0 ? 1 : 0);
    });
    m_filesPage->addWidget(welcome);
    m_filesPage->addWidget(m_tabs);

    struct Page {
        QString name;
        QStyle::StandardPixmap icon;
        QWidget* widget;
    };
    const Page pages[] = {{tr("Diff"), QStyle::SP_FileDialogContentsView, m_diff},
        {tr("Snapshots"), QStyle::SP_DriveHDIcon, m_snapshots}, {tr("Metrics"), QStyle::SP_ComputerIcon, m_metrics},
        {tr("Files"), QStyle::SP_FileIcon, m_filesPage}, {tr("Migrations"), QStyle::SP_BrowserReload, m_migrations},
        {tr("Agents"), QStyle::SP_MediaPlay, m_agents}};
    for (const Page& page : pages) {
        new QListWidgetItem(style()->standardIcon(page.icon), page.name, m_navigator);
        m_pages->addWidget(page.widget);
    }
    m_navigator->setObjectName(QStringLiteral("navigator"));
    m_navigator->setIconSize(QSize(24, 24));
    m_navigator->setFixedWidth(120);
    m_navigator->setFrameShape(QFrame::NoFrame);
    m_navigator->setSpacing(2);
    connect(m_navigator, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigator);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobs);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    resizeDocks({m_jobsDock}, {110}, Qt::Vertical);

    connect(&m_engine, &EngineAdapter::fileLoaded, this, &MainWindow::onFileLoaded);
    connect(m_diff, &DiffViewer::eventHappened, m_sampler, &MetricSampler::mark);
    connect(m_snapshots, &SnapshotBrowser::eventHappened, m_sampler, &MetricSampler::mark);
    connect(m_migrations, &MigrationView::eventHappened, m_sampler, &MetricSampler::mark);
    connect(m_snapshots, &SnapshotBrowser::diffRequested, this,
        [this](DiffViewer::VersionsReader read, const QString& oldName, const QString& newName) {
            m_diff->compareVersions(std::move(read), oldName, newName);
            m_comparison = tr("%1 → %2").arg(oldName, newName);
            updateTitle();
            showView(View::Diff);
        });
    connect(m_diff, &DiffViewer::sessionReady, this, [this] {
        if (const QString term = std::exchange(m_pendingTerm, {}); !term.isEmpty() && !m_diff->showTerm(term))
            statusBar()->showMessage(tr("%1 did not change against the version before").arg(term), 8000);
    });
    connect(m_migrations, &MigrationView::applied, m_termSearch, &TermSearchPopup::invalidate);
    connect(m_agents, &AgentsView::eventHappened, m_sampler, &MetricSampler::mark);
    connect(m_agents, &AgentsView::reviewRequested, this, [this] { showView(View::Migrations); });
    connect(m_agents, &AgentsView::alertFiring, this, [this](const QString& message) {
        statusBar()->showMessage(message, 60000);
        QApplication::beep();
    });
    connect(m_snapshots, &SnapshotBrowser::refreshed, m_termSearch, &TermSearchPopup::invalidate);
    connect(m_diff, &DiffViewer::comparisonFailed, this, [this](const QString& message) {
        m_pendingTerm.clear();
        statusBar()->showMessage(tr("The comparison failed: %1").arg(message.section(QLatin1Char('\n'), 0, 0)), 15000);
    });
    connect(m_diff, &DiffViewer::exported, this,
        [this](const QString& path) { statusBar()->showMessage(tr("Exported %1").arg(path), 10000); });
    createStatusBar();
    createMenus();
    m_sampler->start();

    QSettings settings;
    restoreGeometry(settings.value("mainWindow/geometry").toByteArray());
    restoreState(settings.value("mainWindow/state").toByteArray());
    showView(View(settings.value("mainWindow/view", int(View::Diff)).toInt()));
}

MainWindow::~MainWindow() = default;

void MainWindow::createStatusBar()
{
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel the running jobs (Esc)"));
    m_cancel->setShortcut(Qt::Key_Escape);
    m_workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_workspaceLabel);
    statusBar()->addPermanentWidget(m_jobLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_jobLabel->hide(), m_progress->hide(), m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, &m_engine, &EngineAdapter::cancelAll);
    connect(&m_engine, &EngineAdapter::jobStarted, this, [this] {
        m_progress->setRange(0, 0);
        updateJobStatus();
    });
    connect(&m_engine, &EngineAdapter::jobProgress, this, [this](int id, qint64 done, qint64 total) {
        if (total > 0 && id == m_engine.latestJob()) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(static_cast<int>(1000 * done / total));
        }
    });
    connect(&m_engine, &EngineAdapter::jobFailed, this, [this](int, const QString& message) {
        statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 15000);
    });
    connect(&m_engine, &EngineAdapter::jobCancelled, this, [this] { statusBar()->showMessage(tr("Cancelled"), 5000); });
    connect(&m_engine, &EngineAdapter::jobFinished, this, &MainWindow::updateJobStatus);
    openWorkspace({});
}

void MainWindow::updateJobStatus()
{
    const int running = m_engine.runningJobs();
    m_jobLabel->setVisible(running > 0), m_progress->setVisible(running > 0), m_cancel->setVisible(running > 0);
    if (running > 0) {
        const QString latest = m_engine.description(m_engine.latestJob());
        m_jobLabel->setText(running == 1 ? latest : tr("%1 (+%2 more)").arg(latest).arg(running - 1));
    }
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Compare Files…"), QKeySequence(Qt::CTRL | Qt::Key_D), this, &MainWindow::showCompareDialog);
    file->addAction(tr("&Open Files…"), QKeySequence::Open, this, [this] {
        openFiles(QFileDialog::getOpenFileNames(this, tr("Open RDF files"), QString(),
            tr("RDF files (*.ttl *.trig *.nt *.nq *.rdf *.owl *.xml);;All files (*)")));
    });
    file->addAction(tr("Open &Workspace…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
        &MainWindow::showOpenWorkspaceDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addMenu(m_diff->exportMenu());
    file->addAction(tr("Close &Tab"), QKeySequence::Close, this, [this] {
        if (currentView() == View::Files && m_tabs->count() > 0)
            Q_EMIT m_tabs->tabCloseRequested(m_tabs->currentIndex());
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    // Edit: copy what is selected wherever the focus is (panes, lists, messages), find in the diff.
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy"), QKeySequence::Copy, this, [] {
        if (QWidget* focus = QApplication::focusWidget())
            QMetaObject::invokeMethod(focus, "copy"); // text views, line edits and labels all have copy()
    });
    edit->addAction(tr("&Find in Changes…"), QKeySequence::Find, this, [this] {
        showView(View::Diff);
        m_diff->focusSearch();
    });
    edit->addAction(tr("Find in &Panes…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this, [this] {
        showView(View::Diff);
        m_diff->sideBySide()->showFindBar();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const std::pair<QString, View> views[]
        = {{tr("&Diff"), View::Diff}, {tr("&Snapshots"), View::Snapshots}, {tr("&Metrics"), View::Metrics},
            {tr("&Files"), View::Files}, {tr("Mi&grations"), View::Migrations}, {tr("&Agents"), View::Agents}};
    for (const auto& [name, which] : views)
        view->addAction(
            name, QKeySequence(Qt::CTRL | (Qt::Key_1 + int(which))), this, [this, which = which] { showView(which); });
    view->addSeparator();
    QAction* jobs = m_jobsDock->toggleViewAction();
    jobs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    view->addAction(jobs);
    QMenu* theme = view->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const std::pair<QString, Theme> choices[]
        = {{tr("&System"), Theme::System}, {tr("&Light"), Theme::Light}, {tr("&Dark"), Theme::Dark}};
    for (const auto& [name, choice] : choices) {
        QAction* action = theme->addAction(name, this, [choice = choice] {
            applyTheme(choice);
            saveTheme(choice);
        });
        action->setCheckable(true);
        action->setChecked(savedTheme() == choice);
        themes->addAction(action);
    }

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_diff->nextAction());
    go->addAction(m_diff->previousAction());
    go->addSeparator();
    go->addAction(tr("&Search Terms…"), QKeySequence(Qt::CTRL | Qt::Key_K), this, &MainWindow::showTermSearch);
    connect(m_termSearch, &TermSearchPopup::termChosen, this, &MainWindow::showChosenTerm);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&User Guide"), QKeySequence::HelpContents, this, [this] {
        auto* guide = new UserGuideDialog(this);
        guide->setAttribute(Qt::WA_DeleteOnClose);
        guide->show();
    });
    help->addAction(tr("&Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash), this, [this] {
        // Keys the views hold themselves, beside those of the menus.
        auto* shortcuts = new ShortcutsDialog(*menuBar(),
            {{QStringLiteral("F7"), tr("Diff ▸ next change (also in Hierarchy mode)")},
                {QStringLiteral("Shift+F7"), tr("Diff ▸ previous change")}},
            this);
        shortcuts->setAttribute(Qt::WA_DeleteOnClose);
        shortcuts->show();
    });
    help->addSeparator();
    help->addAction(tr("&About evograph"), this, [this] {
        QMessageBox::about(this, tr("About evograph"),
            tr("<b>evograph studio %1</b><p>A workbench for evolving and migrating RDF ontologies.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showView(View view)
{
    m_navigator->setCurrentRow(int(view));
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_pages->currentIndex());
}

void MainWindow::showCompareDialog()
{
    const QString filter = tr("RDF files (*.ttl *.trig *.nt *.nq *.rdf *.owl *.xml);;All files (*)");
    const QString oldPath = QFileDialog::getOpenFileName(this, tr("Old version"), QString(), filter);
    if (oldPath.isEmpty())
        return;
    const QString newPath = QFileDialog::getOpenFileName(this, tr("New version"), QFileInfo(oldPath).path(), filter);
    if (!newPath.isEmpty())
        compareFiles(oldPath, newPath);
}

void MainWindow::showOpenWorkspaceDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open workspace"),
        QFileInfo(QString::fromStdString(workspace::defaultWorkspacePath())).path(),
        tr("evograph workspaces (*.evograph)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::updateTitle()
{
    QStringList parts;
    if (!m_comparison.isEmpty())
        parts << m_comparison;
    if (!m_workspacePath.isEmpty())
        parts << QFileInfo(m_workspacePath).fileName();
    setWindowTitle(
        parts.isEmpty() ? tr("evograph studio") : tr("%1 — evograph studio").arg(parts.join(QStringLiteral(" · "))));
}

void MainWindow::compareFiles(const QString& oldPath, const QString& newPath, const QStringList& dataFiles)
{
    m_diff->compareFiles(oldPath, newPath, dataFiles);
    m_comparison = tr("%1 → %2").arg(QFileInfo(oldPath).fileName(), QFileInfo(newPath).fileName());
    updateTitle();
    remember({QStringLiteral("compare"), QFileInfo(oldPath).absoluteFilePath(), QFileInfo(newPath).absoluteFilePath()});
    showView(View::Diff);
}

void MainWindow::openWorkspace(const QString& path)
{
    m_snapshots->setWorkspace(path);
    m_migrations->setWorkspace(path);
    m_agents->setWorkspace(path);
    m_metrics->setWorkspace(path);
    m_workspaceLabel->setText(
        path.isEmpty() ? tr("No workspace") : tr("Workspace: %1").arg(QFileInfo(path).fileName()));
    m_workspaceLabel->setToolTip(path);
    m_workspacePath = path;
    updateTitle();
    if (!path.isEmpty())
        remember({QStringLiteral("workspace"), QFileInfo(path).absoluteFilePath()});
}

void MainWindow::openFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        const int job = m_engine.loadFile(path);
        m_engine.onFailure(job, this, [this, path](const QString& message) { showLoadFailure(path, message); });
        remember({QStringLiteral("file"), QFileInfo(path).absoluteFilePath()});
    }
}

void MainWindow::onFileLoaded(int, std::shared_ptr<const LoadedFile> file)
{
    auto* view = new FileSummaryView(file);
    const int index = m_tabs->addTab(view, QFileInfo(file->path).fileName());
    m_tabs->setTabToolTip(index, file->path);
    disambiguateTabTitles();
    m_tabs->setCurrentIndex(index);
    m_filesPage->setCurrentIndex(1);
    statusBar()->showMessage(tr("Read %1 triples from %2 in %3 s")
                                 .arg(QLocale().toString(static_cast<qulonglong>(file->statistics.triples)),
                                     QFileInfo(file->path).fileName(), QString::number(file->report.seconds, 'f', 2)),
        10000);
    Q_EMIT fileOpened(file->path);
}

// A file that cannot be read gets its tab all the same, with the error where its summary would be
// (FILE:LINE:COL kept), not just a line in the status bar that fades.
void MainWindow::showLoadFailure(const QString& path, const QString& message)
{
    auto* page = new QLabel(tr("<h3>✖ %1 could not be read</h3><pre>%2</pre><p>Fix the file and open it again "
                               "(File ▸ Open Recent).</p>")
                                .arg(QFileInfo(path).fileName().toHtmlEscaped(), message.toHtmlEscaped()));
    page->setObjectName(QStringLiteral("fileError"));
    page->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    page->setWordWrap(true);
    page->setMargin(16);
    page->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const int index
        = m_tabs->addTab(page, style()->standardIcon(QStyle::SP_MessageBoxCritical), QFileInfo(path).fileName());
    m_tabs->setTabToolTip(index, path);
    disambiguateTabTitles();
    m_tabs->setCurrentIndex(index);
    m_filesPage->setCurrentIndex(1);
    showView(View::Files);
}

// Two versions of one ontology usually share a file name: name them by their folder too.
void MainWindow::disambiguateTabTitles()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QFileInfo info(m_tabs->tabToolTip(i));
        bool clash = false;
        for (int j = 0; j < m_tabs->count(); ++j)
            clash |= j != i && QFileInfo(m_tabs->tabToolTip(j)).fileName() == info.fileName();
        m_tabs->setTabText(i, clash ? info.dir().dirName() + '/' + info.fileName() : info.fileName());
    }
}

// Recent entries: ("compare", OLD, NEW), ("workspace", PATH) or ("file", PATH), newest first.
void MainWindow::remember(const QStringList& entry)
{
    QSettings settings;
    QList<QVariant> recent = settings.value(kRecentKey).toList();
    recent.removeAll(QVariant(entry));
    recent.prepend(QVariant(entry));
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QList<QVariant> recent = QSettings().value(kRecentKey).toList();
    for (const QVariant& item : recent) {
        const QStringList entry = item.toStringList();
        if (entry.size() == 3 && entry[0] == QLatin1String("compare"))
            m_recentMenu->addAction(tr("Compare %1 → %2").arg(entry[1], entry[2]), this,
                [this, entry] { compareFiles(entry[1], entry[2]); });
        else if (entry.size() == 2 && entry[0] == QLatin1String("workspace"))
            m_recentMenu->addAction(tr("Workspace %1").arg(entry[1]), this, [this, entry] {
                openWorkspace(entry[1]);
                showView(View::Snapshots);
            });
        else if (entry.size() == 2)
            m_recentMenu->addAction(entry[1], this, [this, entry] { openFiles({entry[1]}); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
    settings.setValue("mainWindow/view", int(currentView()));
    m_engine.cancelAll();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

// A workspace opens in the snapshot browser, two files are compared, anything else is inspected.
void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        if (isWorkspaceFile(url.toLocalFile())) {
            openWorkspace(url.toLocalFile());
            showView(View::Snapshots);
        } else {
            paths << url.toLocalFile();
        }
    }
    if (paths.size() == 2)
        compareFiles(paths[0], paths[1]);
    else if (!paths.isEmpty()) {
        openFiles(paths);
        showView(View::Files);
    }
    event->acceptProposedAction();
}

void MainWindow::showTermSearch()
{
    m_termSearch->openFor(m_diff->session(), m_snapshots->workspacePath());
}

void MainWindow::loadConfig(const QString& path)
{
    try {
        const config::Config config = config::loadConfig(path.toStdString());
        m_termSearch->setConfig(config);
        m_migrations->setConfig(config);
        m_agents->setConfig(config);
        m_metrics->setAlertRules(config.alerts);
    } catch (const Error& e) {
        statusBar()->showMessage(tr("The config file was not read: %1").arg(QString::fromUtf8(e.what())), 30000);
    }
}

// A term of the open comparison is shown there; one found in a workspace graph (and not in the
// comparison) opens that graph's version against the one before it, then shows the term.
void MainWindow::showChosenTerm(const QString& iri, const QString& graph, qint64 seq)
{
    showView(View::Diff);
    if (m_diff->showTerm(iri))
        return;
    if (graph.isEmpty()) {
        statusBar()->showMessage(tr("%1 did not change between the versions").arg(iri), 5000);
        return;
    }
    m_pendingTerm = iri;
    m_diff->compareVersions(
        [path = m_snapshots->workspacePath().toStdString(), graph = graph.toStdString(), seq](
            const engine::TaskContext& context) { return readGraphVersionAndPrevious(path, graph, seq, context); },
        tr("%1 (the version before)").arg(graph), QStringLiteral("%1@%2").arg(graph).arg(seq));
}

} // namespace evograph::ui
