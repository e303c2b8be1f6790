#include "evograph/analysis/change.h"

#include "evograph/engine/enum_names.h"

#include "evograph/rdf/dictionary.h"

namespace evograph::analysis {

namespace {
constexpr auto kKindNames = engine::enumNames<ChangeKind>({
    {ChangeKind::OntologyVersionChanged, "ontology_version_changed"},
    {ChangeKind::MetadataChanged, "metadata_changed"},
    {ChangeKind::ClassAdded, "class_added"},
    {ChangeKind::ClassRemoved, "class_removed"},
    {ChangeKind::ClassRenamed, "class_renamed"},
    {ChangeKind::ClassDeprecated, "class_deprecated"},
    {ChangeKind::PropertyAdded, "property_added"},
    {ChangeKind::PropertyRemoved, "property_removed"},
    {ChangeKind::PropertyRenamed, "property_renamed"},
    {ChangeKind::PropertyDeprecated, "property_deprecated"},
    {ChangeKind::RedeclarationAdded, "redeclaration_added"},
    {ChangeKind::RedeclarationDropped, "redeclaration_dropped"},
    {ChangeKind::TypeChanged, "type_changed"},
    {ChangeKind::DomainChanged, "domain_changed"},
    {ChangeKind::RangeChanged, "range_changed"},
    {ChangeKind::SuperclassAdded, "superclass_added"},
    {ChangeKind::SuperclassRemoved, "superclass_removed"},
    {ChangeKind::SuperpropertyAdded, "superproperty_added"},
    {ChangeKind::SuperpropertyRemoved, "superproperty_removed"},
    {ChangeKind::RestrictionAdded, "restriction_added"},
    {ChangeKind::RestrictionRemoved, "restriction_removed"},
    {ChangeKind::RestrictionChanged, "restriction_changed"},
    {ChangeKind::EquivalenceChanged, "equivalence_changed"},
    {ChangeKind::DisjointnessChanged, "disjointness_changed"},
    {ChangeKind::InverseChanged, "inverse_changed"},
    {ChangeKind::PropertyChainChanged, "property_chain_changed"},
    {ChangeKind::RuleChanged, "rule_changed"},
    {ChangeKind::LabelChanged, "label_changed"},
    {ChangeKind::CommentChanged, "comment_changed"},
    {ChangeKind::AnnotationChanged, "annotation_changed"},
    {ChangeKind::LiteralChanged, "literal_changed"},
    {ChangeKind::IndividualAdded, "individual_added"},
    {ChangeKind::IndividualRemoved, "individual_removed"},
    {ChangeKind::IndividualChanged, "individual_changed"},
    {ChangeKind::Other, "other"},
});
static_assert(kKindNames.entries.size() == kChangeKindCount);
constexpr auto kSeverityNames = engine::enumNames<Severity>(
    {{Severity::Safe, "safe"}, {Severity::Cosmetic, "cosmetic"}, {Severity::Breaking, "breaking"}});
} // namespace

std::string_view toString(ChangeKind kind)
{
    return kKindNames.name(kind);
}

std::optional<ChangeKind> parseChangeKind(std::string_view name)
{
    return kKindNames.parse(name);
}

std::string_view toString(Severity severity)
{
    return kSeverityNames.name(severity);
}

std::optional<Severity> parseSeverity(std::string_view name)
{
    return kSeverityNames.parse(name);
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
