#include "evograph/analysis/change.h"

#include "evograph/rdf/dictionary.h"

namespace evograph::analysis {

namespace {
constexpr std::array<std::string_view, kChangeKindCount> kKindNames {
    "ontology_version_changed",
    "metadata_changed",
    "class_added",
    "class_removed",
    "class_renamed",
    "class_deprecated",
    "property_added",
    "property_removed",
    "property_renamed",
    "property_deprecated",
    "redeclaration_added",
    "redeclaration_dropped",
    "type_changed",
    "domain_changed",
    "range_changed",
    "superclass_added",
    "superclass_removed",
    "superproperty_added",
    "superproperty_removed",
    "restriction_added",
    "restriction_removed",
    "restriction_changed",
    "equivalence_changed",
    "disjointness_changed",
    "inverse_changed",
    "property_chain_changed",
    "rule_changed",
    "label_changed",
    "comment_changed",
    "annotation_changed",
    "literal_changed",
    "individual_added",
    "individual_removed",
    "individual_changed",
    "other",
};
constexpr std::array<std::string_view, 3> kSeverityNames {"safe", "cosmetic", "breaking"};
} // namespace

std::string_view toString(ChangeKind kind)
{
    return kKindNames[static_cast<std::size_t>(kind)];
}

std::optional<ChangeKind> parseChangeKind(std::string_view name)
{
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == name)
            return static_cast<ChangeKind>(i);
    return std::nullopt;
}

std::string_view toString(Severity severity)
{
    return kSeverityNames[static_cast<std::size_t>(severity)];
}

std::optional<Severity> parseSeverity(std::string_view name)
{
    for (std::size_t i = 0; i < kSeverityNames.size(); ++i)
        if (kSeverityNames[i] == name)
            return static_cast<Severity>(i);
    return std::nullopt;
}

std::string shortName(const rdf::Dictionary& dictionary, rdf::TermId term)
{
    if (term == rdf::kNoTerm)
        return "?";
    const rdf::TermView view = dictionary.term(term);
    if (view.isBlank())
        return "_:" + std::string(view.value);
    if (view.isLiteral())
        return std::string(view.value);
    const std::size_t cut = view.value.find_last_of("#/");
    return std::string(
        cut == std::string_view::npos || cut + 1 == view.value.size() ? view.value : view.value.substr(cut + 1));
}

} // namespace evograph::analysis
