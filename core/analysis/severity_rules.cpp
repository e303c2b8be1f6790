// The documented severity rules (docs/analysis.md).
#include "evograph/analysis/severity.h"

#include "restriction.h"
#include "type_lattice.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace evograph::analysis {

namespace {
using rdf::TermId;

class Rater {
public:
    Rater(const OntologyIndex& oldIndex, const OntologyIndex& newIndex,
        const std::unordered_map<TermId, TermId>& blankMatches)
        : m_old(oldIndex)
        , m_new(newIndex)
        , m_terms(newIndex.terms())
        , m_dictionary(newIndex.data().dictionary())
        , m_lattice(oldIndex, newIndex)
        , m_blankMatches(blankMatches)
    {
    }

    void rate(Change& c)
    {
        switch (c.kind) {
        case ChangeKind::OntologyVersionChanged:
            return set(c, Severity::Cosmetic, "version metadata only");
        case ChangeKind::MetadataChanged:
            return rateMetadata(c);
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
            return set(c, Severity::Safe, deprecationReason(c));
        case ChangeKind::RedeclarationAdded:
            return set(c, Severity::Cosmetic,
                "now re-declares " + name(c.iri) + ", a term of a vocabulary this ontology does not own");
        case ChangeKind::RedeclarationDropped:
            return set(c, Severity::Cosmetic,
                "re-declaration dropped: " + name(c.iri)
                    + " belongs to a vocabulary this ontology does not own, which still defines it");
        case ChangeKind::TypeChanged:
            return rateTypeChange(c);
        case ChangeKind::DomainChanged:
            return rateCoverage(c, "domain");
        case ChangeKind::RangeChanged:
            return rateCoverage(c, "range");
        case ChangeKind::SuperclassAdded:
            return set(c, Severity::Safe, "instances gain the type " + name(linked(c)));
        case ChangeKind::SuperclassRemoved:
            return rateSuperclassRemoved(c);
        case ChangeKind::SuperpropertyAdded:
            return set(c, Severity::Safe, "statements with " + name(c.iri) + " now also imply " + name(linked(c)));
        case ChangeKind::SuperpropertyRemoved:
            return rateSuperpropertyRemoved(c);
        case ChangeKind::RestrictionAdded:
            return rateRestrictionAdded(c);
        case ChangeKind::RestrictionRemoved:
            return rateRestrictionRemoved(c);
        case ChangeKind::RestrictionChanged:
            return rateRestrictionChanged(c);
        case ChangeKind::EquivalenceChanged:
            return rateAxiom(c, "equivalence", Severity::Safe, "more is inferred; nothing existing becomes invalid",
                "what it let reasoners and queries infer is no longer inferred");
        case ChangeKind::DisjointnessChanged:
            return rateAxiom(c, "disjointness", Severity::Breaking, "data typed with both sides is now inconsistent",
                "existing data stays valid");
        case ChangeKind::InverseChanged:
            return rateAxiom(c, "inverse", Severity::Safe, "inverse statements are now inferred",
                "inverse statements are no longer inferred");
        case ChangeKind::PropertyChainChanged:
            return rateAxiom(c, "property chain", Severity::Safe, "more statements are inferred",
                "statements it inferred are no longer inferred");
        case ChangeKind::RuleChanged:
            return rateRule(c);
        case ChangeKind::LabelChanged:
            return set(c, Severity::Cosmetic, "label edited; the IRI and meaning are unchanged");
        case ChangeKind::CommentChanged:
            return set(c, Severity::Cosmetic, "documentation edited");
        case ChangeKind::AnnotationChanged:
            return set(c, Severity::Cosmetic,
                (c.property ? "annotation " + name(c.property) : std::string("annotation of an axiom"))
                    + " edited; no axiom changes");
        case ChangeKind::LiteralChanged:
            return set(c, Severity::Safe, "value of " + name(c.property) + " changed; the schema is unaffected");
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

    std::string deprecationReason(const Change& c) const
    {
        std::string reason = "deprecated but still defined; warning: move data and queries off it";
        if (c.replacedBy)
            reason += " (replaced by " + name(c.replacedBy) + ")";
        return reason;
    }

    // Header statements are documentation, except imports: dropping one takes its axioms away.
    void rateMetadata(Change& c)
    {
        const std::string what = "ontology metadata " + name(c.property);
        if (c.property != m_terms.owlImports)
            return set(c, Severity::Cosmetic, what + " edited");
        if (!c.removed.empty())
            return set(c, Severity::Breaking,
                "no longer imports " + name(c.removed.front().o) + "; its terms and axioms no longer come with it");
        set(c, Severity::Safe, "now imports " + name(c.added.front().o) + "; its terms and axioms apply too");
    }

    // Axioms that only add inferences (or only constrain) when added, the opposite when removed.
    void rateAxiom(
        Change& c, const std::string& what, Severity whenAdded, const std::string& added, const std::string& removed)
    {
        const Severity whenRemoved = whenAdded == Severity::Safe ? Severity::Breaking : Severity::Safe;
        const std::string target = name(linked(c));
        if (c.removed.empty())
            return set(c, whenAdded, what + " added (" + target + "): " + added);
        if (c.added.empty())
            return set(c, whenRemoved, what + " removed (" + target + "): " + removed);
        set(c, Severity::Breaking, what + " changed (" + target + "): what follows from it differs");
    }

    // SWRL rules: a new rule only adds inferences; a removed or edited one changes what is inferred,
    // unless only its annotations changed.
    void rateRule(Change& c)
    {
        auto annotationOnly = [&](const std::vector<rdf::Quad>& quads) {
            return std::all_of(quads.begin(), quads.end(), [&](const rdf::Quad& q) {
                return m_terms.isBuiltinAnnotation(q.p) || (!m_terms.isLanguageTerm(q.p) && !isSwrl(q.p));
            });
        };
        if (c.iri) // a variable's declaration: rules are judged by their atoms
            return set(c, Severity::Cosmetic, "rule variable " + name(c.iri) + " declared or dropped");
        if (annotationOnly(c.removed) && annotationOnly(c.added))
            return set(c, Severity::Cosmetic, "rule annotation edited; what the rule infers is unchanged");
        if (variablesRenamed(c))
            return set(c, Severity::Cosmetic, "rule variables renamed; the rule is the same");
        if (c.removed.empty())
            return set(c, Severity::Safe, "rule added: more is inferred; nothing existing becomes invalid");
        if (c.added.empty())
            return set(c, Severity::Breaking, "rule removed: what it inferred is no longer inferred");
        set(c, Severity::Breaking, "rule changed: what it infers differs");
    }

    bool isVariable(const OntologyIndex& index, TermId term) const
    {
        const auto types = index.objects(term, m_terms.rdfType);
        return m_terms.swrlVariable && std::find(types.begin(), types.end(), m_terms.swrlVariable) != types.end();
    }

    // The same atoms with other variables, renamed one for one.
    bool variablesRenamed(const Change& c) const
    {
        if (c.removed.size() != c.added.size())
            return false;
        std::vector<rdf::Quad> before = c.removed, after = c.added;
        for (rdf::Quad& q : before) // OLD's atoms under the ids of the NEW atoms they became
            if (const auto it = m_blankMatches.find(q.s); it != m_blankMatches.end())
                q.s = it->second;
        auto bySubjectPredicate
            = [](const rdf::Quad& a, const rdf::Quad& b) { return std::tie(a.s, a.p) < std::tie(b.s, b.p); };
        std::sort(before.begin(), before.end(), bySubjectPredicate);
        std::sort(after.begin(), after.end(), bySubjectPredicate);
        std::unordered_map<TermId, TermId> forward, backward;
        for (std::size_t i = 0; i < before.size(); ++i) {
            const rdf::Quad &a = before[i], &b = after[i];
            if (a.s != b.s || a.p != b.p || !isVariable(m_old, a.o) || !isVariable(m_new, b.o))
                return false;
            if (forward.try_emplace(a.o, b.o).first->second != b.o
                || backward.try_emplace(b.o, a.o).first->second != a.o)
                return false;
        }
        return !before.empty();
    }

    bool isSwrl(TermId p) const { return m_dictionary.term(p).value.starts_with("http://www.w3.org/2003/11/swrl#"); }

    // rdf:type of a class or property: a property of another kind, characteristics that constrain
    // or infer, or only another way of declaring the same thing.
    void rateTypeChange(Change& c)
    {
        const KnownTerms& t = m_terms;
        auto has = [](const std::vector<rdf::Quad>& quads, TermId type) {
            return type && std::any_of(quads.begin(), quads.end(), [&](const rdf::Quad& q) { return q.o == type; });
        };
        const TermId kinds[] = {t.owlObjectProperty, t.owlDatatypeProperty, t.owlAnnotationProperty};
        for (const TermId from : kinds)
            for (const TermId to : kinds)
                if (from != to && has(c.removed, from) && has(c.added, to))
                    return set(c, Severity::Breaking,
                        "now " + name(to) + " (was " + name(from) + "): values of the other kind no longer fit");
        const TermId constraining[] = {
            t.owlFunctionalProperty, t.owlInverseFunctionalProperty, t.owlAsymmetricProperty, t.owlIrreflexiveProperty};
        const TermId inferring[] = {t.owlTransitiveProperty, t.owlSymmetricProperty, t.owlReflexiveProperty};
        for (const TermId type : constraining)
            if (has(c.added, type))
                return set(c, Severity::Breaking, "now " + name(type) + ": existing values may violate it");
        for (const TermId type : inferring)
            if (has(c.removed, type))
                return set(
                    c, Severity::Breaking, "no longer " + name(type) + ": statements it let reasoners infer are gone");
        auto classDeclaration = [&](TermId type) { return type && (type == t.owlClass || type == t.rdfsClass); };
        if (c.removed.size() == 1 && c.added.size() == 1 && classDeclaration(c.removed.front().o)
            && classDeclaration(c.added.front().o))
            return set(c, Severity::Cosmetic,
                "declared as " + name(c.added.front().o) + " instead of " + name(c.removed.front().o)
                    + "; the same meaning for data");
        std::string what;
        for (const rdf::Quad& q : c.added)
            what += (what.empty() ? "" : ", ") + ("+" + name(q.o));
        for (const rdf::Quad& q : c.removed)
            what += (what.empty() ? "" : ", ") + ("-" + name(q.o));
        if (!c.removed.empty() && !std::all_of(c.removed.begin(), c.removed.end(), [&](const rdf::Quad& q) {
                return std::find(std::begin(constraining), std::end(constraining), q.o) != std::end(constraining);
            }))
            return set(
                c, Severity::Breaking, "declared types changed (" + what + "): queries for the old type miss it");
        set(c, Severity::Safe, "declared types changed (" + what + "): constraints lifted or types added");
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

    // The other end of a one-link change: the superclass, superproperty, equivalent or disjoint term.
    TermId linked(const Change& c) const
    {
        return !c.added.empty() ? c.added.front().o : !c.removed.empty() ? c.removed.front().o : rdf::kNoTerm;
    }

    void rateSuperclassRemoved(Change& c)
    {
        const TermId parent = linked(c);
        if (m_new.isSubclassOf(c.iri, parent))
            return set(c, Severity::Safe, "still below " + name(parent) + " through another superclass");
        set(c, Severity::Breaking, "instances are no longer " + name(parent) + "; queries for it miss them");
    }

    void rateSuperpropertyRemoved(Change& c)
    {
        const TermId parent = linked(c);
        std::vector<TermId> stack {c.iri};
        std::unordered_set<TermId> seen {c.iri};
        while (!stack.empty()) {
            const TermId p = stack.back();
            stack.pop_back();
            for (const TermId up : m_new.objects(p, m_terms.rdfsSubPropertyOf)) {
                if (up == parent)
                    return set(c, Severity::Safe, "still below " + name(parent) + " through another superproperty");
                if (seen.insert(up).second)
                    stack.push_back(up);
            }
        }
        set(c, Severity::Breaking,
            "statements with " + name(c.iri) + " no longer imply " + name(parent) + "; queries for it miss them");
    }

    void rateRestrictionAdded(Change& c)
    {
        const detail::Constraint added = detail::constraintOfChange(m_new, c.added);
        const std::string what = added.describe(m_dictionary);
        const std::string note = detail::onPropertyNote(added, c.iri, m_dictionary);
        if (added.demands(m_terms))
            return set(c, Severity::Breaking, name(c.property) + " is now required (" + what + ")" + note);
        if (added.limits(m_terms))
            return set(
                c, Severity::Breaking, "values of " + name(c.property) + " are now limited (" + what + ")" + note);
        set(c, Severity::Safe, "adds a class expression that neither requires nor limits values" + note);
    }

    void rateRestrictionRemoved(Change& c)
    {
        const detail::Constraint removed = detail::constraintOfChange(m_old, c.removed);
        set(c, Severity::Safe,
            "constraint on " + name(c.property) + " lifted; existing data stays valid"
                + detail::onPropertyNote(removed, c.iri, m_dictionary));
    }

    void rateRestrictionChanged(Change& c)
    {
        const auto before = detail::constraintOfChange(m_old, c.removed);
        const auto after = detail::constraintOfChange(m_new, c.added);
        const std::string change
            = before.describe(m_dictionary) + " -> " + after.describe(m_dictionary) + " on " + name(c.property);
        const std::string note = detail::onPropertyNote(after, c.iri, m_dictionary);
        if (before.predicate != after.predicate || !before.predicate || before.property != after.property)
            return set(c, Severity::Breaking, "constraint changed: " + change + note);
        if (before.filler || after.filler) {
            if (m_lattice.below(before.filler, after.filler))
                return set(c, Severity::Safe, "constraint widened: " + change + note);
            return set(c, Severity::Breaking, "constraint narrowed or changed: " + change + note);
        }
        const bool tighter = after.limits(m_terms) && !after.demands(m_terms) ? after.number < before.number
                                                                              : after.number > before.number;
        if (tighter)
            return set(c, Severity::Breaking, "constraint tightened: " + change + note);
        set(c, Severity::Safe, "constraint loosened: " + change + note);
    }

    const OntologyIndex& m_old;
    const OntologyIndex& m_new;
    const KnownTerms& m_terms;
    const rdf::Dictionary& m_dictionary;
    detail::TypeLattice m_lattice;
    const std::unordered_map<TermId, TermId>& m_blankMatches;
};
} // namespace

void rateChanges(std::vector<Change>& changes, const OntologyIndex& oldIndex, const OntologyIndex& newIndex,
    const std::unordered_map<rdf::TermId, rdf::TermId>& blankMatches)
{
    Rater rater(oldIndex, newIndex, blankMatches);
    for (Change& change : changes)
        rater.rate(change);
}

} // namespace evograph::analysis
