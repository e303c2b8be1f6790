#pragma once
// Ctrl+K: find a term by what it means (its label, synonyms, definition and place in the graph)
// in the open comparison and the open workspace's graphs, and jump to it in the diff viewer. The
// terms are embedded once per (comparison, workspace, provider) on a worker thread: the built-in
// embedder by default, or a provider of the config file (its key from the environment variable
// the config names, else the system keyring). Each query runs on a worker too, superseding the
// one before, so typing never waits on the engine.

#include "common/diff_session.h"
#include "common/engine_adapter.h"

#include "evograph/config/config.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace evograph::ui {

class ApiKeyStore;

class TermSearchPopup : public QDialog {
    Q_OBJECT
public:
    explicit TermSearchPopup(EngineAdapter& engine, QWidget* parent = nullptr);
    ~TermSearchPopup() override;

    // The providers offered beside the built-in embedder.
    void setConfig(config::Config config);
    // Shows the popup over this comparison and workspace (either may be absent), indexing them
    // first when they are not what the last index covered.
    void openFor(std::shared_ptr<const DiffSession> session, const QString& workspacePath);
    // The workspace changed (a migration, a restore): index it again when next needed.
    void invalidate();

    QLineEdit* input() const { return m_input; }
    QListWidget* results() const { return m_results; }
    QComboBox* providers() const { return m_provider; }
    QLabel* status() const { return m_status; }
    bool isIndexed() const { return m_index != nullptr; }

Q_SIGNALS:
    // GRAPH and SEQ name the workspace graph version the term was found in; GRAPH is empty for a
    // term of the open comparison.
    void termChosen(const QString& iri, const QString& graph, qint64 seq);
    void resultsShown(); // after each query's results arrive (tests wait for it)
    void indexFailed(const QString& message);

private:
    struct Index;
    struct Scope {
        std::shared_ptr<const DiffSession> session;
        QString workspace, provider;
        bool operator==(const Scope&) const = default;
    };
    void reindex();
    void startIndexing(const std::string& apiKey);
    void setKey();
    void runQuery();
    void choose();
    bool eventFilter(QObject* watched, QEvent* event) override;

    EngineAdapter& m_engine;
    ApiKeyStore* m_keys;
    config::Config m_config;
    Scope m_scope; // what is indexed, or being indexed
    bool m_stale = false; // the workspace changed since
    std::shared_ptr<Index> m_index;
    QLineEdit* m_input;
    QComboBox* m_provider;
    QPushButton* m_setKey;
    QListWidget* m_results;
    QLabel* m_status;
    QTimer* m_debounce;
};

} // namespace evograph::ui
