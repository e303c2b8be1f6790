#include "search/term_search_popup.h"

#include "common/api_key_store.h"
#include "common/workspace_jobs.h"

#include "evograph/embed/http_embedder.h"
#include "evograph/embed/term_search.h"
#include "evograph/workspace/workspace.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>

#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace evograph::ui {

namespace {
using GraphVersions = std::map<std::string, std::pair<std::string, std::int64_t>>; // "GRAPH@SEQ" -> (GRAPH, SEQ)
}

// The embedded terms, which workspace graph version each result label stands for, and the lock
// that keeps two queries from using the embedder at once (a superseded query may still be
// running when the next starts).
struct TermSearchPopup::Index {
    std::mutex mutex;
    std::unique_ptr<embed::TermSearch> search;
    GraphVersions graphVersions;
};

namespace {
constexpr int kResults = 12;
constexpr int kRoleIri = Qt::UserRole + 1;
constexpr int kRoleVersion = Qt::UserRole + 2;

// The comparison's two versions and the workspace's current graphs, as named datasets over one
// Dictionary (the comparison's is copied when the workspace adds its graphs: a worker must not
// intern into a Dictionary the GUI reads).
struct Sources {
    std::deque<rdf::Dataset> owned;
    std::vector<std::pair<std::string, const rdf::Dataset*>> named;
};

Sources gatherSources(const std::shared_ptr<const DiffSession>& session, const std::string& workspacePath,
    GraphVersions& graphVersions, const engine::TaskContext& context);
} // namespace

TermSearchPopup::TermSearchPopup(EngineAdapter& engine, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_keys(new ApiKeyStore(this))
    , m_input(new QLineEdit(this))
    , m_provider(new QComboBox(this))
    , m_setKey(new QPushButton(tr("Set key…"), this))
    , m_results(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Search Terms"));
    resize(680, 440);
    m_input->setPlaceholderText(tr("Find a term by what it means: a word, a label, a definition…"));
    m_input->setClearButtonEnabled(true);
    m_provider->setToolTip(tr("What embeds the terms: evograph's built-in embedder, or a provider of the config file"));
    m_setKey->setToolTip(tr("Store this provider's API key in the system keyring"));
    m_results->setUniformItemSizes(true);
    m_results->setTextElideMode(Qt::ElideMiddle);
    m_status->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_input, 1);
    top->addWidget(m_provider);
    top->addWidget(m_setKey);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    setConfig({});
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_input, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &TermSearchPopup::runQuery);
    connect(m_input, &QLineEdit::returnPressed, this, &TermSearchPopup::choose);
    connect(m_results, &QListWidget::itemActivated, this, &TermSearchPopup::choose);
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        m_setKey->setVisible(m_provider->currentData().toString() != QLatin1String(config::kBuiltinProvider));
        if (isVisible())
            reindex();
    });
    connect(m_setKey, &QPushButton::clicked, this, &TermSearchPopup::setKey);
    // Up and Down in the input move through the results.
    m_input->installEventFilter(this);
}

TermSearchPopup::~TermSearchPopup() = default;

void TermSearchPopup::setConfig(config::Config config)
{
    m_config = std::move(config);
    const QSignalBlocker blocker(m_provider);
    m_provider->clear();
    m_provider->addItem(tr("Built-in"), QString::fromLatin1(config::kBuiltinProvider));
    for (const auto& [name, provider] : m_config.providers)
        m_provider->addItem(QString::fromStdString(name), QString::fromStdString(name));
    m_provider->setVisible(m_provider->count() > 1);
    m_setKey->setVisible(false);
}

void TermSearchPopup::openFor(std::shared_ptr<const DiffSession> session, const QString& workspacePath)
{
    const Scope scope {std::move(session), workspacePath, m_provider->currentData().toString()};
    if (!(scope == m_scope) || m_stale) {
        m_scope = scope;
        reindex();
    }
    show();
    raise();
    activateWindow();
    m_input->setFocus();
    m_input->selectAll();
}

void TermSearchPopup::invalidate()
{
    m_stale = !m_scope.workspace.isEmpty();
}

// Starts indexing m_scope with the chosen provider, fetching its key first when it needs one.
void TermSearchPopup::reindex()
{
    m_scope.provider = m_provider->currentData().toString();
    m_stale = false;
    m_index.reset();
    m_results->clear();
    if (!m_scope.session && m_scope.workspace.isEmpty()) {
        m_status->setText(
            tr("Compare two versions (Ctrl+D) or open a workspace first: the search covers their terms."));
        return;
    }
    const std::string provider = m_scope.provider.toStdString();
    if (provider == config::kBuiltinProvider)
        return startIndexing({});
    // The environment variable the config names wins; else the keyring's entry; else no key (a
    // local server may want none).
    if (std::string key = embed::apiKeyFromEnvironment(*m_config.provider(provider)); !key.empty())
        return startIndexing(key);
    m_status->setText(tr("Reading the key of %1 from the system keyring…").arg(m_scope.provider));
    const Scope asked = m_scope;
    m_keys->read(m_scope.provider, [this, asked](const QString& key, const QString& error) {
        if (!(asked == m_scope))
            return;
        if (!error.isEmpty())
            m_status->setText(tr("No key for %1 from %2; trying without one.").arg(asked.provider, error));
        startIndexing(key.toStdString());
    });
}

void TermSearchPopup::startIndexing(const std::string& apiKey)
{
    const Scope scope = m_scope;
    const QString what
        = scope.session ? tr("%1 and %2").arg(scope.session->oldTitle, scope.session->newTitle) : tr("the workspace");
    m_status->setText(tr("Embedding the terms of %1 (%2)…").arg(what, m_provider->currentText()));
    const int job = m_engine.run(
        this, "term-search-index", tr("Embedding the terms for search"), "search.index",
        [scope, apiKey, config = m_config](const engine::TaskContext& context) {
            auto index = std::make_shared<Index>();
            const Sources sources
                = gatherSources(scope.session, scope.workspace.toStdString(), index->graphVersions, context);
            const analysis::KnownTerms terms(sources.named.front().second->dictionary());
            std::deque<analysis::OntologyIndex> indexes;
            std::vector<embed::SearchableOntology> ontologies;
            for (const auto& [name, dataset] : sources.named)
                ontologies.push_back({name, &indexes.emplace_back(*dataset, terms)});
            engine::ThreadPool pool(std::max(1u, std::thread::hardware_concurrency()));
            index->search = std::make_unique<embed::TermSearch>(
                ontologies, config, scope.provider.toStdString(), &pool, &context, apiKey);
            return index;
        },
        [this, scope](std::shared_ptr<const std::shared_ptr<Index>> index) {
            if (!(scope == m_scope))
                return;
            m_index = *index;
            m_status->setText(tr("%n terms, embedded by %1", nullptr, static_cast<int>(m_index->search->terms()))
                                  .arg(QString::fromStdString(m_index->search->model().provider)));
            runQuery();
        });
    m_engine.onFailure(job, this, [this, scope](const QString& message) {
        if (!(scope == m_scope))
            return;
        m_status->setText(tr("The terms could not be embedded: %1").arg(message));
        Q_EMIT indexFailed(message);
    });
}

void TermSearchPopup::setKey()
{
    const QString provider = m_provider->currentData().toString();
    bool ok = false;
    const QString key = QInputDialog::getText(this, tr("API key"),
        tr("The API key of %1, kept in the system keyring (leave empty to remove it):").arg(provider),
        QLineEdit::Password, {}, &ok);
    if (!ok)
        return;
    auto stored = [this](const QString& error) {
        if (!error.isEmpty())
            return m_status->setText(tr("The key was not stored: %1").arg(error));
        reindex();
    };
    if (key.isEmpty())
        m_keys->remove(provider, stored);
    else
        m_keys->write(provider, key, stored);
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
                item->setData(kRoleVersion, QString::fromStdString(hit.version));
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
    if (!item || !m_index)
        return;
    const auto version = m_index->graphVersions.find(item->data(kRoleVersion).toString().toStdString());
    if (version == m_index->graphVersions.end())
        Q_EMIT termChosen(item->data(kRoleIri).toString(), {}, 0);
    else
        Q_EMIT termChosen(
            item->data(kRoleIri).toString(), QString::fromStdString(version->second.first), version->second.second);
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

namespace {
Sources gatherSources(const std::shared_ptr<const DiffSession>& session, const std::string& workspacePath,
    GraphVersions& graphVersions, const engine::TaskContext& context)
{
    Sources sources;
    if (workspacePath.empty()) {
        sources.named = {{session->oldTitle.toStdString(), &session->versions.oldData},
            {session->newTitle.toStdString(), &session->versions.newData}};
        return sources;
    }
    const auto dictionary = std::make_shared<rdf::Dictionary>();
    if (session) {
        sources.named.emplace_back(session->oldTitle.toStdString(),
            &sources.owned.emplace_back(rdf::copyInto(session->versions.oldData, dictionary)));
        sources.named.emplace_back(session->newTitle.toStdString(),
            &sources.owned.emplace_back(rdf::copyInto(session->versions.newData, dictionary)));
    }
    auto ws = openStudioWorkspace(workspacePath, workspace::Access::Read, "search");
    const workspace::Progress progress = workspace::Progress::of(context);
    for (const auto& [graph, head] : ws.state().graphs) {
        std::string label = graph + "@" + std::to_string(head.seq);
        graphVersions[label] = {graph, head.seq};
        sources.named.emplace_back(std::move(label),
            &sources.owned.emplace_back(ws.readContent(head.content, {progress.cancel, {}}, dictionary)));
    }
    if (sources.named.empty())
        throw Error(workspacePath + ": the workspace has no graphs to search");
    return sources;
}
} // namespace

} // namespace evograph::ui
