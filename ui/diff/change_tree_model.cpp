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
        && (m_needle.isEmpty() || row.search.contains(m_needle)); // both lower case already
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

int ChangeTreeModel::addGroup(int parent, const QString& title)
{
    Node group;
    group.title = title;
    return addNode(parent, std::move(group));
}

// The group node of a class in the hierarchy, creating it and its ancestors on first use.
int ChangeTreeModel::classGroupNode(int classGroup, std::vector<int>& nodeOfClass)
{
    if (nodeOfClass[static_cast<std::size_t>(classGroup)] == 0) {
        const ClassGroup& group = m_session->classTree[static_cast<std::size_t>(classGroup)];
        const int parent = group.parent < 0 ? 0 : classGroupNode(group.parent, nodeOfClass);
        nodeOfClass[static_cast<std::size_t>(classGroup)] = addGroup(parent, group.title);
    }
    return nodeOfClass[static_cast<std::size_t>(classGroup)];
}

// Buckets the accepted changes by group (no sorting, no string keys): 100,000 changes regroup in
// a few milliseconds.
void ChangeTreeModel::rebuild()
{
    beginResetModel();
    m_nodes.assign(1, Node {});
    m_order.clear();
    m_needle = m_filter.text.toLower();
    if (m_session) {
        const auto& changes = m_session->analysis().changes;
        auto keyOf = [&](std::size_t i) -> int {
            switch (m_grouping) {
            case Grouping::Severity:
                return int(Severity::Breaking) - int(changes[i].severity); // breaking first
            case Grouping::Kind:
                return int(changes[i].kind);
            case Grouping::ClassHierarchy:
                return m_session->rows[i].classGroup + 1; // 0: not under a class
            }
            return 0;
        };
        const std::size_t keys
            = m_grouping == Grouping::ClassHierarchy ? m_session->classTree.size() + 1 : analysis::kChangeKindCount;
        m_nodes.reserve(changes.size() + m_session->classTree.size() + keys + 1);
        std::vector<std::vector<int>> buckets(keys);
        for (std::size_t i = 0; i < changes.size(); ++i)
            if (accepts(i))
                buckets[static_cast<std::size_t>(keyOf(i))].push_back(static_cast<int>(i));
        std::vector<int> nodeOfClass(m_session->classTree.size(), 0);
        for (std::size_t key = 0; key < keys; ++key) {
            if (buckets[key].empty())
                continue;
            const std::size_t first = static_cast<std::size_t>(buckets[key].front());
            int parent = 0;
            switch (m_grouping) {
            case Grouping::Severity:
                parent = addGroup(0, severityBadge(changes[first].severity));
                break;
            case Grouping::Kind:
                parent = addGroup(0, kindTitle(changes[first].kind));
                break;
            case Grouping::ClassHierarchy:
                parent = key == 0 ? addGroup(0, tr("(not under a class)")) : classGroupNode(int(key) - 1, nodeOfClass);
                break;
            }
            for (const int change : buckets[key]) {
                Node leaf;
                leaf.change = change;
                addNode(parent, std::move(leaf));
            }
            const auto worst = std::max_element(buckets[key].begin(), buckets[key].end(),
                [&](int a, int b) { return changes[std::size_t(a)].severity < changes[std::size_t(b)].severity; });
            for (int up = parent; up > 0; up = m_nodes[up].parent) {
                m_nodes[up].count += static_cast<int>(buckets[key].size());
                m_nodes[up].worst = std::max(m_nodes[up].worst, changes[std::size_t(*worst)].severity);
            }
        }
        // Display order: depth first (iteratively: hierarchies can be deep).
        std::vector<int> stack {0};
        while (!stack.empty()) {
            const int node = stack.back();
            stack.pop_back();
            if (m_nodes[node].change >= 0)
                m_order.push_back(node);
            stack.insert(stack.end(), m_nodes[node].children.rbegin(), m_nodes[node].children.rend());
        }
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
    for (std::size_t position = 0; position < m_order.size(); ++position)
        if (m_nodes[std::size_t(m_order[position])].change == static_cast<int>(change))
            return static_cast<int>(position);
    return -1;
}

} // namespace evograph::ui
