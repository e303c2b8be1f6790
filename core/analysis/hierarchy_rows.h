#pragma once
// What the text, SVG and HTML hierarchy reports show, as rows in order (internal to analysis/):
// a heading per tree, then each shown node at its depth, and a fold row for the unchanged nodes
// under a parent that are not shown.
#include "evograph/analysis/hierarchy_report.h"

#include <string>
#include <vector>

namespace evograph::analysis::detail {

struct HierarchyRow {
    enum class Type : std::uint8_t { Heading, Node, Fold };
    Type type = Type::Node;
    const HierarchyTree* tree = nullptr;
    const HierarchyEntry* entry = nullptr; // Node
    bool repeated = false; // Node: another place of an entity shown elsewhere
    int depth = 0;
    std::size_t folded = 0; // Fold: unchanged nodes not shown
};

std::vector<HierarchyRow> hierarchyRows(const std::vector<HierarchyTree>& trees, const HierarchyReportOptions& options);

// "Person (schema:Person)", or the CURIE alone when there is no label.
std::string entryName(const HierarchyEntry& entry, const ReportContext& context);
// What a node's line says after its name: severity, how it moved, its old IRI, its successor.
std::string entryDetail(const HierarchyEntry& entry, const ReportContext& context);
// "classes: 3,012 (14 added, 2 removed, 5 moved, ...)"
std::string treeHeading(const HierarchyTree& tree);

} // namespace evograph::analysis::detail
