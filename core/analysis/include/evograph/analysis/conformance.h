#pragma once
// Whether instance data conforms to an ontology, read closed-world as a validator reads it (the
// evolution suites' schema_valid; docs/analysis.md defines each rule):
//   domain    the subject of a statement is typed outside the property's domain
//   range     the value is a literal of another datatype, a resource typed outside the range, or a
//             literal where a class is expected
//   required  an instance of a class has fewer values of a property than a restriction on the class
//             demands (min or exact cardinality, someValuesFrom, hasValue), or than a cardinality
//             asserted on the property itself demands of its domain
//   maximum   more values than a maximum or exact cardinality allows
//   disjoint  an instance of two classes declared disjoint (owl:disjointWith, owl:AllDisjointClasses)
// Untyped subjects and values are never outside a domain or range: nothing says what they are.
#include "evograph/analysis/ontology_index.h"

#include <string>
#include <vector>

namespace evograph::analysis {

struct RuleViolations {
    std::string rule; // "domain", "range", "required", "maximum" or "disjoint"
    std::size_t count = 0;
    std::vector<std::string> examples; // the first few, e.g. "carol: 0 hasEmail, User requires at least 1"
};

struct ConformanceReport {
    std::vector<RuleViolations> rules; // those violated, in the order above
    std::size_t total() const;
};

// `schema` and `data` are indexes over one dictionary (they may be the same index: an ontology
// with its own individuals).
ConformanceReport checkConformance(const OntologyIndex& schema, const OntologyIndex& data, std::size_t examples = 3);

// The individual a statement is about: a named subject that is no class, property or ontology; a
// blank node such an individual owns (an address); or a blank node of its own that is not an OWL,
// RDF or SWRL construct. kNoTerm for the statements that make up the ontology.
rdf::TermId instanceSubject(const OntologyIndex& index, const rdf::Quad& quad);

} // namespace evograph::analysis
