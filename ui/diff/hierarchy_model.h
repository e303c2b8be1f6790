#pragma once
// One hierarchy of a comparison as two aligned columns, OLD's tree on the left and NEW's on the
// right, an entity on the same row in both wherever the two orders allow (the session's aligned
// outlines). Unchanged stretches can be folded into one row ("… 214 unchanged") or left out, and a
// search keeps the rows whose names match.

#include "common/diff_session.h"

#include <QAbstractTableModel>

#include <memory>

namespace evograph::ui {

class HierarchyModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Old, New, ColumnCount };
    enum class Show { Everything, FoldUnchanged, ChangedOnly };
    static constexpr int kEntryRole = Qt::UserRole + 1; // the entry on that side; -1 for none or a fold
    static constexpr int kFoldRole = Qt::UserRole + 2; // the unchanged rows a fold row stands for; 0 else
    static constexpr int kDepthRole = Qt::UserRole + 3;

    explicit HierarchyModel(QObject* parent = nullptr);

    void setSession(std::shared_ptr<const DiffSession> session);
    void setKind(analysis::HierarchyKind kind);
    void setShow(Show show);
    void setSearch(const QString& text); // case-insensitive, on names and IRIs; empty: no search
    analysis::HierarchyKind kind() const { return m_kind; }
    Show show() const { return m_show; }

    const analysis::HierarchyTree* tree() const;
    // The row that shows an entry on a side; -1 when not shown (folded, filtered, or not on that side).
    int rowOf(std::size_t entry, Column side) const;
    // Rows whose entries are not unchanged, in order (next/previous change).
    const std::vector<int>& changedRows() const { return m_changedRows; }
    // The entry a row shows (NEW's side first); -1 for a fold row.
    int entryAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        std::size_t aligned = 0; // into the session's aligned rows; unused for a fold
        std::size_t folded = 0; // > 0: a fold row
    };
    void rebuild();
    QString name(std::size_t entry) const;

    std::shared_ptr<const DiffSession> m_session;
    analysis::HierarchyKind m_kind = analysis::HierarchyKind::Classes;
    Show m_show = Show::FoldUnchanged;
    QString m_search;
    std::vector<Row> m_rows;
    std::vector<int> m_changedRows;
    std::vector<int> m_oldRowOf, m_newRowOf; // by entry
};

// The colour a status is drawn in (not colour alone: each also has its mark).
QColor statusColor(analysis::NodeStatus status);

} // namespace evograph::ui
