#include "change_tree_model.h"

#include <QColor>
#include <QFont>
#include <QLocale>

#include <map>

namespace evograph::ui {

using analysis::ChangeKind;
using analysis::Severity;

QString severityBadge(Severity severity)
{
    switch (severity) {
    case Severity::Breaking:
        return QStringLiteral("✖ breaking");
    case Severity::Cosmetic:
        return QStringLiteral("● cosmetic");
    case Severity::Safe:
        break;
    }
    return QStringLiteral("✔ safe");
}

QColor severityColor(Severity severity)
{
    // Accents that keep their contrast on light and dark backgrounds.
    switch (severity) {
    case Severity::Breaking:
        return QColor(220, 50, 47);
    case Severity::Cosmetic:
        return QColor(38, 139, 210);
    case Severity::Safe:
        break;
    }
    return QColor(100, 150, 0);
}

QString kindBadge(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::ClassAdded:
    case ChangeKind::PropertyAdded:
    case ChangeKind::IndividualAdded:
    case ChangeKind::SuperclassAdded:
    case ChangeKind::SuperpropertyAdded:
    case ChangeKind::RestrictionAdded:
    case ChangeKind::RedeclarationAdded:
        return QStringLiteral("+ ") + kindTitle(kind);
    case ChangeKind::ClassRemoved:
    case ChangeKind::PropertyRemoved:
    case ChangeKind::IndividualRemoved:
    case ChangeKind::SuperclassRemoved:
    case ChangeKind::SuperpropertyRemoved:
    case ChangeKind::RestrictionRemoved:
    case ChangeKind::RedeclarationDropped:
        return QStringLiteral("− ") + kindTitle(kind);
    case ChangeKind::ClassRenamed:
    case ChangeKind::PropertyRenamed:
        return QStringLiteral("→ ") + kindTitle(kind);
    case ChangeKind::ClassDeprecated:
    case ChangeKind::PropertyDeprecated:
        return QStringLiteral("⚠ ") + kindTitle(kind);
    default:
        return QStringLiteral("~ ") + kindTitle(kind);
    }
}

ChangeTreeModel::ChangeTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

ChangeTree ChangeTreeModel::setSession(std::shared_ptr<const DiffSession> session, std::optional<ChangeTree> tree)
{
    m_session = std::move(session);
    return setTree(tree ? std::move(*tree) : buildChangeTree(m_session.get(), m_tree.grouping, m_tree.filter));
}

void ChangeTreeModel::setGrouping(Grouping grouping)
{
    if (grouping != m_tree.grouping)
        setTree(buildChangeTree(m_session.get(), grouping, m_tree.filter));
}

void ChangeTreeModel::setFilter(const ChangeFilter& filter)
{
    if (!(filter == m_tree.filter))
        setTree(buildChangeTree(m_session.get(), m_tree.grouping, filter));
}

ChangeTree ChangeTreeModel::setTree(ChangeTree tree)
{
    beginResetModel();
    std::swap(m_tree, tree);
    endResetModel();
    return tree;
}

QModelIndex ChangeTreeModel::indexOfPosition(int position) const
{
    if (position < 0 || position >= visibleChanges())
        return {};
    const ChangeTree::Node& node = m_tree.nodes[m_tree.order[position]];
    return createIndex(node.row, 0, static_cast<quintptr>(m_tree.order[position]));
}

int ChangeTreeModel::positionOf(const QModelIndex& index) const
{
    return index.isValid() ? m_tree.positionOfNode[index.internalId()] : -1;
}

QModelIndex ChangeTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int parentNode = parent.isValid() ? static_cast<int>(parent.internalId()) : 0;
    return createIndex(row, column, static_cast<quintptr>(m_tree.nodes[parentNode].children[row]));
}

QModelIndex ChangeTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = m_tree.nodes[child.internalId()].parent;
    if (parentNode <= 0)
        return {};
    return createIndex(m_tree.nodes[parentNode].row, 0, static_cast<quintptr>(parentNode));
}

int ChangeTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    const int node = parent.isValid() ? static_cast<int>(parent.internalId()) : 0;
    return static_cast<int>(m_tree.nodes[node].children.size());
}

int ChangeTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ChangeTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ChangeTree::Node& node = m_tree.nodes[index.internalId()];
    if (role == kChangeRole)
        return node.change;
    if (node.change < 0) { // a group
        if (role == Qt::DisplayRole && index.column() == Entity)
            return QStringLiteral("%1  (%2)").arg(node.title, QLocale().toString(node.count));
        if (role == Qt::ForegroundRole && index.column() == Entity && m_tree.grouping == Grouping::Severity)
            return severityColor(node.worst);
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    const analysis::Change& change = m_session->analysis().changes[node.change];
    const ChangeRow& row = m_session->rows[node.change];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Entity:
            return row.label.isEmpty() ? row.entity : QStringLiteral("%1  “%2”").arg(row.entity, row.label);
        case Kind:
            return kindBadge(change.kind);
        case Severity:
            return severityBadge(change.severity);
        case Impact:
            return change.impact ? QVariant(QLocale().toString(static_cast<qulonglong>(change.impact->count)))
                                 : QVariant();
        }
        return {};
    case Qt::ForegroundRole:
        return index.column() == Severity ? QVariant(severityColor(change.severity)) : QVariant();
    case Qt::ToolTipRole: // the entity in full (long names are cut in the column), then why
        return index.column() == Entity
            ? (row.label.isEmpty() ? row.entity : QStringLiteral("%1  “%2”").arg(row.entity, row.label)) + '\n'
                + QString::fromStdString(change.reason)
            : QString::fromStdString(change.reason);
    case Qt::TextAlignmentRole:
        return index.column() == Impact ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant ChangeTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const names[] = {"Entity", "Change", "Severity", "Impact"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

int ChangeTreeModel::positionOfChange(std::size_t change) const
{
    for (std::size_t position = 0; position < m_tree.order.size(); ++position)
        if (m_tree.nodes[std::size_t(m_tree.order[position])].change == static_cast<int>(change))
            return static_cast<int>(position);
    return -1;
}

} // namespace evograph::ui
