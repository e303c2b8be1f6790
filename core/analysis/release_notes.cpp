// Release notes in Markdown and HTML: one model of sections and entries, two renderings.
#include "evograph/analysis/report.h"

#include "evograph/analysis/hierarchy_report.h"
#include "evograph/engine/markup_escape.h"

#include <array>
#include <cstdio>

namespace evograph::analysis {

namespace {
struct Entry {
    std::string label; // may be empty
    std::string term; // the entity as a CURIE or <IRI>
    std::string oldTerm; // renames: the old IRI
    std::string text; // what changed and why
    std::string replacedBy; // deprecations: the successor, as a CURIE or <IRI>
    std::string impact;
};

struct Section {
    std::string title;
    std::vector<Entry> entries;
};

enum SectionIndex { kNew, kChanged, kRenamed, kDeprecated, kRemoved, kBreaking, kSectionCount };

SectionIndex sectionOf(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::ClassAdded:
    case ChangeKind::PropertyAdded:
    case ChangeKind::IndividualAdded:
        return kNew;
    case ChangeKind::ClassRenamed:
    case ChangeKind::PropertyRenamed:
        return kRenamed;
    case ChangeKind::ClassDeprecated:
    case ChangeKind::PropertyDeprecated:
        return kDeprecated;
    case ChangeKind::ClassRemoved:
    case ChangeKind::PropertyRemoved:
    case ChangeKind::IndividualRemoved:
        return kRemoved;
    default:
        return kChanged;
    }
}

std::string kindInWords(ChangeKind kind)
{
    std::string words(toString(kind));
    for (char& c : words)
        if (c == '_')
            c = ' ';
    return words;
}

std::array<Section, kSectionCount> sections(const Analysis& analysis, const ReportContext& context)
{
    std::array<Section, kSectionCount> out {Section {"New", {}}, Section {"Changed", {}}, Section {"Renamed", {}},
        Section {"Deprecated", {}}, Section {"Removed", {}}, Section {"Breaking", {}}};
    for (const Change& c : analysis.changes) {
        Entry e;
        if (const auto label = analysis.labels.find(c.subject()); label != analysis.labels.end())
            e.label = label->second;
        e.term = displayTerm(context, c.subject());
        if (c.oldIri)
            e.oldTerm = displayTerm(context, c.oldIri);
        e.text = kindInWords(c.kind);
        if (c.property && c.kind != ChangeKind::Other)
            e.text += " (" + displayTerm(context, c.property) + ")";
        e.text += ": " + c.reason;
        if (c.confidence) {
            char confidence[48];
            std::snprintf(confidence, sizeof confidence, "; confidence %.2f", *c.confidence);
            e.text += confidence;
        }
        if (c.replacedBy)
            e.replacedBy = displayTerm(context, c.replacedBy);
        if (c.impact)
            e.impact = c.impact->description;
        out[sectionOf(c.kind)].entries.push_back(e);
        if (c.severity == Severity::Breaking)
            out[kBreaking].entries.push_back(std::move(e));
    }
    return out;
}

std::string headline(const Analysis& analysis)
{
    const AnalysisSummary s = analysis.summary();
    return std::to_string(analysis.changes.size())
        + " changes: " + std::to_string(s.bySeverity[static_cast<std::size_t>(Severity::Breaking)]) + " breaking, "
        + std::to_string(s.bySeverity[static_cast<std::size_t>(Severity::Cosmetic)]) + " cosmetic, "
        + std::to_string(s.bySeverity[static_cast<std::size_t>(Severity::Safe)]) + " safe.";
}

std::string escapeMarkdown(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '|' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}
} // namespace

std::string markdownReport(const Analysis& analysis, const ReportContext& context)
{
    std::string out = "# Release notes: " + escapeMarkdown(context.oldName) + " → " + escapeMarkdown(context.newName)
        + "\n\n" + headline(analysis) + "\n";
    for (const Section& section : sections(analysis, context)) {
        if (section.entries.empty())
            continue;
        out += "\n## " + section.title + " (" + std::to_string(section.entries.size()) + ")\n\n";
        for (const Entry& e : section.entries) {
            out += "- ";
            if (!e.oldTerm.empty())
                out += "`" + e.oldTerm + "` → ";
            if (!e.label.empty())
                out += "**" + escapeMarkdown(e.label) + "** ";
            out += "`" + e.term + "` — " + escapeMarkdown(e.text);
            if (!e.replacedBy.empty())
                out += " Replaced by `" + e.replacedBy + "`.";
            if (!e.impact.empty())
                out += " *Impact: " + escapeMarkdown(e.impact) + ".*";
            out += "\n";
        }
    }
    return out;
}

std::string htmlReport(const Analysis& analysis, const ReportContext& context)
{
    const std::string title = "Release notes: " + context.oldName + " → " + context.newName;
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + evograph::detail::escapeMarkup(title)
        + "</title>\n<style>\nbody{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
          "line-height:1.45}\ncode{background:#f3f3f3;padding:0 .2em;border-radius:3px}\n"
          "li{margin:.3rem 0}\n.impact{color:#8a3b00}\nh2{border-bottom:1px solid "
          "#ddd}\n"
        + (context.hierarchies ? hierarchyStyle() : std::string()) + "</style>\n</head>\n<body>\n<h1>"
        + evograph::detail::escapeMarkup(title) + "</h1>\n<p>" + evograph::detail::escapeMarkup(headline(analysis))
        + "</p>\n";
    for (const Section& section : sections(analysis, context)) {
        if (section.entries.empty())
            continue;
        out += "<h2>" + section.title + " (" + std::to_string(section.entries.size()) + ")</h2>\n<ul>\n";
        for (const Entry& e : section.entries) {
            out += "<li>";
            if (!e.oldTerm.empty())
                out += "<code>" + evograph::detail::escapeMarkup(e.oldTerm) + "</code> → ";
            if (!e.label.empty())
                out += "<strong>" + evograph::detail::escapeMarkup(e.label) + "</strong> ";
            out += "<code>" + evograph::detail::escapeMarkup(e.term) + "</code> — "
                + evograph::detail::escapeMarkup(e.text);
            if (!e.replacedBy.empty())
                out += " Replaced by <code>" + evograph::detail::escapeMarkup(e.replacedBy) + "</code>.";
            if (!e.impact.empty())
                out += " <span class=\"impact\">Impact: " + evograph::detail::escapeMarkup(e.impact) + ".</span>";
            out += "</li>\n";
        }
        out += "</ul>\n";
    }
    if (context.hierarchies)
        out += hierarchyHtmlSection(*context.hierarchies, context, {true});
    return out + "</body>\n</html>\n";
}

} // namespace evograph::analysis
