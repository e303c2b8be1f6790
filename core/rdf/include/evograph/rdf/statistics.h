#pragma once
// What a dataset holds, in the terms an ontology engineer counts: classes, properties by kind,
// individuals, blank nodes, prefixes and the ontology's version IRI.

#include "evograph/rdf/dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace evograph::rdf {

struct Statistics {
    std::uint64_t triples = 0; // statements, in all graphs
    std::uint64_t graphs = 0; // named graphs
    std::uint64_t subjects = 0; // distinct subjects
    std::uint64_t classes = 0; // IRIs typed owl:Class or rdfs:Class
    std::uint64_t objectProperties = 0;
    std::uint64_t datatypeProperties = 0;
    std::uint64_t annotationProperties = 0;
    std::uint64_t rdfProperties = 0; // typed rdf:Property only
    std::uint64_t individuals = 0; // IRIs typed owl:NamedIndividual or with a type that is a class here
    std::uint64_t blankNodes = 0; // distinct blank nodes
    std::uint64_t literals = 0; // distinct literals
    std::uint64_t prefixes = 0;
    std::vector<std::string> ontologies; // IRIs typed owl:Ontology
    std::vector<std::string> versionIris; // owl:versionIRI values
};

// Requires a finalized dataset.
Statistics computeStatistics(const Dataset& dataset);

// The counts as one table, shared by every front end so that they name and explain them alike.
struct StatisticsFigure {
    const char* key; // snake_case, as in JSON output
    const char* label; // for people
    const char* description;
    std::uint64_t value;
};
std::vector<StatisticsFigure> statisticsFigures(const Statistics& statistics);

} // namespace evograph::rdf
