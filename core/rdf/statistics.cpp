#include "evograph/rdf/statistics.h"

#include "evograph/rdf/vocabulary.h"

#include <unordered_set>

namespace evograph::rdf {

namespace {
// Looks up an IRI without adding it: a vocabulary term absent from the data matches nothing.
TermId lookup(const Dictionary& dictionary, std::string_view iri)
{
    return dictionary.find(TermView {TermKind::Iri, iri, {}, {}}).value_or(kNoTerm);
}
} // namespace

Statistics computeStatistics(const Dataset& dataset)
{
    const Dictionary& dict = dataset.dictionary();
    const TermId type = lookup(dict, vocab::rdfType);
    const TermId owlClass = lookup(dict, vocab::owlClass);
    const TermId rdfsClass = lookup(dict, vocab::rdfsClass);
    const TermId objectProperty = lookup(dict, vocab::owlObjectProperty);
    const TermId datatypeProperty = lookup(dict, vocab::owlDatatypeProperty);
    const TermId annotationProperty = lookup(dict, vocab::owlAnnotationProperty);
    const TermId rdfProperty = lookup(dict, vocab::rdfProperty);
    const TermId namedIndividual = lookup(dict, vocab::owlNamedIndividual);
    const TermId ontology = lookup(dict, vocab::owlOntology);
    const TermId versionIri = lookup(dict, vocab::owlVersionIri);

    Statistics stats;
    stats.triples = dataset.size();
    stats.prefixes = dataset.prefixes().size();
    std::unordered_set<TermId> subjects, graphs, blanks, literals, classes, objectProps, datatypeProps, annotationProps,
        rdfProps, individuals;
    auto note = [&](TermId id) {
        if (id == kNoTerm)
            return;
        if (dict.isBlank(id))
            blanks.insert(id);
        else if (dict.kind(id) == TermKind::Literal)
            literals.insert(id);
    };
    for (const Quad& q : dataset.quads()) {
        subjects.insert(q.s);
        if (q.g != kNoTerm)
            graphs.insert(q.g);
        note(q.s), note(q.o), note(q.g);
        if (versionIri != kNoTerm && q.p == versionIri)
            stats.versionIris.emplace_back(dict.term(q.o).value);
        if (type == kNoTerm || q.p != type || dict.isBlank(q.s))
            continue;
        if (q.o == owlClass || q.o == rdfsClass)
            classes.insert(q.s);
        else if (q.o == objectProperty)
            objectProps.insert(q.s);
        else if (q.o == datatypeProperty)
            datatypeProps.insert(q.s);
        else if (q.o == annotationProperty)
            annotationProps.insert(q.s);
        else if (q.o == rdfProperty)
            rdfProps.insert(q.s);
        else if (q.o == ontology)
            stats.ontologies.emplace_back(dict.term(q.s).value);
    }
    // Individuals need the classes first: anything typed with a class found above.
    for (const Quad& q : dataset.quads()) {
        if (q.p == type && type != kNoTerm && !dict.isBlank(q.s) && (q.o == namedIndividual || classes.contains(q.o)))
            individuals.insert(q.s);
    }
    for (const auto* owlTyped : {&objectProps, &datatypeProps, &annotationProps}) {
        for (const TermId p : *owlTyped)
            rdfProps.erase(p);
    }
    stats.subjects = subjects.size();
    stats.graphs = graphs.size();
    stats.blankNodes = blanks.size();
    stats.literals = literals.size();
    stats.classes = classes.size();
    stats.objectProperties = objectProps.size();
    stats.datatypeProperties = datatypeProps.size();
    stats.annotationProperties = annotationProps.size();
    stats.rdfProperties = rdfProps.size();
    stats.individuals = individuals.size();
    return stats;
}

std::vector<StatisticsFigure> statisticsFigures(const Statistics& s)
{
    return {
        {"triples", "Triples", "Statements, in all graphs, without duplicates", s.triples},
        {"subjects", "Subjects", "Distinct subjects", s.subjects},
        {"classes", "Classes", "IRIs typed owl:Class or rdfs:Class", s.classes},
        {"object_properties", "Object properties", "IRIs typed owl:ObjectProperty", s.objectProperties},
        {"datatype_properties", "Datatype properties", "IRIs typed owl:DatatypeProperty", s.datatypeProperties},
        {"annotation_properties", "Annotation properties", "IRIs typed owl:AnnotationProperty", s.annotationProperties},
        {"rdf_properties", "Other properties", "IRIs typed rdf:Property only", s.rdfProperties},
        {"individuals", "Individuals", "IRIs typed owl:NamedIndividual or with a class of this file", s.individuals},
        {"blank_nodes", "Blank nodes", "Distinct blank nodes (restrictions, lists, axioms)", s.blankNodes},
        {"literals", "Literals", "Distinct literals", s.literals},
        {"graphs", "Named graphs", "Graphs other than the default graph", s.graphs},
        {"prefixes", "Prefixes", "Namespace prefixes declared in the file", s.prefixes},
    };
}

} // namespace evograph::rdf
