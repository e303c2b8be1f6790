// Running one evolution test: read both versions, analyse, check each assertion.
#include "evograph/analysis/analyze.h"
#include "evograph/analysis/evolution_suite.h"
#include "evograph/rdf/path_reader.h"

#include <charconv>
#include <chrono>
#include <functional>
#include <set>
#include <unordered_set>

namespace evograph::analysis {

namespace {
using rdf::Quad;
using rdf::TermId;

struct Context {
    const rdf::Dataset& oldData;
    const rdf::Dataset& newData;
    const OntologyIndex& oldIndex;
    const OntologyIndex& newIndex;
    const Analysis& analysis;
};

std::string name(const rdf::Dictionary& d, TermId t)
{
    return shortName(d, t);
}

// "3 problems: a; b; c; and 2 more".
AssertionOutcome verdict(std::string assertion, const std::vector<std::string>& problems, const std::string& what)
{
    if (problems.empty())
        return {std::move(assertion), true, "no " + what};
    std::string reason = std::to_string(problems.size()) + " " + what + ": ";
    for (std::size_t i = 0; i < problems.size() && i < 3; ++i)
        reason += (i ? "; " : "") + problems[i];
    if (problems.size() > 3)
        reason += "; and " + std::to_string(problems.size() - 3) + " more";
    return {std::move(assertion), false, reason};
}

std::vector<std::string> changesOf(const Context& c, const std::function<bool(const Change&)>& select)
{
    std::vector<std::string> out;
    const rdf::Dictionary& d = c.newData.dictionary();
    for (const Change& change : c.analysis.changes)
        if (select(change))
            out.push_back(
                std::string(toString(change.kind)) + " " + name(d, change.subject()) + " (" + change.reason + ")");
    return out;
}

// Statements about individuals that are neither kept, renamed, nor given a new value.
std::vector<std::string> lostData(const Context& c)
{
    const rdf::Dictionary& d = c.oldData.dictionary();
    auto subjectOf
        = [&](const OntologyIndex& index, const Quad& q) { return d.isBlank(q.s) ? index.owner(q.s).entity : q.s; };
    std::vector<std::string> lost;
    for (const Change& change : c.analysis.changes) {
        if (change.oldIri || change.kind == ChangeKind::LiteralChanged)
            continue;
        std::set<std::pair<TermId, TermId>> replaced;
        for (const Quad& q : change.added)
            replaced.emplace(subjectOf(c.newIndex, q), q.p);
        for (const Quad& q : change.removed) {
            const TermId subject = subjectOf(c.oldIndex, q);
            if (c.oldIndex.category(subject) == EntityCategory::Individual && !replaced.contains({subject, q.p}))
                lost.push_back(name(d, subject) + " " + name(d, q.p) + " " + name(d, q.o));
        }
    }
    return lost;
}

std::vector<std::string> danglingReferences(const Context& c)
{
    std::vector<std::string> out;
    for (const TermId entity : c.oldIndex.entities())
        if (!c.newIndex.isSubject(entity) && c.newIndex.mentions(entity))
            out.push_back(name(c.newData.dictionary(), entity) + " is still referenced but no longer defined");
    return out;
}

std::vector<std::string> schemaProblems(const Context& c)
{
    const OntologyIndex& index = c.newIndex;
    const KnownTerms& t = index.terms();
    const rdf::Dictionary& d = c.newData.dictionary();
    std::vector<std::string> problems;
    std::unordered_set<TermId> listNodes, restrictions;
    for (const Quad& q : c.newData.quads()) {
        if (q.p == t.rdfsSubClassOf && q.s == q.o)
            problems.push_back(name(d, q.s) + " is its own superclass");
        if ((q.p == t.rdfFirst || q.p == t.rdfRest) && d.isBlank(q.s))
            listNodes.insert(q.s);
        if (q.p == t.rdfType && q.o == t.owlRestriction)
            restrictions.insert(q.s);
    }
    for (const TermId cls : index.entities())
        for (const TermId parent : index.superclasses(cls))
            if (index.isSubclassOf(parent, cls)) {
                problems.push_back("subClassOf cycle through " + name(d, cls) + " and " + name(d, parent));
                break;
            }
    std::unordered_set<TermId> ending; // list nodes known to reach rdf:nil
    for (const TermId node : listNodes) {
        if (index.objects(node, t.rdfFirst).size() != 1 || index.objects(node, t.rdfRest).size() != 1) {
            problems.push_back("list node " + name(d, node) + " needs exactly one rdf:first and one rdf:rest");
            continue;
        }
        std::vector<TermId> path;
        std::unordered_set<TermId> onPath;
        TermId current = node;
        while (current != t.rdfNil && !ending.contains(current)) {
            if (!onPath.insert(current).second) {
                problems.push_back("rdf:List loop through " + name(d, node));
                break;
            }
            path.push_back(current);
            const auto rest = index.objects(current, t.rdfRest);
            if (rest.size() != 1 || (!d.isBlank(rest.front()) && rest.front() != t.rdfNil)) {
                problems.push_back("list " + name(d, node) + " does not end in rdf:nil");
                break;
            }
            current = rest.front();
        }
        if (current == t.rdfNil || ending.contains(current))
            ending.insert(path.begin(), path.end());
    }
    for (const TermId r : restrictions) {
        if (index.objects(r, t.owlOnProperty).size() != 1)
            problems.push_back("restriction " + name(d, r) + " needs exactly one owl:onProperty");
        for (const Quad& q : index.data().withSubject(r)) {
            if (!t.isCardinality(q.p))
                continue;
            const std::string_view value = d.term(q.o).value;
            unsigned long long n = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (error != std::errc() || end != value.data() + value.size())
                problems.push_back("restriction " + name(d, r) + ": cardinality '" + std::string(value)
                    + "' is not a non-negative integer");
        }
    }
    return problems;
}

AssertionOutcome check(const std::string& assertion, const Context& c)
{
    if (assertion == "no_data_loss")
        return verdict(assertion, lostData(c), "statements about individuals lost");
    if (assertion == "referential_integrity")
        return verdict(assertion, danglingReferences(c), "dangling references");
    if (assertion == "schema_valid")
        return verdict(assertion, schemaProblems(c), "schema problems");
    if (assertion == "backward_compatible")
        return verdict(assertion, changesOf(c, [](const Change& x) { return x.severity == Severity::Breaking; }),
            "breaking changes");
    if (assertion == "no_removed_classes")
        return verdict(assertion, changesOf(c, [](const Change& x) { return x.kind == ChangeKind::ClassRemoved; }),
            "removed classes");
    return verdict(assertion, changesOf(c, [](const Change& x) { return x.kind == ChangeKind::PropertyRemoved; }),
        "removed properties");
}
} // namespace

TestOutcome runEvolutionTest(const SuiteTest& test, const engine::CancellationToken& cancel)
{
    const auto start = std::chrono::steady_clock::now();
    TestOutcome outcome {test.name, {}, {}, 0};
    auto finish = [&] {
        outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return outcome;
    };
    if (!test.migration.empty()) {
        outcome.error = "migration " + test.migration
            + ": running migrations inside a suite is not supported yet; without 'migration' the versions are "
              "compared as they are";
        return finish();
    }
    const auto dictionary = std::make_shared<rdf::Dictionary>();
    rdf::Dataset oldData(dictionary), newData(dictionary);
    try {
        rdf::ReadOptions options;
        options.cancel = cancel;
        rdf::readPath(test.fromGraph, oldData, options);
        rdf::readPath(test.toGraph, newData, options);
    } catch (const Error& e) {
        outcome.error = e.what();
        return finish();
    }
    AnalysisOptions options;
    options.cancel = cancel;
    const KnownTerms terms(*dictionary);
    const OntologyIndex oldIndex(oldData, terms), newIndex(newData, terms);
    const Analysis analysis = analyzeIndexed(oldIndex, newIndex, options);
    const Context context {oldData, newData, oldIndex, newIndex, analysis};
    for (const std::string& assertion : test.assertions)
        outcome.assertions.push_back(check(assertion, context));
    return finish();
}

} // namespace evograph::analysis
