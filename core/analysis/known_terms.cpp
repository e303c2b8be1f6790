#include "evograph/analysis/known_terms.h"

#include <string>

namespace evograph::analysis {

namespace {
constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";
constexpr std::string_view kObo = "http://purl.obolibrary.org/obo/";
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view kSwrl = "http://www.w3.org/2003/11/swrl#";
// schema.org is published under both schemes.
constexpr std::string_view kSchema[2] = {"http://schema.org/", "https://schema.org/"};
} // namespace

KnownTerms::KnownTerms(const rdf::Dictionary& dictionary)
    : m_dictionary(&dictionary)
{
    auto id = [&](std::string_view ns, std::string_view local) {
        const std::string iri = std::string(ns).append(local);
        return dictionary.findIri(iri).value_or(rdf::kNoTerm);
    };
    rdfType = id(kRdf, "type"), rdfProperty = id(kRdf, "Property"), rdfFirst = id(kRdf, "first");
    rdfRest = id(kRdf, "rest"), rdfNil = id(kRdf, "nil");
    rdfsClass = id(kRdfs, "Class"), rdfsDatatype = id(kRdfs, "Datatype"), rdfsLabel = id(kRdfs, "label");
    rdfsComment = id(kRdfs, "comment"), rdfsSubClassOf = id(kRdfs, "subClassOf");
    rdfsSubPropertyOf = id(kRdfs, "subPropertyOf"), rdfsDomain = id(kRdfs, "domain"), rdfsRange = id(kRdfs, "range");
    rdfsLiteral = id(kRdfs, "Literal"), rdfsResource = id(kRdfs, "Resource");
    rdfsSeeAlso = id(kRdfs, "seeAlso"), rdfsIsDefinedBy = id(kRdfs, "isDefinedBy");
    owlClass = id(kOwl, "Class"), owlOntology = id(kOwl, "Ontology"), owlObjectProperty = id(kOwl, "ObjectProperty");
    owlDatatypeProperty = id(kOwl, "DatatypeProperty"), owlAnnotationProperty = id(kOwl, "AnnotationProperty");
    owlFunctionalProperty = id(kOwl, "FunctionalProperty");
    owlInverseFunctionalProperty = id(kOwl, "InverseFunctionalProperty");
    owlTransitiveProperty = id(kOwl, "TransitiveProperty"), owlSymmetricProperty = id(kOwl, "SymmetricProperty");
    owlAsymmetricProperty = id(kOwl, "AsymmetricProperty"), owlReflexiveProperty = id(kOwl, "ReflexiveProperty");
    owlIrreflexiveProperty = id(kOwl, "IrreflexiveProperty");
    owlAllDisjointClasses = id(kOwl, "AllDisjointClasses");
    owlAllDisjointProperties = id(kOwl, "AllDisjointProperties"), owlAllDifferent = id(kOwl, "AllDifferent");
    owlNamedIndividual = id(kOwl, "NamedIndividual"), owlRestriction = id(kOwl, "Restriction");
    owlAxiom = id(kOwl, "Axiom"), owlThing = id(kOwl, "Thing");
    owlOnProperty = id(kOwl, "onProperty"), owlOnClass = id(kOwl, "onClass");
    owlSomeValuesFrom = id(kOwl, "someValuesFrom"), owlAllValuesFrom = id(kOwl, "allValuesFrom");
    owlHasValue = id(kOwl, "hasValue"), owlMinCardinality = id(kOwl, "minCardinality");
    owlMaxCardinality = id(kOwl, "maxCardinality"), owlCardinality = id(kOwl, "cardinality");
    owlMinQualifiedCardinality = id(kOwl, "minQualifiedCardinality");
    owlMaxQualifiedCardinality = id(kOwl, "maxQualifiedCardinality");
    owlQualifiedCardinality = id(kOwl, "qualifiedCardinality"), owlOnDataRange = id(kOwl, "onDataRange");
    owlEquivalentClass = id(kOwl, "equivalentClass"), owlEquivalentProperty = id(kOwl, "equivalentProperty");
    owlDisjointWith = id(kOwl, "disjointWith"), owlUnionOf = id(kOwl, "unionOf");
    owlIntersectionOf = id(kOwl, "intersectionOf"), owlInverseOf = id(kOwl, "inverseOf");
    owlOneOf = id(kOwl, "oneOf"), owlMembers = id(kOwl, "members"), owlDisjointUnionOf = id(kOwl, "disjointUnionOf");
    owlDeprecated = id(kOwl, "deprecated"), owlAnnotatedSource = id(kOwl, "annotatedSource");
    owlVersionIri = id(kOwl, "versionIRI"), owlVersionInfo = id(kOwl, "versionInfo");
    owlPriorVersion = id(kOwl, "priorVersion"), owlAnnotatedProperty = id(kOwl, "annotatedProperty");
    owlBackwardCompatibleWith = id(kOwl, "backwardCompatibleWith");
    owlIncompatibleWith = id(kOwl, "incompatibleWith"), owlImports = id(kOwl, "imports");
    owlSameAs = id(kOwl, "sameAs"), owlPropertyDisjointWith = id(kOwl, "propertyDisjointWith");
    owlPropertyChainAxiom = id(kOwl, "propertyChainAxiom"), owlComplementOf = id(kOwl, "complementOf");
    skosPrefLabel = id(kSkos, "prefLabel"), skosDefinition = id(kSkos, "definition");
    skosConcept = id(kSkos, "Concept"), skosBroader = id(kSkos, "broader"), skosNarrower = id(kSkos, "narrower");
    skosHasTopConcept = id(kSkos, "hasTopConcept"), skosTopConceptOf = id(kSkos, "topConceptOf");
    dctermsDescription = id(kDcterms, "description"), dctermsModified = id(kDcterms, "modified");
    dctermsIssued = id(kDcterms, "issued"), dctermsIsReplacedBy = id(kDcterms, "isReplacedBy");
    iaoDefinition = id(kObo, "IAO_0000115"), iaoTermReplacedBy = id(kObo, "IAO_0100001");
    iaoObsolescenceReason = id(kObo, "IAO_0000231");
    for (int i = 0; i < 2; ++i) {
        schemaDomainIncludes[i] = id(kSchema[i], "domainIncludes");
        schemaRangeIncludes[i] = id(kSchema[i], "rangeIncludes");
        schemaSupersededBy[i] = id(kSchema[i], "supersededBy");
        schemaVersion[i] = id(kSchema[i], "schemaVersion");
    }
    swrlBody = id(kSwrl, "body"), swrlHead = id(kSwrl, "head"), swrlImp = id(kSwrl, "Imp");
    swrlVariable = id(kSwrl, "Variable");
    xsdBoolean = id(kXsd, "boolean");
}

bool KnownTerms::isPropertyType(rdf::TermId type) const
{
    return type != rdf::kNoTerm
        && (type == rdfProperty || type == owlObjectProperty || type == owlDatatypeProperty
            || type == owlAnnotationProperty || type == owlFunctionalProperty || type == owlInverseFunctionalProperty
            || type == owlTransitiveProperty || type == owlSymmetricProperty || type == owlAsymmetricProperty
            || type == owlReflexiveProperty || type == owlIrreflexiveProperty);
}

bool KnownTerms::isCardinality(rdf::TermId p) const
{
    return p != rdf::kNoTerm
        && (p == owlMinCardinality || p == owlMaxCardinality || p == owlCardinality || p == owlMinQualifiedCardinality
            || p == owlMaxQualifiedCardinality || p == owlQualifiedCardinality);
}

bool KnownTerms::isBuiltinAnnotation(rdf::TermId p) const
{
    return p != rdf::kNoTerm
        && (p == rdfsLabel || p == rdfsComment || p == rdfsSeeAlso || p == rdfsIsDefinedBy || p == owlDeprecated
            || p == owlVersionInfo || p == owlPriorVersion || p == owlBackwardCompatibleWith
            || p == owlIncompatibleWith);
}

bool KnownTerms::isLanguageTerm(rdf::TermId term) const
{
    if (term == rdf::kNoTerm || m_dictionary->kind(term) != rdf::TermKind::Iri)
        return false;
    const std::string_view iri = m_dictionary->term(term).value;
    return iri.starts_with(kRdf) || iri.starts_with(kRdfs) || iri.starts_with(kOwl);
}

} // namespace evograph::analysis
