#pragma once
// The jobs panel: what the engine is doing for the studio, with progress bars and a way to
// cancel the selected job (or all of them).

#include "common/jobs_model.h"

#include <QWidget>

class QCheckBox;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace evograph::ui {

class JobsPanel : public QWidget {
    Q_OBJECT
public:
    explicit JobsPanel(EngineAdapter& engine, QWidget* parent = nullptr);
    JobsModel* model() const { return m_model; }
    // What the panel lists: the user's jobs, and the views' bookkeeping when "Show internal" is on.
    QAbstractItemModel* shown() const;
    QCheckBox* showInternal() const { return m_showInternal; }

private:
    void updateButtons();

    EngineAdapter& m_engine;
    JobsModel* m_model;
    QSortFilterProxyModel* m_shown;
    QTreeView* m_view;
    QCheckBox* m_showInternal;
    QPushButton* m_cancel;
    QPushButton* m_cancelAll;
};

} // namespace evograph::ui
