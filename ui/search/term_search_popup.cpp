#include "search/term_search_popup.h"

#include "evograph/embed/term_search.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>

#include <mutex>
#include <thread>

namespace evograph::ui {

// The embedded terms and the lock that keeps two queries from using the embedder at once (a
// superseded query may still be running when the next starts).
struct TermSearchPopup::Index {
    std::mutex mutex;
    std::unique_ptr<embed::TermSearch> search;
};

namespace {
constexpr int kResults = 12;
constexpr int kRoleIri = Qt::UserRole + 1;
} // namespace

TermSearchPopup::TermSearchPopup(EngineAdapter& engine, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_input(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Search Terms"));
    resize(640, 420);
    m_input->setPlaceholderText(tr("Find a term by what it means: a word, a label, a definition…"));
    m_input->setClearButtonEnabled(true);
    m_results->setUniformItemSizes(true);
    m_results->setTextElideMode(Qt::ElideMiddle);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_input, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &TermSearchPopup::runQuery);
    connect(m_input, &QLineEdit::returnPressed, this, &TermSearchPopup::choose);
    connect(m_results, &QListWidget::itemActivated, this, &TermSearchPopup::choose);
    // Up and Down in the input move through the results.
    m_input->installEventFilter(this);
}

TermSearchPopup::~TermSearchPopup() = default;

void TermSearchPopup::openFor(std::shared_ptr<const DiffSession> session)
{
    if (session != m_session) {
        m_session = std::move(session);
        m_index.reset();
        m_results->clear();
        if (m_session)
            startIndexing();
        else
            m_status->setText(tr("Compare two versions first (Ctrl+D): the search covers their terms."));
    }
    show();
    raise();
    activateWindow();
    m_input->setFocus();
    m_input->selectAll();
}

void TermSearchPopup::startIndexing()
{
    m_status->setText(tr("Embedding the terms of %1 and %2…").arg(m_session->oldTitle, m_session->newTitle));
    auto session = m_session;
    m_engine.run(
        this, "term-search-index", tr("Embedding the terms for search"), "search.index",
        [session](const engine::TaskContext& context) {
            const analysis::KnownTerms terms(session->dictionary());
            const analysis::OntologyIndex oldIndex(session->versions.oldData, terms);
            const analysis::OntologyIndex newIndex(session->versions.newData, terms);
            engine::ThreadPool pool(std::max(1u, std::thread::hardware_concurrency()));
            auto index = std::make_shared<Index>();
            index->search = std::make_unique<embed::TermSearch>(
                std::vector<embed::SearchableOntology> {
                    {session->oldTitle.toStdString(), &oldIndex}, {session->newTitle.toStdString(), &newIndex}},
                config::Config {}, config::kBuiltinProvider, &pool, &context);
            return index;
        },
        [this, session](std::shared_ptr<const std::shared_ptr<Index>> index) {
            if (session != m_session)
                return;
            m_index = *index;
            m_status->setText(tr("%n terms, built-in embeddings", nullptr, static_cast<int>(m_index->search->terms())));
            runQuery();
        });
}

void TermSearchPopup::runQuery()
{
    const QString text = m_input->text().trimmed();
    if (!m_index || text.isEmpty()) {
        if (text.isEmpty())
            m_results->clear();
        return;
    }
    auto index = m_index;
    m_engine.run(
        this, "term-search", tr("Searching terms"), "search.query",
        [index, query = text.toStdString()](const engine::TaskContext&) {
            const std::lock_guard lock(index->mutex);
            return index->search->search(query, kResults);
        },
        [this](std::shared_ptr<const std::vector<embed::TermHit>> hits) {
            m_results->clear();
            for (const embed::TermHit& hit : *hits) {
                const QString iri = QString::fromStdString(hit.iri);
                const QString label = hit.label.empty() ? iri.section(QRegularExpression("[#/]"), -1)
                                                        : QString::fromStdString(hit.label);
                auto* item = new QListWidgetItem(
                    QStringLiteral("%1   %2 · %3 · %4")
                        .arg(hit.score, 0, 'f', 2)
                        .arg(label, QString::fromStdString(hit.kind), QString::fromStdString(hit.version)),
                    m_results);
                item->setData(kRoleIri, iri);
                item->setToolTip(iri);
            }
            if (m_results->count())
                m_results->setCurrentRow(0);
            Q_EMIT resultsShown();
        });
}

void TermSearchPopup::choose()
{
    const QListWidgetItem* item = m_results->currentItem();
    if (!item)
        return;
    Q_EMIT termChosen(item->data(kRoleIri).toString());
    accept();
}

bool TermSearchPopup::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && m_results->count()) {
            const int row = m_results->currentRow() + (key == Qt::Key_Down ? 1 : -1);
            m_results->setCurrentRow(std::clamp(row, 0, m_results->count() - 1));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace evograph::ui
