#pragma once
// The jobs panel: what the engine is doing for the studio, with progress bars and a way to
// cancel the selected job (or all of them).

#include "common/jobs_model.h"

#include <QWidget>

class QTreeView;
class QPushButton;

namespace evograph::ui {

class JobsPanel : public QWidget {
    Q_OBJECT
public:
    explicit JobsPanel(EngineAdapter& engine, QWidget* parent = nullptr);
    JobsModel* model() const { return m_model; }

private:
    void updateButtons();

    EngineAdapter& m_engine;
    JobsModel* m_model;
    QTreeView* m_view;
    QPushButton* m_cancel;
    QPushButton* m_cancelAll;
};

} // namespace evograph::ui
