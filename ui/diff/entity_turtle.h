#pragma once
// An entity as Turtle, for the side-by-side view: its statements and the blank nodes hanging from
// it (restrictions, lists) inline, CURIEs from the inputs' prefixes, and the labels of the IRIs a
// line mentions as a comment at its end.

#include "evograph/rdf/dataset.h"

#include <QString>

namespace evograph::ui {

// Empty when the entity has no statements in `data`.
QString entityTurtle(const rdf::Dataset& data, rdf::TermId entity, const rdf::PrefixMap& prefixes);

} // namespace evograph::ui
