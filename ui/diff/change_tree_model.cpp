#include "change_tree_model.h"

#include <QColor>
#include <QFont>
#include <QLocale>

#include <functional>
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
    case ChangeKind::RestrictionAdded:
        return QStringLiteral("+ ") + kindTitle(kind);
    case ChangeKind::ClassRemoved:
    case ChangeKind::PropertyRemoved:
    case ChangeKind::IndividualRemoved:
    case ChangeKind::SuperclassRemoved:
    case ChangeKind::RestrictionRemoved:
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
    m_nodes.emplace_back();
}

void ChangeTreeModel::setSession(std::shared_ptr<const DiffSession> session)
{
    m_session = std::move(session);
    rebuild();
}

void ChangeTreeModel::setGrouping(Grouping grouping)
{
    if (grouping != m_grouping)
        m_grouping = grouping, rebuild();
}

void ChangeTreeModel::setFilter(const ChangeFilter& filter)
{
    if (!(filter == m_filter))
        m_filter = filter, rebuild();
}

bool ChangeTreeModel::accepts(std::size_t i) const
{
    const analysis::Change& change = m_session->analysis().changes[i];
    const ChangeRow& row = m_session->rows[i];
    return (!m_filter.kind || change.kind == *m_filter.kind)
        && (!m_filter.severity || change.severity == *m_filter.severity)
        && (m_filter.nameSpace.isEmpty() || row.nameSpace == m_filter.nameSpace)
        && (m_filter.text.isEmpty() || row.search.contains(m_filter.text, Qt::CaseInsensitive));
}

int ChangeTreeModel::addNode(int parent, Node node)
{
    const int id = static_cast<int>(m_nodes.size());
    node.parent = parent;
    node.row = static_cast<int>(m_nodes[parent].children.size());
    m_nodes[parent].children.push_back(id);
    m_nodes.push_back(std::move(node));
    return id;
}

int ChangeTreeModel::groupFor(int parent, const QString& title, std::map<std::pair<int, QString>, int>& groups)
{
    auto [it, added] = groups.try_emplace({parent, title}, 0);
    if (added) {
        Node group;
        group.title = title;
        it->second = addNode(parent, std::move(group));
    }
    return it->second;
}

void ChangeTreeModel::rebuild()
{
    beginResetModel();
    m_nodes.assign(1, Node {});
    m_order.clear();
    if (m_session) {
        const auto& changes = m_session->analysis().changes;
        std::vector<std::size_t> accepted;
        for (std::size_t i = 0; i < changes.size(); ++i)
            if (accepts(i))
                accepted.push_back(i);
        std::map<std::pair<int, QString>, int> groups;
        // Groups appear in the order of their first change, so sort the changes by group first.
        if (m_grouping == Grouping::Severity)
            std::stable_sort(accepted.begin(), accepted.end(),
                [&](std::size_t a, std::size_t b) { return changes[a].severity > changes[b].severity; });
        else if (m_grouping == Grouping::ClassHierarchy)
            std::stable_sort(accepted.begin(), accepted.end(), [&](std::size_t a, std::size_t b) {
                return m_session->rows[a].classPath < m_session->rows[b].classPath;
            });
        for (const std::size_t i : accepted) {
            int parent = 0;
            switch (m_grouping) {
            case Grouping::Severity:
                parent = groupFor(0, severityBadge(changes[i].severity), groups);
                break;
            case Grouping::Kind:
                parent = groupFor(0, kindTitle(changes[i].kind), groups);
                break;
            case Grouping::ClassHierarchy: {
                const QStringList& path = m_session->rows[i].classPath;
                if (path.isEmpty())
                    parent = groupFor(0, tr("(not under a class)"), groups);
                for (const QString& step : path)
                    parent = groupFor(parent, step, groups);
                break;
            }
            }
            Node leaf;
            leaf.change = static_cast<int>(i);
            addNode(parent, std::move(leaf));
            for (int up = parent; up > 0; up = m_nodes[up].parent) {
                ++m_nodes[up].count;
                m_nodes[up].worst = std::max(m_nodes[up].worst, changes[i].severity);
            }
        }
        // Display order: depth first.
        std::function<void(int)> walk = [&](int node) {
            if (m_nodes[node].change >= 0)
                m_order.push_back(node);
            for (const int child : m_nodes[node].children)
                walk(child);
        };
        walk(0);
    }
    m_positionOfNode.assign(m_nodes.size(), -1);
    for (std::size_t position = 0; position < m_order.size(); ++position)
        m_positionOfNode[m_order[position]] = static_cast<int>(position);
    endResetModel();
}

QModelIndex ChangeTreeModel::indexOfPosition(int position) const
{
    if (position < 0 || position >= visibleChanges())
        return {};
    const Node& node = m_nodes[m_order[position]];
    return createIndex(node.row, 0, static_cast<quintptr>(m_order[position]));
}

int ChangeTreeModel::positionOf(const QModelIndex& index) const
{
    return index.isValid() ? m_positionOfNode[index.internalId()] : -1;
}

QModelIndex ChangeTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int parentNode = parent.isValid() ? static_cast<int>(parent.internalId()) : 0;
    return createIndex(row, column, static_cast<quintptr>(m_nodes[parentNode].children[row]));
}

QModelIndex ChangeTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = m_nodes[child.internalId()].parent;
    if (parentNode <= 0)
        return {};
    return createIndex(m_nodes[parentNode].row, 0, static_cast<quintptr>(parentNode));
}

int ChangeTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    const int node = parent.isValid() ? static_cast<int>(parent.internalId()) : 0;
    return static_cast<int>(m_nodes[node].children.size());
}

int ChangeTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ChangeTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node& node = m_nodes[index.internalId()];
    if (role == kChangeRole)
        return node.change;
    if (node.change < 0) { // a group
        if (role == Qt::DisplayRole && index.column() == Entity)
            return QStringLiteral("%1  (%2)").arg(node.title, QLocale().toString(node.count));
        if (role == Qt::ForegroundRole && index.column() == Entity && m_grouping == Grouping::Severity)
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
    case Qt::ToolTipRole:
        return QString::fromStdString(change.reason);
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

} // namespace evograph::ui
