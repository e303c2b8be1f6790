#include "data_impact.h"

#include "restriction.h"
#include "type_lattice.h"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <unordered_set>

namespace evograph::analysis::detail {

namespace {
using rdf::Quad;
using rdf::TermId;

std::string thousands(std::size_t n)
{
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

// The data, indexed once for the terms the changes ask about.
class DataView {
public:
    DataView(const rdf::Dataset& data, const KnownTerms& terms, const std::unordered_set<TermId>& watched)
        : m_data(data)
    {
        for (const Quad& q : data.quads()) {
            if (q.p == terms.rdfType)
                m_types[q.s].push_back(q.o);
            if (watched.contains(q.p))
                m_byPredicate[q.p].push_back(q);
            for (const TermId t : {q.s, q.p, q.o})
                if (watched.contains(t))
                    ++m_mentions[t];
        }
    }

    std::size_t mentions(TermId t) const { return valueOr(m_mentions, t, std::size_t {0}); }
    const std::vector<Quad>& uses(TermId predicate) const { return valueOr(m_byPredicate, predicate, m_none); }
    const std::vector<TermId>& types(TermId subject) const { return valueOr(m_types, subject, m_noTypes); }

    // Subjects typed with `cls` or a class below it.
    std::vector<TermId> instancesOf(TermId cls, const TypeLattice& lattice) const
    {
        std::vector<TermId> out;
        for (const auto& [subject, types] : m_types)
            for (const TermId type : types)
                if (lattice.below(type, cls)) {
                    out.push_back(subject);
                    break;
                }
        return out;
    }

    std::vector<TermId> typedSubjects() const
    {
        std::vector<TermId> out;
        for (const auto& [subject, types] : m_types)
            out.push_back(subject);
        return out;
    }

    std::span<const Quad> statementsOf(TermId subject) const { return m_data.withSubject(subject); }

    std::size_t valueCount(TermId subject, TermId predicate) const
    {
        std::size_t n = 0;
        for (const Quad& q : statementsOf(subject))
            n += q.p == predicate;
        return n;
    }

private:
    template <typename Map, typename Value> static const Value& valueOr(const Map& map, TermId key, const Value& none)
    {
        const auto it = map.find(key);
        return it != map.end() ? it->second : none;
    }

    const rdf::Dataset& m_data;
    std::unordered_map<TermId, std::vector<TermId>> m_types;
    std::unordered_map<TermId, std::vector<Quad>> m_byPredicate;
    std::unordered_map<TermId, std::size_t> m_mentions;
    const std::vector<Quad> m_none;
    const std::vector<TermId> m_noTypes;
};

class ImpactMeter {
public:
    ImpactMeter(const rdf::Dataset& data, const OntologyIndex& oldIndex, const OntologyIndex& newIndex,
        const std::vector<Change>& changes)
        : m_new(newIndex)
        , m_old(oldIndex)
        , m_terms(newIndex.terms())
        , m_dictionary(newIndex.data().dictionary())
        , m_lattice(oldIndex, newIndex)
        , m_view(data, m_terms, watched(changes))
    {
    }

    std::optional<Impact> measure(const Change& c) const
    {
        switch (c.kind) {
        case ChangeKind::ClassRemoved:
            return impact(m_view.instancesOf(c.iri, m_lattice).size(), "instances of removed " + name(c.iri));
        case ChangeKind::PropertyRemoved:
            return impact(m_view.uses(c.iri).size(), "statements use removed " + name(c.iri));
        case ChangeKind::ClassRenamed:
        case ChangeKind::PropertyRenamed:
            return impact(m_view.mentions(c.oldIri),
                "statements use the old IRI " + name(c.oldIri) + " and need rewriting to " + name(c.newIri));
        case ChangeKind::ClassDeprecated:
        case ChangeKind::PropertyDeprecated:
            return impact(m_view.mentions(c.iri), "statements use deprecated " + name(c.iri));
        case ChangeKind::IndividualRemoved:
            return impact(m_view.mentions(c.iri), "statements refer to removed " + name(c.iri));
        case ChangeKind::SuperclassRemoved:
            if (c.removed.empty())
                return std::nullopt;
            return impact(m_view.instancesOf(c.iri, m_lattice).size(),
                name(c.iri) + " are no longer " + name(c.removed.front().o));
        case ChangeKind::RestrictionAdded:
        case ChangeKind::RestrictionChanged:
            return restrictionImpact(c);
        case ChangeKind::RangeChanged:
        case ChangeKind::DomainChanged: // only a narrowed or changed one can leave values outside
            if (c.severity != Severity::Breaking)
                return std::nullopt;
            return valuesOutside(c, c.kind == ChangeKind::DomainChanged);
        default:
            return std::nullopt;
        }
    }

private:
    static std::unordered_set<TermId> watched(const std::vector<Change>& changes)
    {
        std::unordered_set<TermId> terms;
        for (const Change& c : changes)
            for (const TermId t : {c.iri, c.oldIri, c.property})
                if (t)
                    terms.insert(t);
        return terms;
    }

    static Impact impact(std::size_t count, const std::string& what) { return {count, thousands(count) + " " + what}; }

    std::string name(TermId t) const { return shortName(m_dictionary, t); }

    std::optional<Impact> restrictionImpact(const Change& c) const
    {
        const Constraint constraint = constraintOfChange(m_new, c.added);
        const TermId property = constraint.property ? constraint.property : c.property;
        if (!property || !(constraint.demands(m_terms) || constraint.limits(m_terms)))
            return std::nullopt;
        const long long minimum = constraint.minimum(m_terms);
        const bool counted = constraint.number >= 0 && constraint.limits(m_terms);
        // A cardinality asserted on a property without a domain is about every typed subject.
        const bool everything = constraint.onProperty && c.iri == property;
        std::size_t violating = 0;
        for (const TermId instance : everything ? m_view.typedSubjects() : m_view.instancesOf(c.iri, m_lattice)) {
            if (constraint.predicate == m_terms.owlAllValuesFrom) {
                for (const Quad& q : m_view.statementsOf(instance))
                    violating += q.p == property && outside(q.o, {constraint.filler});
                continue;
            }
            const auto values = static_cast<long long>(m_view.valueCount(instance, property));
            violating += values < minimum || (counted && values > constraint.number);
        }
        std::string what = (everything ? std::string("typed subjects") : name(c.iri)) + " ";
        if (constraint.predicate == m_terms.owlAllValuesFrom)
            what = "values of " + name(property) + " on " + name(c.iri) + " are outside " + name(constraint.filler);
        else if (minimum == 1 && !counted)
            what += "have no " + name(property) + " but it is now required";
        else if (minimum >= 1)
            what += "have fewer than " + std::to_string(minimum) + " " + name(property) + " (now required)";
        else
            what += "have more than " + std::to_string(constraint.number) + " " + name(property) + " (now the maximum)";
        return impact(violating, what);
    }

    bool outside(TermId value, const std::vector<TermId>& admitted) const
    {
        return m_lattice.outside(admitted, value, m_view.types(value));
    }

    std::optional<Impact> valuesOutside(const Change& c, bool domain) const
    {
        const auto admitted = m_lattice.admitted(m_new, c.iri, domain);
        std::size_t count = 0;
        for (const Quad& q : m_view.uses(c.iri))
            count += outside(domain ? q.s : q.o, admitted);
        return impact(count,
            domain ? "subjects of " + name(c.iri) + " outside the new domain"
                   : "values of " + name(c.iri) + " outside the new range");
    }

    const OntologyIndex& m_new;
    const OntologyIndex& m_old;
    const KnownTerms& m_terms;
    const rdf::Dictionary& m_dictionary;
    TypeLattice m_lattice;
    DataView m_view;
};
} // namespace

void measureImpact(std::vector<Change>& changes, const rdf::Dataset& data, const OntologyIndex& oldIndex,
    const OntologyIndex& newIndex)
{
    const ImpactMeter meter(data, oldIndex, newIndex, changes);
    for (Change& change : changes)
        change.impact = meter.measure(change);
}

} // namespace evograph::analysis::detail
