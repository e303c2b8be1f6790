#include "evograph/analysis/report.h"

#include <algorithm>
#include <cstdio>

namespace evograph::analysis {

std::string displayTerm(const ReportContext& context, rdf::TermId term)
{
    if (term == rdf::kNoTerm)
        return "(axiom)";
    const rdf::TermView view = context.dictionary.term(term);
    if (view.isIri()) {
        if (auto curie = context.prefixes.abbreviate(view.value))
            return *curie;
        return "<" + std::string(view.value) + ">";
    }
    return std::string(view.isBlank() ? "_:" : "") + std::string(view.value);
}

std::string textEntry(const Change& change, const Analysis& analysis, const ReportContext& context)
{
    std::string entity = change.oldIri
        ? displayTerm(context, change.oldIri) + " -> " + displayTerm(context, change.newIri)
        : displayTerm(context, change.iri);
    if (const auto label = analysis.labels.find(change.subject()); label != analysis.labels.end())
        entity += " \"" + label->second + "\"";
    if (change.property && change.kind != ChangeKind::Other)
        entity += " [" + displayTerm(context, change.property) + "]";
    char head[64];
    std::snprintf(head, sizeof head, "%-9s %-24s ", std::string(toString(change.severity)).c_str(),
        std::string(toString(change.kind)).c_str());
    std::string out = head + entity + "\n    " + change.reason;
    if (change.confidence) {
        char confidence[32];
        std::snprintf(confidence, sizeof confidence, " (confidence %.2f)", *change.confidence);
        out += confidence;
    }
    out += "\n";
    if (change.replacedBy)
        out += "    replaced by: " + displayTerm(context, change.replacedBy) + "\n";
    if (change.impact)
        out += "    impact: " + change.impact->description + "\n";
    return out;
}

std::string textReport(const Analysis& analysis, const ReportContext& context)
{
    const AnalysisSummary summary = analysis.summary();
    std::string out = context.oldName + " -> " + context.newName + ": " + std::to_string(analysis.changes.size())
        + " changes (" + std::to_string(summary.bySeverity[static_cast<std::size_t>(Severity::Breaking)])
        + " breaking, " + std::to_string(summary.bySeverity[static_cast<std::size_t>(Severity::Cosmetic)])
        + " cosmetic, " + std::to_string(summary.bySeverity[static_cast<std::size_t>(Severity::Safe)]) + " safe)\n";
    std::vector<const Change*> order;
    for (const Change& c : analysis.changes)
        order.push_back(&c);
    // Most severe first; within a severity, the analysis order (kind, then IRI).
    std::stable_sort(
        order.begin(), order.end(), [](const Change* a, const Change* b) { return a->severity > b->severity; });
    for (const Change* c : order)
        out += textEntry(*c, analysis, context);
    return out;
}

} // namespace evograph::analysis
