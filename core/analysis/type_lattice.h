#pragma once
// "Is this type under that one?" for classes (named rdfs:subClassOf in either version) and XSD
// datatypes (the built-in derivation towers), and what a domain or range admits. Shared by the
// severity rules and the impact on instance data (internal to the analysis).
#include "evograph/analysis/ontology_index.h"

#include <vector>

namespace evograph::analysis::detail {

class TypeLattice {
public:
    TypeLattice(const OntologyIndex& oldIndex, const OntologyIndex& newIndex)
        : m_old(oldIndex)
        , m_new(newIndex)
    {
    }

    // Reflexive; rdfs:Literal and owl:Thing are above everything.
    bool below(rdf::TermId sub, rdf::TermId super) const;
    // Every type in `narrow` is below some type in `wide`; an empty `wide` admits everything.
    bool covers(const std::vector<rdf::TermId>& wide, const std::vector<rdf::TermId>& narrow) const;
    // The types an entity's domain (or range) admits in one version: named values and the members
    // of owl:unionOf values; other class expressions count as themselves.
    std::vector<rdf::TermId> admitted(const OntologyIndex& index, rdf::TermId property, bool domain) const;
    // Whether a value falls outside what `admitted` allows: a literal whose datatype none of them
    // covers, or a resource with known `types` none of which is below one of them. An untyped
    // resource is never outside (nothing says what it is); an empty `admitted` admits everything.
    bool outside(
        const std::vector<rdf::TermId>& admitted, rdf::TermId value, const std::vector<rdf::TermId>& types) const;

private:
    bool xsdBelow(rdf::TermId sub, rdf::TermId super) const;

    const OntologyIndex& m_old;
    const OntologyIndex& m_new;
};

} // namespace evograph::analysis::detail
