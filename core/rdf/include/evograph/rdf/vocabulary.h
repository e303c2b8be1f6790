#pragma once
// IRIs of the RDF, RDFS, OWL and XSD vocabularies the engine looks for.

#include <string_view>

namespace evograph::rdf::vocab {

inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view rdfProperty = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property";
inline constexpr std::string_view rdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
inline constexpr std::string_view rdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
inline constexpr std::string_view rdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
inline constexpr std::string_view rdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view rdfsClass = "http://www.w3.org/2000/01/rdf-schema#Class";
inline constexpr std::string_view rdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view owl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view owlClass = "http://www.w3.org/2002/07/owl#Class";
inline constexpr std::string_view owlObjectProperty = "http://www.w3.org/2002/07/owl#ObjectProperty";
inline constexpr std::string_view owlDatatypeProperty = "http://www.w3.org/2002/07/owl#DatatypeProperty";
inline constexpr std::string_view owlAnnotationProperty = "http://www.w3.org/2002/07/owl#AnnotationProperty";
inline constexpr std::string_view owlNamedIndividual = "http://www.w3.org/2002/07/owl#NamedIndividual";
inline constexpr std::string_view owlOntology = "http://www.w3.org/2002/07/owl#Ontology";
inline constexpr std::string_view owlVersionIri = "http://www.w3.org/2002/07/owl#versionIRI";
inline constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view xsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view xsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view xsdDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr std::string_view xsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";

} // namespace evograph::rdf::vocab
