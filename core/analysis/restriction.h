#pragma once
// What an OWL restriction demands, read from one version (internal to the analysis): shared by
// the severity rules (is it required now?) and the impact on data (who lacks it?).
#include "evograph/analysis/ontology_index.h"

#include <string>
#include <vector>

namespace evograph::analysis::detail {

struct Constraint {
    rdf::TermId predicate = rdf::kNoTerm; // owl:minCardinality, owl:someValuesFrom, ...
    long long number = -1; // cardinalities
    rdf::TermId filler = rdf::kNoTerm; // someValuesFrom, allValuesFrom, hasValue
    rdf::TermId property = rdf::kNoTerm; // owl:onProperty
    bool onProperty = false; // asserted on the property itself, outside an owl:Restriction

    // At least `minimum()` values are demanded (someValuesFrom and hasValue demand one).
    bool demands(const KnownTerms& t) const { return minimum(t) >= 1; }
    long long minimum(const KnownTerms& t) const;
    // A maximum count, or allValuesFrom: values are limited.
    bool limits(const KnownTerms& t) const;
    // "owl:minCardinality 1", "owl:someValuesFrom Nerve".
    std::string describe(const rdf::Dictionary& dictionary) const;
};

// The restriction node of a change's quads in one version: the first blank node they touch.
rdf::TermId restrictionNode(const rdf::Dictionary& dictionary, const std::vector<rdf::Quad>& quads);

Constraint constraintOf(const OntologyIndex& index, rdf::TermId node);

// What a change's quads (in `index`'s version) constrain: the restriction node they touch, else a
// cardinality asserted directly on a property (":hasEmail owl:minCardinality 1").
Constraint constraintOfChange(const OntologyIndex& index, const std::vector<rdf::Quad>& quads);

// For a constraint asserted on a property: what the reason adds, with the OWL form to write instead.
std::string onPropertyNote(const Constraint& constraint, rdf::TermId cls, const rdf::Dictionary& dictionary);

} // namespace evograph::analysis::detail
