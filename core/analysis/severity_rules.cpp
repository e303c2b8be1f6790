// The documented severity rules (docs/analysis.md).
#include "evograph/analysis/severity.h"

#include "restriction.h"
#include "type_lattice.h"

#include <algorithm>
#include <unordered_set>

namespace evograph::analysis {

namespace {
using rdf::TermId;

class Rater {
public:
    Rater(const OntologyIndex& oldIndex, const OntologyIndex& newIndex)
        : m_old(oldIndex)
        , m_new(newIndex)
        , m_terms(newIndex.terms())
        , m_dictionary(newIndex.data().dictionary())
        , m_lattice(oldIndex, newIndex)
    {
    }

    void rate(Change& c)
    {
        switch (c.kind) {
        case ChangeKind::OntologyVersionChanged:
            return set(c, Severity::Cosmetic, "version metadata only");
        case ChangeKind::ClassAdded:
        case ChangeKind::PropertyAdded:
            return set(c, Severity::Safe, "new term; nothing that exists changes meaning");
        case ChangeKind::IndividualAdded:
            return set(c, Severity::Safe, "new individual");
        case ChangeKind::ClassRemoved:
            return set(c, Severity::Breaking, "class removed; data typed with it and queries using it break");
        case ChangeKind::PropertyRemoved:
            return set(c, Severity::Breaking, "property removed; statements and queries using it break");
        case ChangeKind::IndividualRemoved:
            return set(c, Severity::Breaking, "individual removed; references to it dangle");
        case ChangeKind::ClassRenamed:
        case ChangeKind::PropertyRenamed:
            return set(c, Severity::Breaking,
                "old IRI " + name(c.oldIri) + " is gone; data and queries must be rewritten to " + name(c.newIri));
        case ChangeKind::ClassDeprecated:
        case ChangeKind::PropertyDeprecated:
            return set(c, Severity::Safe, deprecationReason(c.iri));
        case ChangeKind::DomainChanged:
            return rateCoverage(c, "domain");
        case ChangeKind::RangeChanged:
            return rateCoverage(c, "range");
        case ChangeKind::SuperclassAdded:
            return set(c, Severity::Safe, "instances gain the type " + name(superclassOf(c)));
        case ChangeKind::SuperclassRemoved:
            return rateSuperclassRemoved(c);
        case ChangeKind::RestrictionAdded:
            return rateRestrictionAdded(c);
        case ChangeKind::RestrictionRemoved:
            return set(c, Severity::Safe, "constraint on " + name(c.property) + " lifted; existing data stays valid");
        case ChangeKind::RestrictionChanged:
            return rateRestrictionChanged(c);
        case ChangeKind::LabelChanged:
            return set(c, Severity::Cosmetic, "label edited; the IRI and meaning are unchanged");
        case ChangeKind::CommentChanged:
            return set(c, Severity::Cosmetic, "documentation edited");
        case ChangeKind::LiteralChanged:
            if (m_new.category(c.iri) == EntityCategory::Individual)
                return set(c, Severity::Safe, "value of " + name(c.property) + " changed; the schema is unaffected");
            return set(c, Severity::Cosmetic, "annotation " + name(c.property) + " edited");
        case ChangeKind::IndividualChanged:
            return set(c, Severity::Safe, "statements about an individual changed; the schema is unaffected");
        case ChangeKind::Other:
            return set(c, Severity::Safe,
                c.property ? "change to " + name(c.property) + " statements, not classified"
                           : "axiom changed, not classified");
        }
    }

private:
    static void set(Change& c, Severity severity, std::string reason)
    {
        c.severity = severity;
        c.reason = std::move(reason);
    }

    std::string name(TermId term) const { return shortName(m_dictionary, term); }

    std::string deprecationReason(TermId entity) const
    {
        std::string reason = "deprecated but still defined; warning: move data and queries off it";
        for (const rdf::Quad& q : m_new.data().withSubject(entity))
            if (m_terms.isReplacement(q.p) || q.p == m_terms.iaoTermReplacedBy)
                return reason + " (replaced by " + name(q.o) + ")";
        return reason;
    }

    std::string list(const std::vector<TermId>& values) const
    {
        if (values.empty())
            return "anything";
        std::string out;
        for (const TermId v : values)
            out += (out.empty() ? "" : " or ") + name(v);
        return out;
    }

    void rateCoverage(Change& c, std::string_view what)
    {
        const bool domain = what == "domain";
        const auto before = m_lattice.admitted(m_old, c.iri, domain), after = m_lattice.admitted(m_new, c.iri, domain);
        const std::string change = std::string(what) + " " + list(before) + " -> " + list(after);
        // No statement at all admits anything: dropping one widens, adding one narrows.
        const bool widened = after.empty() || (!before.empty() && m_lattice.covers(after, before));
        const bool narrowed = before.empty() || (!after.empty() && m_lattice.covers(before, after));
        if (widened && narrowed)
            return set(c, Severity::Safe, change + ": equivalent");
        if (widened)
            return set(c, Severity::Safe, change + ": widened, existing data stays valid");
        if (narrowed)
            return set(c, Severity::Breaking, change + ": narrowed, some existing values may fall outside");
        return set(c, Severity::Breaking, change + ": changed to an unrelated " + std::string(what));
    }

    TermId superclassOf(const Change& c) const
    {
        return !c.added.empty() ? c.added.front().o : !c.removed.empty() ? c.removed.front().o : rdf::kNoTerm;
    }

    void rateSuperclassRemoved(Change& c)
    {
        const TermId parent = superclassOf(c);
        if (m_new.isSubclassOf(c.iri, parent))
            return set(c, Severity::Safe, "still below " + name(parent) + " through another superclass");
        set(c, Severity::Breaking, "instances are no longer " + name(parent) + "; queries for it miss them");
    }

    void rateRestrictionAdded(Change& c)
    {
        const detail::Constraint added = detail::constraintOf(m_new, detail::restrictionNode(m_dictionary, c.added));
        const std::string what = added.describe(m_dictionary);
        if (added.demands(m_terms))
            return set(c, Severity::Breaking, name(c.property) + " is now required (" + what + ")");
        if (added.limits(m_terms))
            return set(c, Severity::Breaking, "values of " + name(c.property) + " are now limited (" + what + ")");
        set(c, Severity::Safe, "adds a class expression that neither requires nor limits values");
    }

    void rateRestrictionChanged(Change& c)
    {
        const auto before = detail::constraintOf(m_old, detail::restrictionNode(m_dictionary, c.removed));
        const auto after = detail::constraintOf(m_new, detail::restrictionNode(m_dictionary, c.added));
        const std::string change
            = before.describe(m_dictionary) + " -> " + after.describe(m_dictionary) + " on " + name(c.property);
        if (before.predicate != after.predicate || !before.predicate || before.property != after.property)
            return set(c, Severity::Breaking, "constraint changed: " + change);
        if (before.filler || after.filler) {
            if (m_lattice.below(before.filler, after.filler))
                return set(c, Severity::Safe, "constraint widened: " + change);
            return set(c, Severity::Breaking, "constraint narrowed or changed: " + change);
        }
        const bool tighter = after.limits(m_terms) && !after.demands(m_terms) ? after.number < before.number
                                                                              : after.number > before.number;
        if (tighter)
            return set(c, Severity::Breaking, "constraint tightened: " + change);
        set(c, Severity::Safe, "constraint loosened: " + change);
    }

    const OntologyIndex& m_old;
    const OntologyIndex& m_new;
    const KnownTerms& m_terms;
    const rdf::Dictionary& m_dictionary;
    detail::TypeLattice m_lattice;
};
} // namespace

void rateChanges(std::vector<Change>& changes, const OntologyIndex& oldIndex, const OntologyIndex& newIndex)
{
    Rater rater(oldIndex, newIndex);
    for (Change& change : changes)
        rater.rate(change);
}

} // namespace evograph::analysis
