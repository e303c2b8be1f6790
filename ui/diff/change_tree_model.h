#pragma once
// The changes of a comparison as a tree: grouped by severity (breaking first), by kind, or by
// class hierarchy, filtered by kind, severity, namespace and free text. The model keeps only
// integer nodes over the session's precomputed rows; names are formatted when a view asks for
// them, so 100,000 changes cost a scan, not 100,000 strings.

#include "diff_session.h"

#include <QAbstractItemModel>

#include <memory>
#include <optional>

namespace evograph::ui {

enum class Grouping { Severity, Kind, ClassHierarchy };

struct ChangeFilter {
    std::optional<analysis::ChangeKind> kind;
    std::optional<analysis::Severity> severity;
    QString nameSpace; // empty: any
    QString text; // case-insensitive, over entity, label, kind and reason
    bool operator==(const ChangeFilter&) const = default;
};

class ChangeTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Entity, Kind, Severity, Impact, ColumnCount };
    static constexpr int kChangeRole = Qt::UserRole + 1; // index into the analysis' changes; -1 for a group

    explicit ChangeTreeModel(QObject* parent = nullptr);

    void setSession(std::shared_ptr<const DiffSession> session);
    const std::shared_ptr<const DiffSession>& session() const { return m_session; }
    void setGrouping(Grouping grouping);
    void setFilter(const ChangeFilter& filter);
    const ChangeFilter& filter() const { return m_filter; }

    // Changes that pass the filter, in the order the tree shows them.
    int visibleChanges() const { return static_cast<int>(m_order.size()); }
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
    struct Node {
        QString title; // groups only
        int change = -1;
        int parent = -1, row = 0;
        int count = 0; // changes below a group
        analysis::Severity worst = analysis::Severity::Safe;
        std::vector<int> children;
    };
    void rebuild();
    bool accepts(std::size_t change) const;
    int addNode(int parent, Node node);
    int addGroup(int parent, const QString& title);
    int classGroupNode(int classGroup, std::vector<int>& nodeOfClass);

    std::shared_ptr<const DiffSession> m_session;
    Grouping m_grouping = Grouping::Severity;
    ChangeFilter m_filter;
    QString m_needle; // the filter text in lower case
    std::vector<Node> m_nodes; // [0] is the root
    std::vector<int> m_order; // change nodes in display order
    std::vector<int> m_positionOfNode; // by node; -1 for groups
};

// Glyph and word for a severity or a kind family, so neither relies on colour alone.
QString severityBadge(analysis::Severity severity);
QString kindBadge(analysis::ChangeKind kind);
QColor severityColor(analysis::Severity severity);

} // namespace evograph::ui
