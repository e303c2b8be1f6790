#include "main_window.h"

#include "files/file_summary_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>

namespace evograph::ui {

namespace {
constexpr int kMaxRecent = 10;
const char* const kRecentKey = "recentFiles";
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_stack(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_jobLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setWindowTitle(tr("evograph studio"));
    setAcceptDrops(true);
    resize(1000, 640);

    auto* welcome = new QLabel(tr("<h2>evograph studio</h2>"
                                  "<p>Open an RDF file (Turtle, TriG, N-Triples, N-Quads, RDF/XML) with "
                                  "<b>File ▸ Open</b> (Ctrl+O), or drop it here.</p>"));
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setObjectName(QStringLiteral("welcome"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        delete m_tabs->widget(index);
        updateEmptyState();
    });
    m_stack->addWidget(welcome);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel the running job (Esc)"));
    m_cancel->setShortcut(Qt::Key_Escape);
    statusBar()->addPermanentWidget(m_jobLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_jobLabel->hide(), m_progress->hide(), m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        for (const int id : m_runningJobs)
            m_engine.cancel(id);
    });

    connect(&m_engine, &EngineAdapter::jobStarted, this, [this](int id, const QString& description) {
        m_runningJobs.append(id);
        m_jobLabel->setText(description);
        m_progress->setRange(0, 0);
        m_jobLabel->show(), m_progress->show(), m_cancel->show();
    });
    connect(&m_engine, &EngineAdapter::jobProgress, this, [this](int, qint64 done, qint64 total) {
        if (total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(static_cast<int>(1000 * done / total));
        }
    });
    connect(&m_engine, &EngineAdapter::fileLoaded, this, &MainWindow::onFileLoaded);
    connect(&m_engine, &EngineAdapter::jobFailed, this, [this](int id, const QString& message) {
        onJobFinished(id);
        statusBar()->showMessage(tr("Could not read the file"), 10000);
        QMessageBox box(QMessageBox::Warning, tr("Could not read the file"), message, QMessageBox::Ok, this);
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        box.exec();
    });
    connect(&m_engine, &EngineAdapter::jobCancelled, this, [this](int id) {
        onJobFinished(id);
        statusBar()->showMessage(tr("Cancelled"), 5000);
    });

    createMenus();
    QSettings settings;
    restoreGeometry(settings.value("mainWindow/geometry").toByteArray());
    restoreState(settings.value("mainWindow/state").toByteArray());
    updateEmptyState();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::showOpenDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addAction(tr("&Close Tab"), QKeySequence::Close, this, [this] {
        if (m_tabs->count() > 0)
            Q_EMIT m_tabs->tabCloseRequested(m_tabs->currentIndex());
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About evograph"), this, [this] {
        QMessageBox::about(this, tr("About evograph"),
            tr("<b>evograph studio %1</b><p>A workbench for evolving and migrating RDF ontologies.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showOpenDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open RDF files"), QString(),
        tr("RDF files (*.ttl *.trig *.nt *.nq *.rdf *.owl *.xml);;All files (*)"));
    openFiles(paths);
}

void MainWindow::openFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        m_engine.loadFile(path);
        rememberRecent(QFileInfo(path).absoluteFilePath());
    }
}

void MainWindow::onFileLoaded(int jobId, std::shared_ptr<const LoadedFile> file)
{
    onJobFinished(jobId);
    auto* view = new FileSummaryView(file);
    const int index = m_tabs->addTab(view, QFileInfo(file->path).fileName());
    m_tabs->setTabToolTip(index, file->path);
    disambiguateTabTitles();
    m_tabs->setCurrentIndex(index);
    updateEmptyState();
    statusBar()->showMessage(tr("Read %1 triples from %2 in %3 s")
                                 .arg(QLocale().toString(static_cast<qulonglong>(file->statistics.triples)),
                                     QFileInfo(file->path).fileName(), QString::number(file->report.seconds, 'f', 2)),
        10000);
    Q_EMIT fileOpened(file->path);
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

void MainWindow::onJobFinished(int jobId)
{
    m_runningJobs.removeAll(jobId);
    if (m_runningJobs.isEmpty())
        m_jobLabel->hide(), m_progress->hide(), m_cancel->hide();
}

void MainWindow::updateEmptyState()
{
    m_stack->setCurrentIndex(m_tabs->count() > 0 ? 1 : 0);
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openFiles({path}); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    openFiles(paths);
    event->acceptProposedAction();
}

} // namespace evograph::ui
