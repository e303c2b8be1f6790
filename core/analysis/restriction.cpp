#include "restriction.h"

#include "evograph/analysis/change.h"

#include <charconv>

namespace evograph::analysis::detail {

long long Constraint::minimum(const KnownTerms& t) const
{
    if (predicate == rdf::kNoTerm)
        return 0;
    if (predicate == t.owlSomeValuesFrom || predicate == t.owlHasValue)
        return 1;
    if (predicate == t.owlMinCardinality || predicate == t.owlMinQualifiedCardinality || predicate == t.owlCardinality
        || predicate == t.owlQualifiedCardinality)
        return number;
    return 0;
}

bool Constraint::limits(const KnownTerms& t) const
{
    return predicate != rdf::kNoTerm
        && (predicate == t.owlMaxCardinality || predicate == t.owlMaxQualifiedCardinality
            || predicate == t.owlAllValuesFrom || predicate == t.owlCardinality
            || predicate == t.owlQualifiedCardinality);
}

std::string Constraint::describe(const rdf::Dictionary& dictionary) const
{
    if (predicate == rdf::kNoTerm)
        return "a class expression";
    return "owl:" + shortName(dictionary, predicate) + " "
        + (filler ? shortName(dictionary, filler) : std::to_string(number));
}

rdf::TermId restrictionNode(const rdf::Dictionary& dictionary, const std::vector<rdf::Quad>& quads)
{
    for (const rdf::Quad& q : quads) {
        if (dictionary.isBlank(q.s))
            return q.s;
        if (dictionary.isBlank(q.o))
            return q.o;
    }
    return rdf::kNoTerm;
}

namespace {
long long cardinality(std::string_view lexical)
{
    long long n = -1;
    std::from_chars(lexical.data(), lexical.data() + lexical.size(), n);
    return n;
}
} // namespace

Constraint constraintOf(const OntologyIndex& index, rdf::TermId node)
{
    Constraint c;
    if (!node)
        return c;
    const KnownTerms& t = index.terms();
    const rdf::Dictionary& dictionary = index.data().dictionary();
    for (const rdf::Quad& q : index.data().withSubject(node)) {
        const rdf::TermView value = dictionary.term(q.o);
        if (q.p == t.owlOnProperty) {
            c.property = q.o;
        } else if (t.isCardinality(q.p) && value.isLiteral()) {
            c.predicate = q.p, c.number = cardinality(value.value);
        } else if (q.p == t.owlSomeValuesFrom || q.p == t.owlAllValuesFrom || q.p == t.owlHasValue) {
            c.predicate = q.p, c.filler = q.o;
        }
    }
    return c;
}

Constraint constraintOfChange(const OntologyIndex& index, const std::vector<rdf::Quad>& quads)
{
    const rdf::Dictionary& dictionary = index.data().dictionary();
    if (const rdf::TermId node = restrictionNode(dictionary, quads))
        return constraintOf(index, node);
    Constraint c;
    for (const rdf::Quad& q : quads) {
        const rdf::TermView value = dictionary.term(q.o);
        if (index.terms().isCardinality(q.p) && value.isLiteral()) {
            c.predicate = q.p, c.number = cardinality(value.value), c.property = q.s, c.onProperty = true;
            break;
        }
    }
    return c;
}

std::string onPropertyNote(const Constraint& constraint, rdf::TermId cls, const rdf::Dictionary& dictionary)
{
    if (!constraint.onProperty)
        return {};
    const std::string property = shortName(dictionary, constraint.property);
    const std::string owner = cls != constraint.property ? shortName(dictionary, cls) : "owl:Thing";
    return "; asserted on the property " + property + " itself, which OWL does not read as a restriction: write "
        + owner + " rdfs:subClassOf [ a owl:Restriction ; owl:onProperty " + property + " ; "
        + constraint.describe(dictionary) + " ]";
}

} // namespace evograph::analysis::detail
