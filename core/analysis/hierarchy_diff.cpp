#include "evograph/analysis/hierarchy_diff.h"

#include "evograph/engine/enum_names.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace evograph::analysis {

namespace {
using rdf::TermId;

constexpr auto kKindNames = engine::enumNames<HierarchyKind>({{HierarchyKind::Classes, "classes"},
    {HierarchyKind::Properties, "properties"}, {HierarchyKind::Concepts, "concepts"}});
constexpr auto kStatusNames = engine::enumNames<NodeStatus>({{NodeStatus::Unchanged, "unchanged"},
    {NodeStatus::Changed, "changed"}, {NodeStatus::Moved, "moved"}, {NodeStatus::Renamed, "renamed"},
    {NodeStatus::Deprecated, "deprecated"}, {NodeStatus::Added, "added"}, {NodeStatus::Removed, "removed"}});

// One version's members of the hierarchy and each one's parents (in that version's terms).
struct VersionHierarchy {
    std::vector<TermId> members; // sorted
    std::unordered_map<TermId, std::vector<TermId>> parents;
    bool has(TermId t) const { return std::binary_search(members.begin(), members.end(), t); }
};

VersionHierarchy hierarchyOf(const OntologyIndex& index, HierarchyKind kind)
{
    const KnownTerms& k = index.terms();
    VersionHierarchy h;
    if (kind == HierarchyKind::Concepts) {
        std::vector<std::pair<TermId, TermId>> edges; // child, parent
        for (const rdf::Quad& q : index.data().quads()) {
            // A term the data never uses is kNoTerm, which no quad holds.
            if (q.p == k.rdfType && q.o == k.skosConcept)
                h.members.push_back(q.s);
            else if (q.p == k.skosBroader)
                edges.emplace_back(q.s, q.o);
            else if (q.p == k.skosNarrower)
                edges.emplace_back(q.o, q.s);
            else if (q.p == k.skosHasTopConcept)
                h.members.push_back(q.o);
            else if (q.p == k.skosTopConceptOf)
                h.members.push_back(q.s);
        }
        for (const auto& [child, parent] : edges)
            h.members.push_back(child), h.members.push_back(parent);
        const rdf::Dictionary& d = index.data().dictionary();
        std::erase_if(h.members, [&](TermId t) { return d.kind(t) != rdf::TermKind::Iri; });
        std::sort(h.members.begin(), h.members.end());
        h.members.erase(std::unique(h.members.begin(), h.members.end()), h.members.end());
        for (const auto& [child, parent] : edges)
            if (child != parent && h.has(child) && h.has(parent))
                h.parents[child].push_back(parent);
    } else {
        const EntityCategory wanted = kind == HierarchyKind::Classes ? EntityCategory::Class : EntityCategory::Property;
        for (const TermId e : index.entities())
            if (index.category(e) == wanted && !k.isLanguageTerm(e))
                h.members.push_back(e);
        std::sort(h.members.begin(), h.members.end());
        for (const TermId e : h.members) {
            const std::vector<TermId> supers
                = kind == HierarchyKind::Classes ? index.superclasses(e) : index.objects(e, k.rdfsSubPropertyOf);
            for (const TermId p : supers)
                if (p != e && h.has(p))
                    h.parents[e].push_back(p);
        }
    }
    for (auto& [child, list] : h.parents) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return h;
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

class TreeBuilder {
public:
    explicit TreeBuilder(HierarchyTree& tree)
        : m_tree(tree)
        , m_state(tree.entries.size(), State::Unseen)
    {
    }

    // The merged tree: each entry under the parents of the version it is in (NEW's when in both).
    void build(std::unordered_map<TermId, std::size_t>& byIri)
    {
        const std::size_t n = m_tree.entries.size();
        m_children.assign(n, {});
        std::vector<bool> hasParent(n, false);
        for (std::size_t i = 0; i < n; ++i) {
            const HierarchyEntry& e = m_tree.entries[i];
            for (const TermId p : e.inNew ? e.newParents : e.oldParents)
                if (const auto it = byIri.find(p); it != byIri.end()) {
                    m_children[it->second].push_back(i);
                    hasParent[i] = true;
                }
        }
        for (auto& list : m_children)
            sortByKey(list);
        std::vector<std::size_t> roots;
        for (std::size_t i = 0; i < n; ++i)
            if (!hasParent[i])
                roots.push_back(i);
        sortByKey(roots);
        for (const std::size_t r : roots)
            m_tree.roots.push_back(visit(r));
        // What no root reaches sits on a cycle: start at its first entry (key order), which breaks it.
        std::vector<std::size_t> rest;
        for (std::size_t i = 0; i < n; ++i)
            if (m_state[i] == State::Unseen)
                rest.push_back(i);
        sortByKey(rest);
        for (const std::size_t r : rest)
            if (m_state[r] == State::Unseen)
                m_tree.roots.push_back(visit(r)); // the edge back to it is reported where the walk meets it
    }

private:
    enum class State : std::uint8_t { Unseen, Open, Done };
    HierarchyTree& m_tree;
    std::vector<State> m_state;
    std::vector<std::vector<std::size_t>> m_children;

    void sortByKey(std::vector<std::size_t>& list) const
    {
        std::sort(list.begin(), list.end(),
            [&](std::size_t a, std::size_t b) { return m_tree.entries[a].sortKey < m_tree.entries[b].sortKey; });
    }

    HierarchyNode visit(std::size_t entry)
    {
        HierarchyNode node;
        node.entry = entry;
        node.changedBelow = m_tree.entries[entry].status != NodeStatus::Unchanged;
        if (m_state[entry] != State::Unseen) {
            node.repeated = true;
            return node;
        }
        m_state[entry] = State::Open;
        for (const std::size_t child : m_children[entry]) {
            if (m_state[child] == State::Open) { // an edge back up the path: the cycle breaks here
                const HierarchyEntry& c = m_tree.entries[child];
                m_tree.brokenCycles.push_back({c.iri, m_tree.entries[entry].iri, c.inNew});
                continue;
            }
            HierarchyNode sub = visit(child);
            node.size += sub.size;
            node.changedBelow = node.changedBelow || sub.changedBelow;
            node.children.push_back(std::move(sub));
        }
        m_state[entry] = State::Done;
        return node;
    }
};

// The depth-first outline of one version's tree: (entry, depth), each entry once.
void outline(const HierarchyTree& tree, const std::vector<std::vector<std::size_t>>& children, std::size_t entry,
    int depth, std::vector<bool>& seen, std::vector<std::pair<std::size_t, int>>& out)
{
    if (seen[entry])
        return;
    seen[entry] = true;
    out.emplace_back(entry, depth);
    for (const std::size_t c : children[entry])
        outline(tree, children, c, depth + 1, seen, out);
}

std::vector<std::pair<std::size_t, int>> versionOutline(const HierarchyTree& tree, bool newSide)
{
    const std::size_t n = tree.entries.size();
    std::unordered_map<TermId, std::size_t> byIri;
    for (std::size_t i = 0; i < n; ++i)
        byIri.emplace(tree.entries[i].iri, i);
    std::vector<std::vector<std::size_t>> children(n);
    std::vector<bool> member(n, false), hasParent(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        const HierarchyEntry& e = tree.entries[i];
        member[i] = newSide ? e.inNew : e.inOld;
        if (!member[i])
            continue;
        for (const TermId p : newSide ? e.newParents : e.oldParents)
            if (const auto it = byIri.find(p); it != byIri.end()) {
                children[it->second].push_back(i);
                hasParent[i] = true;
            }
    }
    // Label order on each side, as in the merged tree.
    const auto byKey = [&](std::size_t a, std::size_t b) { return tree.entries[a].sortKey < tree.entries[b].sortKey; };
    for (auto& list : children)
        std::sort(list.begin(), list.end(), byKey);
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < n; ++i)
        if (member[i] && !hasParent[i])
            roots.push_back(i);
    std::sort(roots.begin(), roots.end(), byKey);
    std::vector<bool> seen(n, false);
    std::vector<std::pair<std::size_t, int>> out;
    for (const std::size_t r : roots)
        outline(tree, children, r, 0, seen, out);
    std::vector<std::size_t> rest; // on a cycle of this side
    for (std::size_t i = 0; i < n; ++i)
        if (member[i] && !seen[i])
            rest.push_back(i);
    std::sort(rest.begin(), rest.end(), byKey);
    for (const std::size_t r : rest)
        outline(tree, children, r, 0, seen, out);
    return out;
}

// Indexes into `sequence` of a longest strictly increasing subsequence (patience sorting).
std::vector<std::size_t> longestIncreasing(const std::vector<std::size_t>& sequence)
{
    std::vector<std::size_t> tails, previous(sequence.size(), AlignedRow::kNone);
    for (std::size_t i = 0; i < sequence.size(); ++i) {
        const auto at = std::lower_bound(tails.begin(), tails.end(), sequence[i],
            [&](std::size_t t, std::size_t value) { return sequence[t] < value; });
        if (at != tails.begin())
            previous[i] = *(at - 1);
        if (at == tails.end())
            tails.push_back(i);
        else
            *at = i;
    }
    std::vector<std::size_t> out;
    for (std::size_t i = tails.empty() ? AlignedRow::kNone : tails.back(); i != AlignedRow::kNone; i = previous[i])
        out.push_back(i);
    std::reverse(out.begin(), out.end());
    return out;
}
} // namespace

std::string_view toString(HierarchyKind kind)
{
    return kKindNames.name(kind);
}

std::optional<HierarchyKind> parseHierarchyKind(std::string_view name)
{
    return kKindNames.parse(name);
}

std::string_view toString(NodeStatus status)
{
    return kStatusNames.name(status);
}

std::string_view statusMark(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Unchanged:
        return " ";
    case NodeStatus::Changed:
        return "~";
    case NodeStatus::Moved:
        return ">";
    case NodeStatus::Renamed:
        return "⇄";
    case NodeStatus::Deprecated:
        return "†";
    case NodeStatus::Added:
        return "+";
    case NodeStatus::Removed:
        return "-";
    }
    return "?";
}

std::size_t HierarchyTree::changedEntries() const
{
    return static_cast<std::size_t>(std::count_if(
        entries.begin(), entries.end(), [](const HierarchyEntry& e) { return e.status != NodeStatus::Unchanged; }));
}

const HierarchyEntry* HierarchyTree::find(TermId iri) const
{
    for (const HierarchyEntry& e : entries)
        if (e.iri == iri || e.renamedFrom == iri)
            return &e;
    return nullptr;
}

HierarchyTree buildHierarchy(
    const OntologyIndex& oldIndex, const OntologyIndex& newIndex, const Analysis& analysis, HierarchyKind kind)
{
    const VersionHierarchy before = hierarchyOf(oldIndex, kind), after = hierarchyOf(newIndex, kind);
    std::unordered_map<TermId, TermId> toNew;
    for (const RenameMatch& r : analysis.renames)
        toNew[r.oldIri] = r.newIri;
    const auto renamed = [&](TermId t) {
        const auto it = toNew.find(t);
        return it == toNew.end() ? t : it->second;
    };

    HierarchyTree tree;
    tree.kind = kind;
    std::unordered_map<TermId, std::size_t> byIri; // NEW's terms (OLD's for what NEW lacks)
    const auto entryOf = [&](TermId iri) -> HierarchyEntry& {
        const auto [it, fresh] = byIri.emplace(iri, tree.entries.size());
        if (fresh) {
            tree.entries.emplace_back();
            tree.entries.back().iri = iri;
        }
        return tree.entries[it->second];
    };
    for (const TermId o : before.members) {
        HierarchyEntry& e = entryOf(renamed(o));
        e.inOld = true;
        if (renamed(o) != o)
            e.renamedFrom = o;
        if (const auto it = before.parents.find(o); it != before.parents.end())
            for (const TermId p : it->second)
                e.oldParents.push_back(renamed(p));
    }
    for (const TermId n : after.members) {
        HierarchyEntry& e = entryOf(n);
        e.inNew = true;
        if (const auto it = after.parents.find(n); it != after.parents.end())
            e.newParents = it->second;
    }

    // Each entity's changes, grouped.
    for (std::size_t i = 0; i < analysis.changes.size(); ++i) {
        const Change& c = analysis.changes[i];
        const auto it = byIri.find(c.subject());
        if (it == byIri.end())
            continue;
        HierarchyEntry& e = tree.entries[it->second];
        e.changes.push_back(i);
        e.reasons.push_back(c.reason);
        e.severity = std::max(e.severity.value_or(c.severity), c.severity);
        if (c.replacedBy != rdf::kNoTerm)
            e.replacedBy = c.replacedBy;
    }

    const rdf::Dictionary& d = newIndex.data().dictionary();
    for (std::size_t i = 0; i < tree.entries.size(); ++i) {
        HierarchyEntry& e = tree.entries[i];
        if (auto label = e.inNew ? newIndex.label(e.iri) : std::nullopt)
            e.label = *label;
        else if (auto oldLabel = oldIndex.label(e.renamedFrom != rdf::kNoTerm ? e.renamedFrom : e.iri))
            e.label = *oldLabel;
        e.deprecated = e.inNew && newIndex.isDeprecated(e.iri);
        if (e.deprecated && e.replacedBy == rdf::kNoTerm)
            e.replacedBy = newIndex.replacement(e.iri);
        const bool newlyDeprecated = e.deprecated
            && !(e.inOld && oldIndex.isDeprecated(e.renamedFrom != rdf::kNoTerm ? e.renamedFrom : e.iri));
        std::sort(e.oldParents.begin(), e.oldParents.end());
        e.oldParents.erase(std::unique(e.oldParents.begin(), e.oldParents.end()), e.oldParents.end());
        if (!e.inOld)
            e.status = NodeStatus::Added;
        else if (!e.inNew)
            e.status = NodeStatus::Removed;
        else if (e.oldParents != e.newParents)
            e.status = NodeStatus::Moved;
        else if (e.renamedFrom != rdf::kNoTerm)
            e.status = NodeStatus::Renamed;
        else if (newlyDeprecated)
            e.status = NodeStatus::Deprecated;
        else if (!e.changes.empty())
            e.status = NodeStatus::Changed;
        e.sortKey
            = lowered(e.label.empty() ? shortName(d, e.iri) : e.label) + '\x01' + std::string(d.term(e.iri).value);
    }
    // Parents listed in label order, as the tree shows them.
    std::unordered_map<TermId, const std::string*> keyOf;
    for (const HierarchyEntry& e : tree.entries)
        keyOf[e.iri] = &e.sortKey;
    const auto byLabel = [&](TermId a, TermId b) {
        const auto ka = keyOf.find(a), kb = keyOf.find(b);
        if (ka == keyOf.end() || kb == keyOf.end())
            return a < b;
        return *ka->second < *kb->second;
    };
    for (HierarchyEntry& e : tree.entries) {
        std::sort(e.oldParents.begin(), e.oldParents.end(), byLabel);
        std::sort(e.newParents.begin(), e.newParents.end(), byLabel);
    }
    TreeBuilder(tree).build(byIri);
    return tree;
}

namespace {
PrunedNode prune(const HierarchyNode& node)
{
    PrunedNode out {&node, {}, 0};
    for (const HierarchyNode& child : node.children) {
        if (child.changedBelow)
            out.children.push_back(prune(child));
        else
            out.foldedUnchanged += child.repeated ? 1 : child.size;
    }
    return out;
}
} // namespace

std::vector<PrunedNode> changedOnly(const std::vector<HierarchyNode>& roots, std::size_t& foldedRoots)
{
    std::vector<PrunedNode> out;
    foldedRoots = 0;
    for (const HierarchyNode& root : roots) {
        if (root.changedBelow)
            out.push_back(prune(root));
        else
            foldedRoots += root.size;
    }
    return out;
}

std::vector<AlignedRow> alignOutlines(const HierarchyTree& tree)
{
    const auto before = versionOutline(tree, false), after = versionOutline(tree, true);
    std::vector<std::size_t> oldPosition(tree.entries.size(), AlignedRow::kNone);
    for (std::size_t i = 0; i < before.size(); ++i)
        oldPosition[before[i].first] = i;
    // NEW's rows that OLD has too, by OLD's position: the longest increasing run of positions is
    // the largest set of entities that can share rows.
    std::vector<std::size_t> shared, sharedAt; // OLD positions; their index in `after`
    for (std::size_t j = 0; j < after.size(); ++j)
        if (oldPosition[after[j].first] != AlignedRow::kNone) {
            shared.push_back(oldPosition[after[j].first]);
            sharedAt.push_back(j);
        }
    std::vector<AlignedRow> rows;
    std::size_t i = 0, j = 0;
    const auto flushTo = [&](std::size_t oldEnd, std::size_t newEnd) {
        for (; i < oldEnd; ++i)
            rows.push_back({before[i].first, AlignedRow::kNone, before[i].second, 0});
        for (; j < newEnd; ++j)
            rows.push_back({AlignedRow::kNone, after[j].first, 0, after[j].second});
    };
    for (const std::size_t k : longestIncreasing(shared)) {
        flushTo(shared[k], sharedAt[k]);
        rows.push_back({before[i].first, after[j].first, before[i].second, after[j].second});
        ++i, ++j;
    }
    flushTo(before.size(), after.size());
    return rows;
}

} // namespace evograph::analysis
