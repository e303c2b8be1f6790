#pragma once
// Ctrl+K: find a term of the open comparison by what it means (its label, synonyms, definition
// and place in the graph), and jump to it in the diff viewer. The terms of both versions are
// embedded once per comparison on a worker thread (the built-in embedder); each query runs on a
// worker too, superseding the one before, so typing never waits on the engine.

#include "common/engine_adapter.h"
#include "diff/diff_session.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace evograph::ui {

class TermSearchPopup : public QDialog {
    Q_OBJECT
public:
    explicit TermSearchPopup(EngineAdapter& engine, QWidget* parent = nullptr);
    ~TermSearchPopup() override;

    // Shows the popup over this comparison (indexing it first when it is a new one).
    void openFor(std::shared_ptr<const DiffSession> session);
    QLineEdit* input() const { return m_input; }
    QListWidget* results() const { return m_results; }
    bool isIndexed() const { return m_index != nullptr; }

Q_SIGNALS:
    void termChosen(const QString& iri);
    void resultsShown(); // after each query's results arrive (tests wait for it)

private:
    struct Index;
    void startIndexing();
    void runQuery();
    void choose();
    bool eventFilter(QObject* watched, QEvent* event) override;

    EngineAdapter& m_engine;
    std::shared_ptr<const DiffSession> m_session;
    std::shared_ptr<Index> m_index;
    QLineEdit* m_input;
    QListWidget* m_results;
    QLabel* m_status;
    QTimer* m_debounce;
};

} // namespace evograph::ui
