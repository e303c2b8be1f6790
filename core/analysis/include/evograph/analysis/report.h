#pragma once
// Analysis reports: JSON for scripts (a contract: docs/analysis.md), plain text for terminals,
// and release notes in Markdown or HTML grouped as New, Changed, Renamed, Deprecated, Removed and
// Breaking, with labels beside the IRIs.
#include "evograph/analysis/analyze.h"
#include "evograph/rdf/prefix_map.h"

#include <string>
#include <vector>

namespace evograph::analysis {

struct HierarchyTree;

struct ReportContext {
    const rdf::Dictionary& dictionary;
    const rdf::PrefixMap& prefixes; // CURIEs in text and release notes
    std::string oldName, newName; // the inputs as the user named them
    // The HTML release notes end with these trees' changes (hierarchy_report.h) when given.
    const std::vector<HierarchyTree>* hierarchies = nullptr;
};

std::string jsonReport(const Analysis& analysis, const ReportContext& context);
std::string textReport(const Analysis& analysis, const ReportContext& context);
std::string markdownReport(const Analysis& analysis, const ReportContext& context);
std::string htmlReport(const Analysis& analysis, const ReportContext& context);

// The lines textReport prints for one change: severity, kind, entity and label, the reason, and
// the successor and impact where there are.
std::string textEntry(const Change& change, const Analysis& analysis, const ReportContext& context);

// An IRI as a CURIE when a prefix covers it, else <IRI>; other terms as in N-Triples.
std::string displayTerm(const ReportContext& context, rdf::TermId term);

} // namespace evograph::analysis
