#pragma once
// The hierarchy diff (hierarchy_diff.h) written out: an indented text tree for terminals, JSON for
// scripts (a contract: docs/analysis.md), and a picture for release notes, as SVG or as a
// self-contained HTML page (collapsible, no scripts).
//
// Text, SVG and HTML show what changed and the path down to it; a subtree with no change is one
// line, "… 214 unchanged". With `changedOnly` those lines go too. JSON holds the whole tree, or
// with `changedOnly` the same nodes as the others, each with the count of unchanged nodes it hides.

#include "evograph/analysis/hierarchy_diff.h"
#include "evograph/analysis/report.h"

#include <string>
#include <vector>

namespace evograph::analysis {

struct HierarchyReportOptions {
    bool changedOnly = false;
};

std::string hierarchyText(
    const std::vector<HierarchyTree>& trees, const ReportContext& context, const HierarchyReportOptions& options = {});
std::string hierarchyJson(
    const std::vector<HierarchyTree>& trees, const ReportContext& context, const HierarchyReportOptions& options = {});
std::string hierarchySvg(
    const std::vector<HierarchyTree>& trees, const ReportContext& context, const HierarchyReportOptions& options = {});
// A whole page; hierarchyHtmlSection is the part analyze's HTML release notes include.
std::string hierarchyHtml(
    const std::vector<HierarchyTree>& trees, const ReportContext& context, const HierarchyReportOptions& options = {});
std::string hierarchyHtmlSection(
    const std::vector<HierarchyTree>& trees, const ReportContext& context, const HierarchyReportOptions& options = {});
// The CSS the section needs, for a page's <style>.
std::string hierarchyStyle();

// The trees of the kinds asked for, from analysed versions (their indexes are built again here).
std::vector<HierarchyTree> buildHierarchies(const rdf::Dataset& oldData, const rdf::Dataset& newData,
    const Analysis& analysis, const std::vector<HierarchyKind>& kinds);

} // namespace evograph::analysis
