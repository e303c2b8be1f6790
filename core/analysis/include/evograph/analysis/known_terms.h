#pragma once
// The vocabulary terms change analysis looks for (RDF, RDFS, OWL, SKOS, Dublin Core, OBO's IAO
// and schema.org), resolved once to ids of the shared Dictionary. A term the inputs never use
// resolves to kNoTerm and so never matches.
#include "evograph/rdf/dictionary.h"

#include <span>

namespace evograph::analysis {

struct KnownTerms {
    explicit KnownTerms(const rdf::Dictionary& dictionary);

    rdf::TermId rdfType, rdfProperty, rdfFirst, rdfRest, rdfNil;
    rdf::TermId rdfsClass, rdfsDatatype, rdfsLabel, rdfsComment, rdfsSubClassOf, rdfsSubPropertyOf, rdfsDomain,
        rdfsRange, rdfsLiteral, rdfsResource, rdfsSeeAlso, rdfsIsDefinedBy;
    rdf::TermId owlClass, owlOntology, owlObjectProperty, owlDatatypeProperty, owlAnnotationProperty,
        owlFunctionalProperty, owlInverseFunctionalProperty, owlTransitiveProperty, owlSymmetricProperty,
        owlAsymmetricProperty, owlReflexiveProperty, owlIrreflexiveProperty, owlNamedIndividual, owlRestriction,
        owlAxiom, owlThing, owlAllDisjointClasses, owlAllDisjointProperties, owlAllDifferent;
    rdf::TermId owlOnProperty, owlOnClass, owlSomeValuesFrom, owlAllValuesFrom, owlHasValue, owlMinCardinality,
        owlMaxCardinality, owlCardinality, owlMinQualifiedCardinality, owlMaxQualifiedCardinality,
        owlQualifiedCardinality, owlOnDataRange;
    rdf::TermId owlEquivalentClass, owlEquivalentProperty, owlDisjointWith, owlUnionOf, owlIntersectionOf, owlInverseOf,
        owlOneOf, owlMembers, owlDisjointUnionOf, owlDeprecated, owlAnnotatedSource, owlAnnotatedProperty,
        owlVersionIri, owlVersionInfo, owlPriorVersion, owlBackwardCompatibleWith, owlIncompatibleWith, owlImports,
        owlSameAs, owlPropertyDisjointWith, owlPropertyChainAxiom, owlComplementOf;
    rdf::TermId skosConcept, skosBroader, skosNarrower, skosHasTopConcept, skosTopConceptOf;
    rdf::TermId skosPrefLabel, skosDefinition, dctermsDescription, dctermsModified, dctermsIssued, dctermsIsReplacedBy,
        iaoDefinition, iaoTermReplacedBy, iaoObsolescenceReason;
    rdf::TermId schemaDomainIncludes[2], schemaRangeIncludes[2], schemaSupersededBy[2], schemaVersion[2];
    rdf::TermId swrlBody, swrlHead, swrlImp, swrlVariable;
    rdf::TermId xsdBoolean;

    bool isLabel(rdf::TermId p) const { return p == rdfsLabel || p == skosPrefLabel; }
    bool isComment(rdf::TermId p) const
    {
        return p == rdfsComment || p == skosDefinition || p == iaoDefinition || p == dctermsDescription;
    }
    bool isDomain(rdf::TermId p) const { return p == rdfsDomain || isAny(p, schemaDomainIncludes); }
    bool isRange(rdf::TermId p) const { return p == rdfsRange || isAny(p, schemaRangeIncludes); }
    // Links from a deprecated term to the term that replaces it.
    bool isReplacement(rdf::TermId p) const
    {
        return p == dctermsIsReplacedBy || p == iaoTermReplacedBy || isAny(p, schemaSupersededBy);
    }
    // Ontology header statements that carry the version.
    bool isVersionInfo(rdf::TermId p) const
    {
        return p == owlVersionIri || p == owlVersionInfo || p == owlPriorVersion || p == dctermsModified
            || p == dctermsIssued || isAny(p, schemaVersion);
    }
    bool isPropertyType(rdf::TermId type) const;
    bool isCardinality(rdf::TermId p) const;
    // OWL 2's built-in annotation properties (rdfs:label, rdfs:comment, rdfs:seeAlso, owl:versionInfo, ...).
    bool isBuiltinAnnotation(rdf::TermId p) const;
    // An IRI of the RDF, RDFS or OWL vocabulary: the language ontologies are written in, never an
    // annotation of the ontology's own.
    bool isLanguageTerm(rdf::TermId term) const;

private:
    const rdf::Dictionary* m_dictionary;
    static bool isAny(rdf::TermId p, std::span<const rdf::TermId> set)
    {
        for (const rdf::TermId t : set)
            if (t != rdf::kNoTerm && t == p)
                return true;
        return false;
    }
};

} // namespace evograph::analysis
