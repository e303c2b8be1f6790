#include "evograph/analysis/hierarchy_report.h"

#include "hierarchy_rows.h"

#include <nlohmann/json.hpp>

#include <map>

namespace evograph::analysis {

namespace detail {

namespace {
void addRows(
    std::vector<HierarchyRow>& rows, const HierarchyTree& tree, const PrunedNode& node, int depth, bool showFolds)
{
    rows.push_back({HierarchyRow::Type::Node, &tree, &tree.entries[node.node->entry], node.node->repeated, depth, 0});
    for (const PrunedNode& child : node.children)
        addRows(rows, tree, child, depth + 1, showFolds);
    if (showFolds && node.foldedUnchanged > 0)
        rows.push_back({HierarchyRow::Type::Fold, &tree, nullptr, false, depth + 1, node.foldedUnchanged});
}

std::string joinedNames(const std::vector<rdf::TermId>& terms, const ReportContext& context)
{
    std::string out;
    for (const rdf::TermId t : terms)
        out += (out.empty() ? "" : ", ") + displayTerm(context, t);
    return out.empty() ? "(top)" : out;
}
} // namespace

std::vector<HierarchyRow> hierarchyRows(const std::vector<HierarchyTree>& trees, const HierarchyReportOptions& options)
{
    std::vector<HierarchyRow> rows;
    for (const HierarchyTree& tree : trees) {
        rows.push_back({HierarchyRow::Type::Heading, &tree, nullptr, false, 0, 0});
        std::size_t foldedRoots = 0;
        for (const PrunedNode& root : changedOnly(tree.roots, foldedRoots))
            addRows(rows, tree, root, 0, !options.changedOnly);
        if (!options.changedOnly && foldedRoots > 0)
            rows.push_back({HierarchyRow::Type::Fold, &tree, nullptr, false, 0, foldedRoots});
    }
    return rows;
}

std::string entryName(const HierarchyEntry& entry, const ReportContext& context)
{
    const std::string term = displayTerm(context, entry.iri);
    return entry.label.empty() ? term : entry.label + " (" + term + ")";
}

std::string entryDetail(const HierarchyEntry& entry, const ReportContext& context)
{
    std::string out;
    if (entry.severity)
        out += "[" + std::string(toString(*entry.severity)) + "]";
    const auto add = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
    switch (entry.status) {
    case NodeStatus::Moved:
        add("moved: " + joinedNames(entry.oldParents, context) + " → " + joinedNames(entry.newParents, context));
        break;
    case NodeStatus::Added:
        add("added");
        break;
    case NodeStatus::Removed:
        add("removed");
        break;
    default:
        break;
    }
    if (entry.renamedFrom != rdf::kNoTerm)
        add("renamed from " + displayTerm(context, entry.renamedFrom));
    if (entry.deprecated)
        add(entry.replacedBy != rdf::kNoTerm ? "deprecated, replaced by " + displayTerm(context, entry.replacedBy)
                                             : "deprecated");
    if (entry.status == NodeStatus::Changed || (entry.status != NodeStatus::Unchanged && entry.reasons.size() > 1))
        add("(" + std::to_string(entry.reasons.size()) + " change" + (entry.reasons.size() == 1 ? "" : "s") + ": "
            + entry.reasons.front() + (entry.reasons.size() > 1 ? "; …" : "") + ")");
    return out;
}

std::string treeHeading(const HierarchyTree& tree)
{
    std::map<NodeStatus, std::size_t> counts;
    for (const HierarchyEntry& e : tree.entries)
        ++counts[e.status];
    std::string parts;
    for (const NodeStatus s : {NodeStatus::Added, NodeStatus::Removed, NodeStatus::Moved, NodeStatus::Renamed,
             NodeStatus::Deprecated, NodeStatus::Changed})
        if (counts[s])
            parts += (parts.empty() ? "" : ", ") + std::to_string(counts[s]) + " " + std::string(toString(s));
    return std::string(toString(tree.kind)) + ": " + std::to_string(tree.entries.size())
        + (parts.empty() ? ", no change" : " (" + parts + ")");
}

} // namespace detail

std::string hierarchyText(
    const std::vector<HierarchyTree>& trees, const ReportContext& context, const HierarchyReportOptions& options)
{
    using detail::HierarchyRow;
    std::string out;
    for (const HierarchyRow& row : detail::hierarchyRows(trees, options)) {
        const std::string indent(static_cast<std::size_t>(row.depth) * 2, ' ');
        switch (row.type) {
        case HierarchyRow::Type::Heading:
            out += (out.empty() ? "" : "\n") + detail::treeHeading(*row.tree) + "\n";
            for (const BrokenEdge& b : row.tree->brokenCycles)
                out += "  (a cycle in " + std::string(b.inNew ? "NEW" : "OLD") + " broken at "
                    + displayTerm(context, b.child) + " → " + displayTerm(context, b.parent) + ")\n";
            break;
        case HierarchyRow::Type::Fold:
            out += indent + "  … " + std::to_string(row.folded) + " unchanged\n";
            break;
        case HierarchyRow::Type::Node: {
            const std::string detail = detail::entryDetail(*row.entry, context);
            out += indent + std::string(statusMark(row.entry->status)) + " " + detail::entryName(*row.entry, context)
                + (row.repeated ? " ↑ (also under another parent)" : "") + (detail.empty() ? "" : "  " + detail) + "\n";
            break;
        }
        }
    }
    return out;
}

namespace {
nlohmann::json terms(const std::vector<rdf::TermId>& list, const rdf::Dictionary& d)
{
    nlohmann::json out = nlohmann::json::array();
    for (const rdf::TermId t : list)
        out.push_back(std::string(d.term(t).value));
    return out;
}

nlohmann::json nodeJson(const HierarchyTree& tree, const HierarchyNode& node, const rdf::Dictionary& d)
{
    const HierarchyEntry& e = tree.entries[node.entry];
    const auto iriOrNull = [&](rdf::TermId t) {
        return t == rdf::kNoTerm ? nlohmann::json(nullptr) : nlohmann::json(std::string(d.term(t).value));
    };
    nlohmann::json reasons = e.reasons;
    nlohmann::json j
        = {{"iri", std::string(d.term(e.iri).value)}, {"label", e.label}, {"status", std::string(toString(e.status))},
            {"severity", e.severity ? nlohmann::json(std::string(toString(*e.severity))) : nlohmann::json(nullptr)},
            {"reasons", reasons}, {"deprecated", e.deprecated}, {"old_parents", terms(e.oldParents, d)},
            {"new_parents", terms(e.newParents, d)}, {"replaced_by", iriOrNull(e.replacedBy)},
            {"renamed_from", iriOrNull(e.renamedFrom)}, {"kind", std::string(toString(tree.kind))}};
    if (node.repeated)
        j["repeated"] = true;
    return j;
}

nlohmann::json fullJson(const HierarchyTree& tree, const HierarchyNode& node, const rdf::Dictionary& d)
{
    nlohmann::json j = nodeJson(tree, node, d);
    nlohmann::json children = nlohmann::json::array();
    for (const HierarchyNode& child : node.children)
        children.push_back(fullJson(tree, child, d));
    j["children"] = std::move(children);
    return j;
}

nlohmann::json prunedJson(const HierarchyTree& tree, const PrunedNode& node, const rdf::Dictionary& d)
{
    nlohmann::json j = nodeJson(tree, *node.node, d);
    nlohmann::json children = nlohmann::json::array();
    for (const PrunedNode& child : node.children)
        children.push_back(prunedJson(tree, child, d));
    j["children"] = std::move(children);
    j["unchanged_hidden"] = node.foldedUnchanged;
    return j;
}
} // namespace

std::string hierarchyJson(
    const std::vector<HierarchyTree>& trees, const ReportContext& context, const HierarchyReportOptions& options)
{
    nlohmann::json roots = nlohmann::json::array();
    nlohmann::json cycles = nlohmann::json::array();
    std::size_t hidden = 0;
    for (const HierarchyTree& tree : trees) {
        if (options.changedOnly) {
            std::size_t folded = 0;
            for (const PrunedNode& root : changedOnly(tree.roots, folded))
                roots.push_back(prunedJson(tree, root, context.dictionary));
            hidden += folded;
        } else {
            for (const HierarchyNode& root : tree.roots)
                roots.push_back(fullJson(tree, root, context.dictionary));
        }
        for (const BrokenEdge& b : tree.brokenCycles)
            cycles.push_back({{"kind", std::string(toString(tree.kind))},
                {"child", std::string(context.dictionary.term(b.child).value)},
                {"parent", std::string(context.dictionary.term(b.parent).value)},
                {"version", b.inNew ? "new" : "old"}});
    }
    nlohmann::json out = {{"roots", std::move(roots)}, {"broken_cycles", std::move(cycles)}};
    if (options.changedOnly)
        out["unchanged_hidden"] = hidden;
    return out.dump(2) + "\n";
}

std::vector<HierarchyTree> buildHierarchies(const rdf::Dataset& oldData, const rdf::Dataset& newData,
    const Analysis& analysis, const std::vector<HierarchyKind>& kinds)
{
    const KnownTerms terms(oldData.dictionary());
    const OntologyIndex oldIndex(oldData, terms), newIndex(newData, terms);
    std::vector<HierarchyTree> trees;
    for (const HierarchyKind kind : kinds)
        trees.push_back(buildHierarchy(oldIndex, newIndex, analysis, kind));
    return trees;
}

} // namespace evograph::analysis
