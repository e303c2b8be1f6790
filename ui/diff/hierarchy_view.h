#pragma once
// The Hierarchy mode of the diff viewer: the class, property or concept tree of both versions side
// by side, rows aligned so an entity sits on the same line in both, coloured by what happened to
// it (a mark too, not colour alone), deprecated terms struck through, and a drawn link between the
// old and the new place of a term that moved or was renamed. Unchanged stretches fold with counts;
// "changed only" and a search narrow it; F7 / Shift+F7 (the viewer's actions) step through changes.

#include "diff/hierarchy_model.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace evograph::ui {

class MoveLinks;

class HierarchyView : public QWidget {
    Q_OBJECT
public:
    explicit HierarchyView(QWidget* parent = nullptr);

    void setSession(std::shared_ptr<const DiffSession> session);
    void setKind(analysis::HierarchyKind kind);
    void setShow(HierarchyModel::Show show);
    HierarchyModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

    void next();
    void previous();
    void focusSearch();
    // Selects the row of the entry (its NEW place first); false when it is not shown.
    bool selectEntry(std::size_t entry);
    int currentEntry() const; // -1 when none

Q_SIGNALS:
    // The user selected an entity: `entry` indexes the current tree's entries.
    void entitySelected(analysis::HierarchyKind kind, std::size_t entry);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override; // keeps the links over the whole table

private:
    void selectRow(int row);
    void updateSummary();

    HierarchyModel* m_model;
    QTableView* m_table;
    MoveLinks* m_links;
    QComboBox* m_kind;
    QComboBox* m_show;
    QLineEdit* m_search;
    QLabel* m_summary;
};

} // namespace evograph::ui
