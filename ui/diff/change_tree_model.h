#pragma once
// The changes of a comparison as a tree: grouped by severity (breaking first), by kind, or by
// class hierarchy, filtered by kind, severity, namespace and free text. The model keeps only
// integer nodes over the session's precomputed rows; names are formatted when a view asks for
// them, so 100,000 changes cost a scan, not 100,000 strings.

#include "change_tree.h"
#include "common/diff_session.h"

#include <QAbstractItemModel>

#include <memory>
#include <optional>

namespace evograph::ui {

class ChangeTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Entity, Kind, Severity, Impact, ColumnCount };
    static constexpr int kChangeRole = Qt::UserRole + 1; // index into the analysis' changes; -1 for a group

    explicit ChangeTreeModel(QObject* parent = nullptr);

    // Shows `session`, with `tree` when one was built for it on a worker (else builds it here, with
    // the current grouping and filter). Returns the tree it replaces, for the caller to free off the
    // GUI thread.
    ChangeTree setSession(std::shared_ptr<const DiffSession> session, std::optional<ChangeTree> tree = std::nullopt);
    const std::shared_ptr<const DiffSession>& session() const { return m_session; }
    // Rebuild the tree here, on the calling thread.
    void setGrouping(Grouping grouping);
    void setFilter(const ChangeFilter& filter);
    // Shows a tree built elsewhere (buildChangeTree on a worker) for the current session; returns
    // the one it replaces, for the caller to free off the GUI thread.
    ChangeTree setTree(ChangeTree tree);
    Grouping grouping() const { return m_tree.grouping; }
    const ChangeFilter& filter() const { return m_tree.filter; }

    // Changes that pass the filter, in the order the tree shows them.
    int visibleChanges() const { return static_cast<int>(m_tree.order.size()); }
    QModelIndex indexOfPosition(int position) const; // position in [0, visibleChanges())
    int positionOf(const QModelIndex& index) const; // -1 for a group
    int positionOfChange(std::size_t change) const; // -1 when the filter hides it

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const DiffSession> m_session;
    ChangeTree m_tree;
};

// Glyph and word for a severity or a kind family, so neither relies on colour alone.
QString severityBadge(analysis::Severity severity);
QString kindBadge(analysis::ChangeKind kind);
QColor severityColor(analysis::Severity severity);

} // namespace evograph::ui
