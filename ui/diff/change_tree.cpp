#include "change_tree.h"

#include "change_tree_model.h" // severityBadge

#include <QCoreApplication>

#include <algorithm>

namespace evograph::ui {

namespace {
using analysis::Severity;

class TreeBuilder {
public:
    TreeBuilder(const DiffSession& session, ChangeTree& tree)
        : m_session(session)
        , m_tree(tree)
        , m_needle(tree.filter.text.toLower())
    {
    }

    bool accepts(std::size_t i) const
    {
        const analysis::Change& change = m_session.analysis().changes[i];
        const ChangeRow& row = m_session.rows[i];
        const ChangeFilter& f = m_tree.filter;
        return (!f.kind || change.kind == *f.kind) && (!f.severity || change.severity == *f.severity)
            && (f.nameSpace.isEmpty() || row.nameSpace == f.nameSpace)
            && (m_needle.isEmpty() || row.search.contains(m_needle)); // both lower case already
    }

    int addNode(int parent, ChangeTree::Node node)
    {
        const int id = static_cast<int>(m_tree.nodes.size());
        node.parent = parent;
        node.row = static_cast<int>(m_tree.nodes[parent].children.size());
        m_tree.nodes[parent].children.push_back(id);
        m_tree.nodes.push_back(std::move(node));
        return id;
    }

    int addGroup(int parent, const QString& title)
    {
        ChangeTree::Node group;
        group.title = title;
        return addNode(parent, std::move(group));
    }

    // The group node of a class in the hierarchy, creating it and its ancestors on first use.
    int classGroupNode(int classGroup, std::vector<int>& nodeOfClass)
    {
        if (nodeOfClass[static_cast<std::size_t>(classGroup)] == 0) {
            const ClassGroup& group = m_session.classTree[static_cast<std::size_t>(classGroup)];
            const int parent = group.parent < 0 ? 0 : classGroupNode(group.parent, nodeOfClass);
            nodeOfClass[static_cast<std::size_t>(classGroup)] = addGroup(parent, group.title);
        }
        return nodeOfClass[static_cast<std::size_t>(classGroup)];
    }

    void build()
    {
        const auto& changes = m_session.analysis().changes;
        const Grouping grouping = m_tree.grouping;
        auto keyOf = [&](std::size_t i) -> int {
            switch (grouping) {
            case Grouping::Severity:
                return int(Severity::Breaking) - int(changes[i].severity); // breaking first
            case Grouping::Kind:
                return int(changes[i].kind);
            case Grouping::ClassHierarchy:
                return m_session.rows[i].classGroup + 1; // 0: not under a class
            }
            return 0;
        };
        const std::size_t keys
            = grouping == Grouping::ClassHierarchy ? m_session.classTree.size() + 1 : analysis::kChangeKindCount;
        m_tree.nodes.reserve(changes.size() + m_session.classTree.size() + keys + 1);
        std::vector<std::vector<int>> buckets(keys);
        for (std::size_t i = 0; i < changes.size(); ++i)
            if (accepts(i))
                buckets[static_cast<std::size_t>(keyOf(i))].push_back(static_cast<int>(i));
        std::vector<int> nodeOfClass(m_session.classTree.size(), 0);
        for (std::size_t key = 0; key < keys; ++key) {
            if (buckets[key].empty())
                continue;
            const std::size_t first = static_cast<std::size_t>(buckets[key].front());
            int parent = 0;
            switch (grouping) {
            case Grouping::Severity:
                parent = addGroup(0, severityBadge(changes[first].severity));
                break;
            case Grouping::Kind:
                parent = addGroup(0, kindTitle(changes[first].kind));
                break;
            case Grouping::ClassHierarchy:
                parent = key == 0 ? addGroup(0, QCoreApplication::translate("ChangeTreeModel", "(not under a class)"))
                                  : classGroupNode(int(key) - 1, nodeOfClass);
                break;
            }
            for (const int change : buckets[key]) {
                ChangeTree::Node leaf;
                leaf.change = change;
                addNode(parent, std::move(leaf));
            }
            const auto worst = std::max_element(buckets[key].begin(), buckets[key].end(),
                [&](int a, int b) { return changes[std::size_t(a)].severity < changes[std::size_t(b)].severity; });
            for (int up = parent; up > 0; up = m_tree.nodes[up].parent) {
                m_tree.nodes[up].count += static_cast<int>(buckets[key].size());
                m_tree.nodes[up].worst = std::max(m_tree.nodes[up].worst, changes[std::size_t(*worst)].severity);
            }
        }
        // Display order: depth first (iteratively: hierarchies can be deep).
        std::vector<int> stack {0};
        while (!stack.empty()) {
            const int node = stack.back();
            stack.pop_back();
            if (m_tree.nodes[node].change >= 0)
                m_tree.order.push_back(node);
            stack.insert(stack.end(), m_tree.nodes[node].children.rbegin(), m_tree.nodes[node].children.rend());
        }
    }

private:
    const DiffSession& m_session;
    ChangeTree& m_tree;
    QString m_needle; // the filter text in lower case
};
} // namespace

ChangeTree buildChangeTree(const DiffSession* session, Grouping grouping, const ChangeFilter& filter)
{
    ChangeTree tree;
    tree.grouping = grouping;
    tree.filter = filter;
    if (session)
        TreeBuilder(*session, tree).build();
    tree.positionOfNode.assign(tree.nodes.size(), -1);
    for (std::size_t position = 0; position < tree.order.size(); ++position)
        tree.positionOfNode[tree.order[position]] = static_cast<int>(position);
    return tree;
}

} // namespace evograph::ui
