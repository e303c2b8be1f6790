// Proposes a migration plan from the change analysis: renames become rewrite steps, the data of a
// deprecated term with a successor (the change's replaced_by) moves to it, a property
// that became required gets a default value (or a flag when no default can be chosen), a removed
// class's instances are retyped to its nearest surviving superclass (or deleted when it has none),
// and the values of a removed property are deleted.
#include "evograph/migrate/plan_generation.h"

#include "evograph/rdf/vocabulary.h"

#include <set>

namespace evograph::migrate {

namespace {
constexpr std::string_view kRdfsSubClassOf = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
constexpr std::string_view kRdfsRange = "http://www.w3.org/2000/01/rdf-schema#range";
constexpr std::string_view kOnProperty = "http://www.w3.org/2002/07/owl#onProperty";

class Generator {
public:
    explicit Generator(const analysis::AnalyzedVersions& versions)
        : m_versions(versions)
        , m_dictionary(versions.oldData.dictionary())
    {
    }

    Plan run(const GenerationOptions& options)
    {
        Plan plan;
        plan.from = options.from;
        plan.to = options.to;
        plan.graphs = options.graphs;
        std::set<rdf::TermId> renamedAway;
        for (const analysis::Change& c : m_versions.analysis.changes)
            if (c.kind == analysis::ChangeKind::ClassRenamed || c.kind == analysis::ChangeKind::PropertyRenamed) {
                plan.steps.push_back(renameIriStep(nextId("rename"), iri(c.oldIri), iri(c.newIri)));
                renamedAway.insert(c.oldIri);
            }
        for (const analysis::Change& c : m_versions.analysis.changes) {
            if (renamedAway.count(c.iri))
                continue;
            switch (c.kind) {
            case analysis::ChangeKind::ClassRemoved:
                plan.steps.push_back(removedClass(c.iri));
                break;
            case analysis::ChangeKind::PropertyRemoved:
                plan.steps.push_back(deleteValuesStep(nextId("delete-values"), iri(c.iri)));
                break;
            case analysis::ChangeKind::PropertyDeprecated:
                if (c.replacedBy)
                    plan.steps.push_back(moveValuesStep(nextId("move-values"), iri(c.iri), iri(c.replacedBy)));
                break;
            case analysis::ChangeKind::ClassDeprecated:
                if (c.replacedBy)
                    plan.steps.push_back(retypeInstancesStep(nextId("retype"), iri(c.iri), iri(c.replacedBy)));
                break;
            case analysis::ChangeKind::RestrictionAdded:
            case analysis::ChangeKind::RestrictionChanged:
                // A cardinality asserted on a property without a domain names no class to fill in.
                if (const rdf::TermId property = requiredProperty(c); property != rdf::kNoTerm && property != c.iri)
                    plan.steps.push_back(required(c.iri, property));
                break;
            default:
                break;
            }
        }
        return plan;
    }

private:
    std::string iri(rdf::TermId id) const { return std::string(m_dictionary.term(id).value); }
    std::string nextId(const std::string& kind) { return kind + "-" + std::to_string(++m_counter); }

    bool isClassIn(const rdf::Dataset& data, rdf::TermId term) const
    {
        for (const rdf::Quad& q : data.withSubject(term))
            if (m_dictionary.term(q.p).value == rdf::vocab::rdfType
                && (m_dictionary.term(q.o).value == rdf::vocab::owlClass
                    || m_dictionary.term(q.o).value == rdf::vocab::rdfsClass))
                return true;
        return false;
    }

    // The nearest named superclass (in OLD) that NEW still has, breadth first.
    rdf::TermId survivingSuperclass(rdf::TermId cls) const
    {
        std::vector<rdf::TermId> frontier {cls};
        std::set<rdf::TermId> seen {cls};
        while (!frontier.empty()) {
            std::vector<rdf::TermId> next;
            for (const rdf::TermId c : frontier)
                for (const rdf::Quad& q : m_versions.oldData.withSubject(c)) {
                    if (m_dictionary.term(q.p).value != kRdfsSubClassOf || !m_dictionary.term(q.o).isIri()
                        || !seen.insert(q.o).second)
                        continue;
                    if (isClassIn(m_versions.newData, q.o))
                        return q.o;
                    next.push_back(q.o);
                }
            frontier = std::move(next);
        }
        return rdf::kNoTerm;
    }

    PlanStep removedClass(rdf::TermId cls)
    {
        if (const rdf::TermId parent = survivingSuperclass(cls); parent != rdf::kNoTerm)
            return retypeInstancesStep(nextId("retype"), iri(cls), iri(parent));
        return deleteInstancesStep(nextId("delete-instances"), iri(cls));
    }

    // The property a restriction the change adds demands a value of (min/exact cardinality of at
    // least one, someValuesFrom, hasValue); kNoTerm when it demands none.
    rdf::TermId requiredProperty(const analysis::Change& c) const
    {
        rdf::TermId property = rdf::kNoTerm;
        bool demands = false;
        for (const rdf::Quad& q : c.added) {
            const std::string_view p = m_dictionary.term(q.p).value;
            if (p == kOnProperty) {
                property = q.o;
            } else if (p.starts_with(rdf::vocab::owl)) {
                const std::string_view local = p.substr(rdf::vocab::owl.size());
                if (local == "someValuesFrom" || local == "hasValue") {
                    demands = true;
                } else if (local == "minCardinality" || local == "cardinality" || local == "minQualifiedCardinality"
                    || local == "qualifiedCardinality") {
                    demands |= m_dictionary.term(q.o).value != "0";
                    if (!m_dictionary.isBlank(q.s) && !property) // asserted on the property itself
                        property = q.s;
                }
            }
        }
        return demands ? property : rdf::kNoTerm;
    }

    PlanStep required(rdf::TermId cls, rdf::TermId property)
    {
        rdf::TermId range = rdf::kNoTerm;
        for (const rdf::Quad& q : m_versions.newData.withSubject(property))
            if (m_dictionary.term(q.p).value == kRdfsRange)
                range = q.o;
        const std::string rangeIri = range ? iri(range) : std::string();
        static const std::pair<std::string_view, std::string_view> kDefaults[]
            = {{"http://www.w3.org/2001/XMLSchema#string", ""}, {"http://www.w3.org/2001/XMLSchema#boolean", "false"},
                {"http://www.w3.org/2001/XMLSchema#integer", "0"}, {"http://www.w3.org/2001/XMLSchema#decimal", "0.0"},
                {"http://www.w3.org/2001/XMLSchema#nonNegativeInteger", "0"}};
        for (const auto& [datatype, value] : kDefaults)
            if (rangeIri == datatype) {
                PlanStep step = addDefaultValueStep(
                    nextId("default"), iri(cls), iri(property), std::string(value), std::string(datatype));
                step.description += " (a placeholder: review the value before approving)";
                return step;
            }
        // No default to choose: a flag that fails its check while any instance lacks the value.
        PlanStep flag = customStep(nextId("flag"),
            "every " + iri(cls) + " now needs " + iri(property)
                + ", and no default value can be chosen for it; edit this step's update to supply the values",
            "# Supply " + iri(property) + " for each " + iri(cls) + " that lacks it, e.g.\n# INSERT { ?x <"
                + iri(property) + "> ... } WHERE { ?x a <" + iri(cls) + "> FILTER NOT EXISTS { ?x <" + iri(property)
                + "> ?v } }\n",
            FindingCode::MayFail);
        flag.after = {everyInstanceHas(iri(cls), iri(property))};
        return flag;
    }

    const analysis::AnalyzedVersions& m_versions;
    const rdf::Dictionary& m_dictionary;
    int m_counter = 0;
};
} // namespace

Plan generatePlan(const analysis::AnalyzedVersions& versions, const GenerationOptions& options)
{
    return Generator(versions).run(options);
}

} // namespace evograph::migrate
