#pragma once
// One entity-level change between two versions of an ontology: what kind of change, which entity,
// how severe and why, the triples it is made of, and (with instance data) what it touches.
//
// The change kinds are a closed vocabulary; their names are a contract with scripts (JSON) and
// are documented in docs/analysis.md.
#include "evograph/rdf/dataset.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evograph::analysis {

enum class ChangeKind : std::uint8_t {
    OntologyVersionChanged,
    MetadataChanged,
    ClassAdded,
    ClassRemoved,
    ClassRenamed,
    ClassDeprecated,
    PropertyAdded,
    PropertyRemoved,
    PropertyRenamed,
    PropertyDeprecated,
    RedeclarationAdded,
    RedeclarationDropped,
    TypeChanged,
    DomainChanged,
    RangeChanged,
    SuperclassAdded,
    SuperclassRemoved,
    SuperpropertyAdded,
    SuperpropertyRemoved,
    RestrictionAdded,
    RestrictionRemoved,
    RestrictionChanged,
    EquivalenceChanged,
    DisjointnessChanged,
    InverseChanged,
    PropertyChainChanged,
    RuleChanged,
    LabelChanged,
    CommentChanged,
    AnnotationChanged,
    LiteralChanged,
    IndividualAdded,
    IndividualRemoved,
    IndividualChanged,
    Other,
};
inline constexpr std::size_t kChangeKindCount = static_cast<std::size_t>(ChangeKind::Other) + 1;

// snake_case, e.g. "class_renamed".
std::string_view toString(ChangeKind kind);
std::optional<ChangeKind> parseChangeKind(std::string_view name);

// Ordered by how much attention a change needs.
enum class Severity : std::uint8_t { Safe, Cosmetic, Breaking };
inline constexpr std::array kSeverities {Severity::Safe, Severity::Cosmetic, Severity::Breaking};
std::string_view toString(Severity severity);
std::optional<Severity> parseSeverity(std::string_view name);

// How much of the instance data a change touches, e.g. 142 and "142 ex:User have no ex:hasEmail
// but it is now required".
struct Impact {
    std::size_t count = 0;
    std::string description;
};

struct Change {
    ChangeKind kind = ChangeKind::Other;
    rdf::TermId iri = rdf::kNoTerm; // the entity; kNoTerm for renames and for axioms no entity owns
    rdf::TermId oldIri = rdf::kNoTerm, newIri = rdf::kNoTerm; // renames only
    rdf::TermId property = rdf::kNoTerm; // the property a literal, restriction or assertion change is about
    rdf::TermId replacedBy = rdf::kNoTerm; // deprecations: the successor NEW names for the term
    Severity severity = Severity::Safe;
    std::string reason; // one line: why this severity
    std::optional<double> confidence; // renames: in [0, 1]
    std::vector<std::string> evidence; // renames: the signals that matched
    std::vector<rdf::Quad> removed; // in OLD's terms, sorted
    std::vector<rdf::Quad> added; // in NEW's terms, sorted
    std::optional<Impact> impact; // only when instance data was given

    // The entity the change is about: iri, or newIri for a rename.
    rdf::TermId subject() const { return iri != rdf::kNoTerm ? iri : newIri; }
};

// A term as reasons mention it: an IRI's local name (after the last '#' or '/'), a literal's value.
std::string shortName(const rdf::Dictionary& dictionary, rdf::TermId term);

} // namespace evograph::analysis
