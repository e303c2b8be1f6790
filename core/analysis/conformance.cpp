#include "evograph/analysis/conformance.h"

#include "evograph/analysis/change.h"

#include "restriction.h"
#include "type_lattice.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace evograph::analysis {

namespace {
using rdf::Quad;
using rdf::TermId;

enum Rule { kDomain, kRange, kRequired, kMaximum, kDisjoint, kRuleCount };
constexpr const char* kRuleNames[kRuleCount] = {"domain", "range", "required", "maximum", "disjoint"};

// A cardinality demand on the instances of a class (kNoTerm: every typed subject).
struct Demand {
    TermId cls = rdf::kNoTerm;
    detail::Constraint constraint;
};

class Checker {
public:
    Checker(const OntologyIndex& schema, const OntologyIndex& data, std::size_t examples)
        : m_schema(schema)
        , m_data(data)
        , m_terms(schema.terms())
        , m_dictionary(schema.data().dictionary())
        , m_lattice(schema, schema)
        , m_examples(examples)
    {
        for (const Quad& q : data.data().quads())
            if (q.p == m_terms.rdfType)
                m_types[q.s].push_back(q.o);
        collectDemands();
        collectDisjoint();
    }

    ConformanceReport run()
    {
        std::unordered_set<TermId> individuals;
        std::unordered_map<TermId, std::vector<TermId>> domains, ranges;
        for (const Quad& q : m_data.data().quads()) {
            const TermId individual = instanceSubject(m_data, q);
            if (!individual)
                continue;
            individuals.insert(q.s);
            if (q.p == m_terms.rdfType)
                continue;
            auto admitted = [&](auto& cache, bool domain) -> const std::vector<TermId>& {
                auto [it, added] = cache.try_emplace(q.p);
                if (added)
                    it->second = m_lattice.admitted(m_schema, q.p, domain);
                return it->second;
            };
            if (const auto& d = admitted(domains, true); m_lattice.outside(d, q.s, types(q.s)))
                add(kDomain, name(q.s) + " " + name(q.p) + ": " + typesOf(q.s) + ", outside the domain " + list(d));
            if (const auto& r = admitted(ranges, false); m_lattice.outside(r, q.o, types(q.o)))
                add(kRange, name(q.s) + " " + name(q.p) + " " + name(q.o) + ": outside the range " + list(r));
        }
        std::vector<TermId> sorted(individuals.begin(), individuals.end());
        std::sort(sorted.begin(), sorted.end());
        for (const TermId individual : sorted) {
            if (m_dictionary.isBlank(individual) && types(individual).empty())
                continue; // a value node (an address), not an instance of anything
            const std::unordered_set<TermId> classes = closure(individual);
            checkCardinalities(individual, classes);
            checkDisjoint(individual, classes);
        }
        ConformanceReport report;
        for (int rule = 0; rule < kRuleCount; ++rule)
            if (m_found[rule].count)
                report.rules.push_back(std::move(m_found[rule]));
        return report;
    }

private:
    const std::vector<TermId>& types(TermId subject) const
    {
        static const std::vector<TermId> none;
        const auto it = m_types.find(subject);
        return it != m_types.end() ? it->second : none;
    }

    std::string name(TermId term) const { return shortName(m_dictionary, term); }

    std::string list(const std::vector<TermId>& terms) const
    {
        std::string out;
        for (const TermId t : terms)
            out += (out.empty() ? "" : " or ") + name(t);
        return out;
    }

    std::string typesOf(TermId subject) const { return "a " + list(types(subject)); }

    void add(Rule rule, std::string example)
    {
        RuleViolations& v = m_found[rule];
        v.rule = kRuleNames[rule];
        if (v.count++ < m_examples)
            v.examples.push_back(std::move(example));
    }

    // Restrictions on named classes, and cardinalities asserted on properties (on their domains).
    void collectDemands()
    {
        const KnownTerms& t = m_terms;
        for (const Quad& q : m_schema.data().quads()) {
            if ((q.p == t.rdfsSubClassOf || q.p == t.owlEquivalentClass) && !m_dictionary.isBlank(q.s)
                && m_dictionary.isBlank(q.o)) {
                const detail::Constraint c = detail::constraintOf(m_schema, q.o);
                if (c.property && (c.demands(t) || c.limits(t)) && c.predicate != t.owlAllValuesFrom)
                    m_demands.push_back({q.s, c});
            } else if (t.isCardinality(q.p) && !m_dictionary.isBlank(q.s) && m_dictionary.term(q.o).isLiteral()) {
                const detail::Constraint c = detail::constraintOfChange(m_schema, {q});
                std::vector<TermId> domains;
                for (const TermId d : m_schema.objects(q.s, t.rdfsDomain))
                    if (!m_dictionary.isBlank(d))
                        domains.push_back(d);
                if (domains.empty())
                    domains.push_back(rdf::kNoTerm);
                for (const TermId d : domains)
                    m_demands.push_back({d, c});
            }
        }
    }

    void collectDisjoint()
    {
        const KnownTerms& t = m_terms;
        for (const Quad& q : m_schema.data().quads()) {
            if (q.p == t.owlDisjointWith && !m_dictionary.isBlank(q.s) && !m_dictionary.isBlank(q.o)) {
                m_disjoint.emplace_back(q.s, q.o);
            } else if (q.p == t.owlMembers) {
                const auto types = m_schema.objects(q.s, t.rdfType);
                if (std::find(types.begin(), types.end(), t.owlAllDisjointClasses) == types.end())
                    continue;
                const std::vector<TermId> members = listItems(q.o);
                for (std::size_t i = 0; i < members.size(); ++i)
                    for (std::size_t j = i + 1; j < members.size(); ++j)
                        m_disjoint.emplace_back(members[i], members[j]);
            }
        }
    }

    std::vector<TermId> listItems(TermId node) const
    {
        std::vector<TermId> items;
        std::unordered_set<TermId> seen;
        while (node && node != m_terms.rdfNil && seen.insert(node).second) {
            const auto first = m_schema.objects(node, m_terms.rdfFirst);
            items.insert(items.end(), first.begin(), first.end());
            const auto rest = m_schema.objects(node, m_terms.rdfRest);
            node = rest.empty() ? rdf::kNoTerm : rest.front();
        }
        return items;
    }

    // Every class an individual is an instance of: its types and all their superclasses.
    std::unordered_set<TermId> closure(TermId individual)
    {
        std::unordered_set<TermId> classes;
        for (const TermId type : types(individual)) {
            auto [it, added] = m_ancestors.try_emplace(type);
            if (added) {
                std::vector<TermId> stack {type};
                std::unordered_set<TermId> seen {type};
                while (!stack.empty()) {
                    const TermId current = stack.back();
                    stack.pop_back();
                    it->second.push_back(current);
                    for (const TermId parent : m_schema.superclasses(current))
                        if (seen.insert(parent).second)
                            stack.push_back(parent);
                }
            }
            classes.insert(it->second.begin(), it->second.end());
        }
        return classes;
    }

    void checkCardinalities(TermId individual, const std::unordered_set<TermId>& classes)
    {
        std::map<TermId, long long> values;
        for (const Quad& q : m_data.data().withSubject(individual))
            ++values[q.p];
        for (const Demand& d : m_demands) {
            if (d.cls ? !classes.contains(d.cls) : types(individual).empty())
                continue;
            const detail::Constraint& c = d.constraint;
            const auto found = values.find(c.property);
            const long long count = found != values.end() ? found->second : 0;
            const std::string owner = d.cls ? name(d.cls) : std::string("every typed subject");
            if (const long long minimum = c.minimum(m_terms); count < minimum)
                add(kRequired,
                    name(individual) + ": " + std::to_string(count) + " " + name(c.property) + ", " + owner
                        + " requires at least " + std::to_string(minimum));
            const bool counted = c.number >= 0 && c.limits(m_terms);
            if (counted && count > c.number)
                add(kMaximum,
                    name(individual) + ": " + std::to_string(count) + " " + name(c.property) + ", " + owner
                        + " allows at most " + std::to_string(c.number));
        }
    }

    void checkDisjoint(TermId individual, const std::unordered_set<TermId>& classes)
    {
        for (const auto& [a, b] : m_disjoint)
            if (classes.contains(a) && classes.contains(b))
                add(kDisjoint, name(individual) + " is both " + name(a) + " and " + name(b) + ", declared disjoint");
    }

    const OntologyIndex& m_schema;
    const OntologyIndex& m_data;
    const KnownTerms& m_terms;
    const rdf::Dictionary& m_dictionary;
    detail::TypeLattice m_lattice;
    std::size_t m_examples;
    std::unordered_map<TermId, std::vector<TermId>> m_types;
    std::unordered_map<TermId, std::vector<TermId>> m_ancestors;
    std::vector<Demand> m_demands;
    std::vector<std::pair<TermId, TermId>> m_disjoint;
    RuleViolations m_found[kRuleCount];
};
} // namespace

std::size_t ConformanceReport::total() const
{
    std::size_t n = 0;
    for (const RuleViolations& r : rules)
        n += r.count;
    return n;
}

ConformanceReport checkConformance(const OntologyIndex& schema, const OntologyIndex& data, std::size_t examples)
{
    return Checker(schema, data, examples).run();
}

rdf::TermId instanceSubject(const OntologyIndex& index, const rdf::Quad& quad)
{
    const rdf::Dictionary& dictionary = index.data().dictionary();
    const KnownTerms& t = index.terms();
    if (!dictionary.isBlank(quad.s))
        return dictionary.kind(quad.s) == rdf::TermKind::Iri && index.category(quad.s) == EntityCategory::Individual
            ? quad.s
            : rdf::kNoTerm;
    const BlankOwner owner = index.owner(quad.s);
    if (owner.entity)
        return index.category(owner.entity) == EntityCategory::Individual ? owner.entity : rdf::kNoTerm;
    // A blank node of its own: an individual unless it is an OWL, RDF or SWRL construct.
    for (const TermId type : index.objects(owner.top, t.rdfType))
        if (t.isLanguageTerm(type) || type == t.swrlImp)
            return rdf::kNoTerm;
    for (const rdf::Quad& q : index.data().withSubject(owner.top))
        if ((t.isLanguageTerm(q.p) && q.p != t.rdfType && !t.isBuiltinAnnotation(q.p)) || q.p == t.swrlBody)
            return rdf::kNoTerm;
    return owner.top;
}

} // namespace evograph::analysis
