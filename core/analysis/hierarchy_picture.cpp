// The hierarchy diff as a picture: an SVG tree (rows, connectors, a drawn arrow for each move) and
// an HTML page of nested <details> that opens and closes without a script.
#include "evograph/analysis/hierarchy_report.h"

#include "evograph/engine/markup_escape.h"
#include "hierarchy_rows.h"

#include <algorithm>
#include <map>

namespace evograph::analysis {

namespace {
using detail::HierarchyRow;
using evograph::detail::escapeMarkup;

std::string_view colour(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Added:
        return "#1a7f37";
    case NodeStatus::Removed:
        return "#cf222e";
    case NodeStatus::Changed:
        return "#9a6700";
    case NodeStatus::Moved:
        return "#8250df";
    case NodeStatus::Renamed:
        return "#0969da";
    case NodeStatus::Deprecated:
        return "#6e7781";
    case NodeStatus::Unchanged:
        break;
    }
    return "#57606a";
}

constexpr int kRow = 22, kIndent = 20, kLeft = 16;

// Text width in pixels at 13 px, near enough for layout (UTF-8 continuation bytes take no room).
int textWidth(std::string_view text)
{
    return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }) * 7.6);
}
} // namespace

std::string hierarchySvg(
    const std::vector<HierarchyTree>& trees, const ReportContext& context, const HierarchyReportOptions& options)
{
    const std::vector<HierarchyRow> rows = detail::hierarchyRows(trees, options);
    std::string body;
    int width = 400;
    // Rows by tree and entity, for the arrows of moves; the last row at each depth, for connectors.
    std::map<std::pair<const HierarchyTree*, rdf::TermId>, int> rowOf;
    std::vector<int> lastAtDepth;
    std::vector<std::pair<int, const HierarchyRow*>> moves;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const HierarchyRow& row = rows[i];
        const int y = static_cast<int>(i) * kRow + 30;
        const int x = kLeft + row.depth * kIndent;
        if (row.type == HierarchyRow::Type::Heading) {
            const std::string text = detail::treeHeading(*row.tree);
            body += "<text x=\"" + std::to_string(kLeft) + "\" y=\"" + std::to_string(y) + "\" class=\"heading\">"
                + escapeMarkup(text) + "</text>\n";
            width = std::max(width, kLeft + textWidth(text) + 40);
            lastAtDepth.clear();
            continue;
        }
        // The connector from the parent row above.
        if (row.depth > 0 && static_cast<std::size_t>(row.depth) <= lastAtDepth.size()) {
            const int parentY = lastAtDepth[static_cast<std::size_t>(row.depth) - 1];
            const int px = kLeft + (row.depth - 1) * kIndent + 6;
            body += "<path d=\"M" + std::to_string(px) + " " + std::to_string(parentY + 5) + " V"
                + std::to_string(y - 4) + " H" + std::to_string(x - 2) + "\" class=\"link\"/>\n";
        }
        lastAtDepth.resize(static_cast<std::size_t>(row.depth) + 1);
        lastAtDepth[static_cast<std::size_t>(row.depth)] = y;
        if (row.type == HierarchyRow::Type::Fold) {
            const std::string text = "… " + std::to_string(row.folded) + " unchanged";
            body += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" class=\"fold\">"
                + escapeMarkup(text) + "</text>\n";
            continue;
        }
        const HierarchyEntry& e = *row.entry;
        rowOf.emplace(std::pair {row.tree, e.iri}, y);
        if (e.status == NodeStatus::Moved && !row.repeated)
            moves.emplace_back(y, &row);
        const std::string name = detail::entryName(e, context) + (row.repeated ? " ↑" : "");
        const std::string detail = detail::entryDetail(e, context);
        body += "<g class=\"node " + std::string(toString(e.status)) + (e.deprecated ? " deprecated" : "")
            + "\"><title>" + escapeMarkup(std::string(context.dictionary.term(e.iri).value)) + "</title>";
        body += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y - 11) + "\" width=\"14\" height=\"14\""
            + " rx=\"3\" fill=\"" + std::string(colour(e.status)) + "\"/>";
        body += "<text x=\"" + std::to_string(x + 7) + "\" y=\"" + std::to_string(y) + "\" class=\"mark\">"
            + escapeMarkup(statusMark(e.status)) + "</text>";
        // One text element: the detail follows the name wherever the renderer's font ends it.
        body += "<text x=\"" + std::to_string(x + 20) + "\" y=\"" + std::to_string(y)
            + "\"><tspan class=\"name\" fill=\"" + std::string(colour(e.status)) + "\">" + escapeMarkup(name)
            + "</tspan>";
        if (!detail.empty())
            body += "<tspan class=\"detail\" dx=\"10\">" + escapeMarkup(detail) + "</tspan>";
        body += "</text></g>\n";
        width = std::max(width, x + 40 + textWidth(name) + textWidth(detail));
    }
    // Each move drawn: from each parent it left (when that row is shown) to the entity's new place.
    const int gutter = width + 10;
    for (const auto& [y, row] : moves)
        for (const rdf::TermId parent : row->entry->oldParents) {
            const auto& now = row->entry->newParents;
            if (std::find(now.begin(), now.end(), parent) != now.end())
                continue;
            const auto from = rowOf.find({row->tree, parent});
            if (from == rowOf.end())
                continue;
            const int fy = from->second - 4, ty = y - 4, bend = gutter + 30 + std::abs(ty - fy) / 12;
            body += "<path d=\"M" + std::to_string(gutter) + " " + std::to_string(fy) + " C" + std::to_string(bend)
                + " " + std::to_string(fy) + " " + std::to_string(bend) + " " + std::to_string(ty) + " "
                + std::to_string(gutter) + " " + std::to_string(ty)
                + "\" class=\"move\" marker-end=\"url(#arrow)\"/>\n";
        }
    const int fullWidth = gutter + (moves.empty() ? 0 : 90);
    const int height = static_cast<int>(rows.size()) * kRow + 30;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(fullWidth) + "\" height=\""
        + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(fullWidth) + " " + std::to_string(height)
        + "\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"13\">\n"
        + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
          "orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#8250df\"/></marker></defs>\n"
        + "<style>.heading{font-weight:bold;font-size:15px;fill:#24292f}.fold{fill:#8c959f;font-style:italic}"
          ".mark{fill:#fff;font-size:11px;text-anchor:middle;font-weight:bold}.detail{fill:#57606a;font-size:12px}"
          ".link{fill:none;stroke:#d0d7de}.move{fill:none;stroke:#8250df;stroke-dasharray:5 3}"
          ".deprecated .name{text-decoration:line-through}</style>\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body + "</svg>\n";
}

std::string hierarchyHtmlSection(
    const std::vector<HierarchyTree>& trees, const ReportContext& context, const HierarchyReportOptions& options)
{
    const std::vector<HierarchyRow> rows = detail::hierarchyRows(trees, options);
    std::string out = "<section class=\"hierarchy\">\n<h2>Hierarchies</h2>\n<p class=\"legend\">"
                      "<span class=\"added\">+ added</span> <span class=\"removed\">- removed</span> "
                      "<span class=\"moved\">&gt; moved</span> <span class=\"renamed\">⇄ renamed</span> "
                      "<span class=\"deprecated\">† deprecated</span> <span class=\"changed\">~ changed</span></p>\n";
    std::vector<int> open; // depths of the <details> still open
    const auto closeTo = [&](int depth) {
        while (!open.empty() && open.back() >= depth) {
            out += "</div></details>\n";
            open.pop_back();
        }
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const HierarchyRow& row = rows[i];
        if (row.type == HierarchyRow::Type::Heading) {
            closeTo(0);
            out += "<h3>" + escapeMarkup(detail::treeHeading(*row.tree)) + "</h3>\n";
            continue;
        }
        closeTo(row.depth);
        if (row.type == HierarchyRow::Type::Fold) {
            out += "<div class=\"fold\">… " + std::to_string(row.folded) + " unchanged</div>\n";
            continue;
        }
        const HierarchyEntry& e = *row.entry;
        const std::string line = "<span class=\"" + std::string(toString(e.status))
            + (e.deprecated ? " deprecated" : "") + "\" title=\""
            + escapeMarkup(std::string(context.dictionary.term(e.iri).value)) + "\"><b>"
            + escapeMarkup(statusMark(e.status)) + "</b> " + escapeMarkup(detail::entryName(e, context))
            + (row.repeated ? " ↑" : "") + "</span> <small>" + escapeMarkup(detail::entryDetail(e, context))
            + "</small>";
        const bool hasChildren
            = i + 1 < rows.size() && rows[i + 1].type != HierarchyRow::Type::Heading && rows[i + 1].depth > row.depth;
        if (hasChildren) {
            out += "<details open><summary>" + line + "</summary><div class=\"children\">\n";
            open.push_back(row.depth);
        } else {
            out += "<div class=\"leaf\">" + line + "</div>\n";
        }
    }
    closeTo(0);
    return out + "</section>\n";
}

std::string hierarchyStyle()
{
    return ".hierarchy details>.children{margin-left:1.3rem;border-left:1px solid #d0d7de;padding-left:.4rem}"
           ".hierarchy .leaf{margin-left:1.05rem}.hierarchy summary{cursor:pointer}"
           ".hierarchy .fold{margin-left:1.05rem;color:#8c959f;font-style:italic}.hierarchy small{color:#57606a}"
           ".added{color:#1a7f37}.removed{color:#cf222e}.changed{color:#9a6700}.moved{color:#8250df}"
           ".renamed{color:#0969da}.deprecated{color:#6e7781;text-decoration:line-through}"
           ".hierarchy .legend span{margin-right:.8rem}\n";
}

std::string hierarchyHtml(
    const std::vector<HierarchyTree>& trees, const ReportContext& context, const HierarchyReportOptions& options)
{
    const std::string title = "Hierarchies: " + context.oldName + " → " + context.newName;
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escapeMarkup(title)
        + "</title>\n<style>\nbody{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5}\n" + hierarchyStyle()
        + "</style>\n</head>\n<body>\n<h1>" + escapeMarkup(title) + "</h1>\n"
        + hierarchyHtmlSection(trees, context, options) + "</body>\n</html>\n";
}

} // namespace evograph::analysis
