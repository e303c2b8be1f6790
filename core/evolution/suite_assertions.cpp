// The assertions of an evolution test.
#include "suite_assertions.h"

#include "evograph/analysis/conformance.h"
#include "evograph/rdf/well_known_vocabularies.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>
#include <unordered_set>

namespace evograph::evolution::detail {

namespace {
using analysis::Change;
using analysis::ChangeKind;
using analysis::EntityCategory;
using analysis::OntologyIndex;
using rdf::Quad;
using rdf::TermId;

// A count of problems and the first few of them.
struct Findings {
    std::size_t count = 0;
    std::vector<std::string> examples;
    void add(std::string problem)
    {
        if (count++ < 3)
            examples.push_back(std::move(problem));
    }
};

// "3 problems: a; b; c; and 2 more" / "no problems".
AssertionOutcome verdict(std::string assertion, const Findings& found, const std::string& what)
{
    if (found.count == 0)
        return {std::move(assertion), true, "no " + what};
    std::string detail = std::to_string(found.count) + " " + what + ": ";
    for (std::size_t i = 0; i < found.examples.size(); ++i)
        detail += (i ? "; " : "") + found.examples[i];
    if (found.count > found.examples.size())
        detail += "; and " + std::to_string(found.count - found.examples.size()) + " more";
    return {std::move(assertion), false, detail};
}

class Judge {
public:
    explicit Judge(const TestSubjects& s)
        : m_s(s)
        , m_dictionary(s.to.data().dictionary())
        , m_terms(s.to.terms())
    {
    }

    AssertionOutcome check(const std::string& assertion) const
    {
        if (assertion == "no_data_loss")
            return verdict(assertion, lostData(), "statements about individuals lost");
        if (assertion == "referential_integrity")
            return verdict(assertion, integrity(), "dangling or undeclared references");
        if (assertion == "schema_valid")
            return verdict(assertion, schemaProblems(), "schema problems");
        if (assertion == "backward_compatible")
            return verdict(assertion,
                changes([](const Change& x) { return x.severity == analysis::Severity::Breaking; }),
                "breaking changes");
        if (assertion == "no_removed_classes")
            return verdict(assertion, changes([](const Change& x) { return x.kind == ChangeKind::ClassRemoved; }),
                "removed classes");
        return verdict(assertion, changes([](const Change& x) { return x.kind == ChangeKind::PropertyRemoved; }),
            "removed properties");
    }

private:
    std::string name(TermId t) const { return analysis::shortName(m_dictionary, t); }
    std::string statement(const Quad& q) const { return name(q.s) + " " + name(q.p) + " " + name(q.o); }

    Findings changes(const std::function<bool(const Change&)>& select) const
    {
        Findings out;
        for (const Change& change : m_s.analysis.changes)
            if (select(change))
                out.add(std::string(analysis::toString(change.kind)) + " " + name(change.subject()) + " ("
                    + change.reason + ")");
        return out;
    }

    static bool contains(std::span<const Quad> sorted, const Quad& q)
    {
        return std::binary_search(sorted.begin(), sorted.end(), q);
    }

    Findings lostData() const { return m_s.versionsOnly ? lostBetweenVersions() : lostInMigration(); }

    // Statements about individuals of the input that the result lacks, unless a step that declares
    // a rewrite (rename, move, retype) removed them.
    Findings lostInMigration() const
    {
        Findings lost;
        const auto after = m_s.result.data().quads();
        for (const Quad& q : m_s.input.data().quads())
            if (analysis::instanceSubject(m_s.input, q) && !contains(after, q) && !contains(m_s.declaredRewrites, q))
                lost.add(statement(q));
        return lost;
    }

    // Between two versions: kept, moved by a rename, or given a new value for the same subject and property.
    Findings lostBetweenVersions() const
    {
        auto subjectOf = [&](const OntologyIndex& index, const Quad& q) {
            return m_dictionary.isBlank(q.s) ? index.owner(q.s).entity : q.s;
        };
        Findings lost;
        for (const Change& change : m_s.analysis.changes) {
            if (change.oldIri || change.kind == ChangeKind::LiteralChanged)
                continue;
            std::set<std::pair<TermId, TermId>> replaced;
            for (const Quad& q : change.added)
                replaced.emplace(subjectOf(m_s.to, q), q.p);
            for (const Quad& q : change.removed) {
                const TermId subject = subjectOf(m_s.from, q);
                if (m_s.from.category(subject) == EntityCategory::Individual && !replaced.contains({subject, q.p}))
                    lost.add(statement(q));
            }
        }
        return lost;
    }

    // Terms the data may use without to_graph declaring them: the RDF, RDFS and OWL vocabulary and
    // well-known vocabularies (each declares its own terms).
    bool declaredElsewhere(TermId term) const
    {
        if (m_terms.isLanguageTerm(term) || m_dictionary.kind(term) != rdf::TermKind::Iri)
            return true;
        return rdf::wellKnownVocabularyOf(m_dictionary.term(term).value) && !m_s.to.ownsVocabularyOf(term);
    }

    Findings integrity() const
    {
        Findings found;
        const OntologyIndex& before = m_s.versionsOnly ? m_s.from : m_s.input;
        const OntologyIndex& after = m_s.versionsOnly ? m_s.to : m_s.result;
        // Individuals that disappeared while statements still point at them.
        std::unordered_set<TermId> gone;
        for (const Quad& q : before.data().quads())
            if (const TermId individual = analysis::instanceSubject(before, q);
                individual == q.s && !m_dictionary.isBlank(q.s) && !after.isSubject(q.s) && !m_s.to.isSubject(q.s))
                gone.insert(q.s);
        for (const Quad& q : after.data().quads())
            if (gone.contains(q.o))
                found.add(statement(q) + ": " + name(q.o) + " no longer exists");
        // Terms from_graph defined and to_graph dropped that the result or to_graph still uses.
        for (const TermId entity : m_s.from.entities()) {
            const EntityCategory category = m_s.from.category(entity);
            if ((category == EntityCategory::Class || category == EntityCategory::Property) && !m_s.to.isSubject(entity)
                && (m_s.to.mentions(entity) || after.mentions(entity)))
                found.add(name(entity) + " is still referenced but no longer defined");
        }
        // Classes and properties the data uses that to_graph does not declare, each once.
        std::set<TermId> undeclared;
        for (const Quad& q : after.data().quads()) {
            if (!analysis::instanceSubject(after, q))
                continue;
            const TermId term = q.p == m_terms.rdfType ? q.o : q.p;
            if (!declaredElsewhere(term) && !m_s.to.isSubject(term) && undeclared.insert(term).second)
                found.add(std::string(q.p == m_terms.rdfType ? "class " : "property ") + name(term)
                    + " is used by the data but to_graph does not declare it");
        }
        return found;
    }

    Findings schemaProblems() const
    {
        Findings problems = wellFormed();
        const analysis::ConformanceReport report = analysis::checkConformance(m_s.to, m_s.result);
        for (const analysis::RuleViolations& rule : report.rules) {
            for (const std::string& example : rule.examples)
                problems.add(rule.rule + ": " + example);
            problems.count += rule.count - rule.examples.size();
        }
        return problems;
    }

    // to_graph itself: no subClassOf cycles, well-formed lists and restrictions.
    Findings wellFormed() const
    {
        const OntologyIndex& index = m_s.to;
        const analysis::KnownTerms& t = m_terms;
        Findings problems;
        std::unordered_set<TermId> listNodes, restrictions;
        for (const Quad& q : index.data().quads()) {
            if (q.p == t.rdfsSubClassOf && q.s == q.o)
                problems.add(name(q.s) + " is its own superclass");
            if ((q.p == t.rdfFirst || q.p == t.rdfRest) && m_dictionary.isBlank(q.s))
                listNodes.insert(q.s);
            if (q.p == t.rdfType && q.o == t.owlRestriction)
                restrictions.insert(q.s);
        }
        for (const TermId cls : index.entities())
            for (const TermId parent : index.superclasses(cls))
                if (parent != cls && index.isSubclassOf(parent, cls)) {
                    problems.add("subClassOf cycle through " + name(cls) + " and " + name(parent));
                    break;
                }
        std::unordered_set<TermId> ending; // list nodes known to reach rdf:nil
        for (const TermId node : listNodes) {
            if (index.objects(node, t.rdfFirst).size() != 1 || index.objects(node, t.rdfRest).size() != 1) {
                problems.add("list node " + name(node) + " needs exactly one rdf:first and one rdf:rest");
                continue;
            }
            std::vector<TermId> path;
            std::unordered_set<TermId> onPath;
            TermId current = node;
            while (current != t.rdfNil && !ending.contains(current)) {
                if (!onPath.insert(current).second) {
                    problems.add("rdf:List loop through " + name(node));
                    break;
                }
                path.push_back(current);
                const auto rest = index.objects(current, t.rdfRest);
                if (rest.size() != 1 || (!m_dictionary.isBlank(rest.front()) && rest.front() != t.rdfNil)) {
                    problems.add("list " + name(node) + " does not end in rdf:nil");
                    break;
                }
                current = rest.front();
            }
            if (current == t.rdfNil || ending.contains(current))
                ending.insert(path.begin(), path.end());
        }
        for (const TermId r : restrictions) {
            if (index.objects(r, t.owlOnProperty).size() != 1)
                problems.add("restriction " + name(r) + " needs exactly one owl:onProperty");
            for (const Quad& q : index.data().withSubject(r)) {
                if (!t.isCardinality(q.p))
                    continue;
                const std::string_view value = m_dictionary.term(q.o).value;
                unsigned long long n = 0;
                const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
                if (error != std::errc() || end != value.data() + value.size())
                    problems.add("restriction " + name(r) + ": cardinality '" + std::string(value)
                        + "' is not a non-negative integer");
            }
        }
        return problems;
    }

    const TestSubjects& m_s;
    const rdf::Dictionary& m_dictionary;
    const analysis::KnownTerms& m_terms;
};
} // namespace

AssertionOutcome checkAssertion(const std::string& assertion, const TestSubjects& subjects)
{
    return Judge(subjects).check(assertion);
}

} // namespace evograph::evolution::detail
