#include "entity_changes.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace evograph::analysis::detail {

namespace {
using rdf::Quad;
using rdf::TermId;

struct GroupKey {
    TermId entity = rdf::kNoTerm; // kNoTerm: an axiom no named entity owns
    TermId predicate = rdf::kNoTerm;
    TermId top = rdf::kNoTerm; // the blank node under the entity, by OLD's id when it has one
    auto operator<=>(const GroupKey&) const = default;
};

struct Group {
    std::vector<Quad> removed, added;
    TermId oldTop = rdf::kNoTerm, newTop = rdf::kNoTerm;
};

// Changes are merged by entity, kind and a detail (the property, superclass or restriction).
struct ChangeKey {
    TermId entity;
    ChangeKind kind;
    TermId detail;
    auto operator<=>(const ChangeKey&) const = default;
};

ChangeKind renamedKind(EntityCategory category)
{
    return category == EntityCategory::Property ? ChangeKind::PropertyRenamed : ChangeKind::ClassRenamed;
}

// The kind for a class, a property, an individual, or anything else (other).
ChangeKind byCategory(EntityCategory category, ChangeKind forClass, ChangeKind forProperty, ChangeKind forIndividual)
{
    switch (category) {
    case EntityCategory::Class:
        return forClass;
    case EntityCategory::Property:
        return forProperty;
    case EntityCategory::Individual:
        return forIndividual;
    default:
        return ChangeKind::Other;
    }
}

class Classifier {
public:
    Classifier(const OntologyIndex& oldIndex, const OntologyIndex& newIndex, const diff::GraphDiff& diff,
        const std::vector<RenameMatch>& renames)
        : m_old(oldIndex)
        , m_new(newIndex)
        , m_terms(oldIndex.terms())
        , m_dictionary(oldIndex.data().dictionary())
        , m_diff(diff)
    {
        for (const auto& [o, n] : diff.blankMatches)
            m_newToOld.emplace(n, o);
        for (const RenameMatch& rename : renames) {
            if (rename.merge) {
                m_merges.emplace(rename.oldIri, &rename);
                continue;
            }
            m_renamed.insert(rename.newIri);
            renameChange(rename.newIri, rename);
        }
    }

    std::vector<Change> run()
    {
        std::map<GroupKey, Group> groups;
        for (const Quad& q : m_diff.removed) {
            Group& g = groups[keyOf(m_old, q, false)];
            g.removed.push_back(q);
            if (!g.oldTop)
                g.oldTop = topOf(m_old, q);
        }
        for (const Quad& q : m_diff.added) {
            Group& g = groups[keyOf(m_new, q, true)];
            g.added.push_back(q);
            if (!g.newTop)
                g.newTop = topOf(m_new, q);
        }
        for (const auto& [key, group] : groups)
            classify(key, group);
        std::vector<Change> out;
        out.reserve(m_changes.size());
        for (auto& [key, change] : m_changes) {
            if (change.kind == ChangeKind::ClassDeprecated || change.kind == ChangeKind::PropertyDeprecated)
                change.replacedBy = m_new.replacement(change.iri);
            std::sort(change.removed.begin(), change.removed.end());
            std::sort(change.added.begin(), change.added.end());
            out.push_back(std::move(change));
        }
        return out;
    }

private:
    TermId canonical(TermId blank, bool newSide) const
    {
        if (!newSide || blank == rdf::kNoTerm)
            return blank;
        const auto it = m_newToOld.find(blank);
        return it != m_newToOld.end() ? it->second : blank;
    }

    GroupKey keyOf(const OntologyIndex& index, const Quad& q, bool newSide) const
    {
        if (!m_dictionary.isBlank(q.s))
            return {q.s, q.p, m_dictionary.isBlank(q.o) ? canonical(q.o, newSide) : rdf::kNoTerm};
        const BlankOwner owner = index.owner(q.s);
        return {owner.entity, owner.predicate, canonical(owner.top, newSide)};
    }

    TermId topOf(const OntologyIndex& index, const Quad& q) const
    {
        if (!m_dictionary.isBlank(q.s))
            return m_dictionary.isBlank(q.o) ? q.o : rdf::kNoTerm;
        return index.owner(q.s).top;
    }

    // A rename's change, kept under `key` (the new IRI, or the old one for a merge).
    Change& renameChange(TermId key, const RenameMatch& rename)
    {
        Change& change = at(key, renamedKind(rename.category), rdf::kNoTerm);
        change.iri = rdf::kNoTerm;
        change.oldIri = rename.oldIri;
        change.newIri = rename.newIri;
        change.confidence = rename.confidence;
        change.evidence = rename.evidence;
        return change;
    }

    Change& at(TermId entity, ChangeKind kind, TermId detail)
    {
        auto [it, inserted] = m_changes.try_emplace(ChangeKey {entity, kind, detail});
        if (inserted) {
            it->second.kind = kind;
            it->second.iri = entity;
        }
        return it->second;
    }

    static void attach(Change& change, const Group& group)
    {
        change.removed.insert(change.removed.end(), group.removed.begin(), group.removed.end());
        change.added.insert(change.added.end(), group.added.begin(), group.added.end());
    }

    // The stronger of its categories in the two versions: a class that lost its declaration (and
    // so reads as a mere individual in NEW) is still a class whose type changed.
    EntityCategory categoryOf(TermId entity) const { return std::max(m_new.category(entity), m_old.category(entity)); }

    bool isRemovedEntity(TermId term) const
    {
        return !m_dictionary.isBlank(term) && m_dictionary.kind(term) == rdf::TermKind::Iri && m_old.isSubject(term)
            && !m_new.isSubject(term);
    }

    // The change an entity's disappearance makes: removed, or renamed into an existing term.
    Change& removal(TermId entity)
    {
        if (const auto merge = m_merges.find(entity); merge != m_merges.end())
            return renameChange(entity, *merge->second);
        if (isRedeclaration(m_old, m_new, entity))
            return at(entity, ChangeKind::RedeclarationDropped, rdf::kNoTerm);
        return at(entity,
            byCategory(m_old.category(entity), ChangeKind::ClassRemoved, ChangeKind::PropertyRemoved,
                ChangeKind::IndividualRemoved),
            rdf::kNoTerm);
    }

    Change& addition(TermId entity)
    {
        if (isRedeclaration(m_old, m_new, entity))
            return at(entity, ChangeKind::RedeclarationAdded, rdf::kNoTerm);
        return at(entity,
            byCategory(
                m_new.category(entity), ChangeKind::ClassAdded, ChangeKind::PropertyAdded, ChangeKind::IndividualAdded),
            rdf::kNoTerm);
    }

    // A removed entity the group's removed quads mention: the group is a consequence of it.
    TermId removedEntityIn(const Group& group, TermId self) const
    {
        for (const Quad& q : group.removed)
            for (const TermId t : {q.s, q.p, q.o})
                if (t != self && isRemovedEntity(t))
                    return t;
        return rdf::kNoTerm;
    }

    // A removal's consequence only drops references to removed terms, redirects them to one of
    // their superclasses (instances retyped to the parent, a range widened to the parent), or
    // re-links a list around them. Anything else is a change in its own right.
    bool isConsequence(const Group& group) const
    {
        auto redirect = [&](TermId before, TermId after) {
            if (before == after)
                return true;
            if (!isRemovedEntity(before))
                return false;
            const auto& parents = m_old.superclasses(before);
            return std::find(parents.begin(), parents.end(), after) != parents.end();
        };
        auto relinked = [&](const Quad& r, const Quad& a) { // the same link now skips a removed list node
            return r.s == a.s && r.p == a.p && m_dictionary.isBlank(r.o)
                && (m_dictionary.isBlank(a.o) || a.o == m_terms.rdfNil);
        };
        return std::all_of(group.added.begin(), group.added.end(), [&](const Quad& added) {
            const Quad a {canonical(added.s, true), added.p, canonical(added.o, true), added.g};
            return std::any_of(group.removed.begin(), group.removed.end(), [&](const Quad& r) {
                return relinked(r, a) || (redirect(r.s, a.s) && redirect(r.p, a.p) && redirect(r.o, a.o) && r.g == a.g);
            });
        });
    }

    bool allLiteral(const std::vector<Quad>& quads) const
    {
        return std::all_of(quads.begin(), quads.end(),
            [&](const Quad& q) { return m_dictionary.kind(q.o) == rdf::TermKind::Literal; });
    }

    // The owl:onProperty among some changed quads, if any.
    TermId onPropertyIn(const std::vector<Quad>& quads) const
    {
        for (const Quad& q : quads)
            if (q.p == m_terms.owlOnProperty)
                return q.o;
        return rdf::kNoTerm;
    }

    // The property a restriction is on, from its changed quads or either version.
    TermId restrictedProperty(const Group& group) const
    {
        for (const auto* quads : {&group.added, &group.removed})
            if (const TermId property = onPropertyIn(*quads))
                return property;
        for (const auto& [index, top] : {std::pair {&m_new, group.newTop}, std::pair {&m_old, group.oldTop}})
            if (top)
                if (const auto found = index->objects(top, m_terms.owlOnProperty); !found.empty())
                    return found.front();
        return rdf::kNoTerm;
    }

    bool restrictedPropertyChanged(const Group& group) const
    {
        const TermId before = onPropertyIn(group.removed), after = onPropertyIn(group.added);
        return before && after && before != after;
    }

    // OBO marks obsoleted terms by prefixing "obsolete" to the label.
    bool obsoleteLabel(const Group& group) const
    {
        return std::any_of(group.added.begin(), group.added.end(), [&](const Quad& q) {
            const std::string_view value = m_dictionary.term(q.o).value;
            return value.size() >= 8 && (value.substr(0, 8) == "obsolete" || value.substr(0, 8) == "OBSOLETE");
        });
    }

    // Statements that deprecate a term: the flag, a replacement link, an obsolescence reason, and an
    // equivalence to the successor (a term re-homed into another namespace).
    bool isDeprecationPredicate(TermId p) const
    {
        return p == m_terms.owlDeprecated || m_terms.isReplacement(p) || p == m_terms.iaoObsolescenceReason
            || p == m_terms.owlEquivalentClass || p == m_terms.owlEquivalentProperty;
    }

    bool newlyDeprecated(TermId entity) const { return m_new.isDeprecated(entity) && !m_old.isDeprecated(entity); }

    // Items that only moved between positions of a list OWL reads as a set (intersectionOf, unionOf,
    // oneOf, members, disjointUnionOf, and SWRL rule bodies and heads, which are conjunctions) are
    // the same axiom: serialisers order them as they like.
    bool isSetReorder(const Group& group) const
    {
        if (group.removed.empty() || group.removed.size() != group.added.size())
            return false;
        const KnownTerms& t = m_terms;
        auto unordered = [&](const OntologyIndex& index, TermId node) {
            const TermId p = index.listPredicate(node);
            return p
                && (p == t.owlIntersectionOf || p == t.owlUnionOf || p == t.owlOneOf || p == t.owlMembers
                    || p == t.owlDisjointUnionOf || p == t.swrlBody || p == t.swrlHead);
        };
        // The list nodes and the items of one side's rdf:first statements, sorted, in OLD's ids.
        struct Side {
            std::vector<TermId> nodes, items;
            bool operator==(const Side&) const = default;
        };
        auto side
            = [&](const std::vector<Quad>& quads, const OntologyIndex& index, bool newSide) -> std::optional<Side> {
            Side out;
            for (const Quad& q : quads) {
                if (q.p != t.rdfFirst || !unordered(index, q.s))
                    return std::nullopt;
                out.nodes.push_back(canonical(q.s, newSide));
                out.items.push_back(canonical(q.o, newSide));
            }
            std::sort(out.nodes.begin(), out.nodes.end());
            std::sort(out.items.begin(), out.items.end());
            return out;
        };
        const auto before = side(group.removed, m_old, false), after = side(group.added, m_new, true);
        return before && after && *before == *after;
    }

    void classify(const GroupKey& key, const Group& group)
    {
        if (isSetReorder(group))
            return;
        const TermId entity = key.entity;
        if (entity == rdf::kNoTerm) {
            if (const TermId cause = removedEntityIn(group, rdf::kNoTerm); cause && isConsequence(group))
                attach(removal(cause), group);
            else
                attach(at(rdf::kNoTerm, rootAxiomKind(group), key.top), group);
            return;
        }
        if (isRuleVariable(entity))
            return attach(at(entity, ChangeKind::RuleChanged, rdf::kNoTerm), group);
        const bool inOld = m_old.isSubject(entity), inNew = m_new.isSubject(entity);
        if (inOld && !inNew)
            return attach(removal(entity), group);
        if (inNew && !inOld)
            return attach(addition(entity), group);
        if (const TermId cause = removedEntityIn(group, entity); cause && isConsequence(group))
            return attach(removal(cause), group);
        classifyStatementGroup(key, group, categoryOf(entity));
    }

    void classifyStatementGroup(const GroupKey& key, const Group& group, EntityCategory category)
    {
        const TermId entity = key.entity, p = key.predicate;
        const KnownTerms& t = m_terms;
        const bool renamed = m_renamed.contains(entity);
        const bool deprecated = newlyDeprecated(entity);
        auto deprecation = [&]() -> Change& {
            return at(entity,
                category == EntityCategory::Property ? ChangeKind::PropertyDeprecated : ChangeKind::ClassDeprecated,
                rdf::kNoTerm);
        };

        if (category == EntityCategory::Ontology) {
            if (t.isVersionInfo(p))
                return attach(at(entity, ChangeKind::OntologyVersionChanged, rdf::kNoTerm), group);
            return attach(about(entity, ChangeKind::MetadataChanged, p), group);
        }
        if (renamed && (t.isReplacement(p) || p == t.owlEquivalentClass || p == t.owlEquivalentProperty))
            return attach(at(entity, renamedKind(category), rdf::kNoTerm), group); // the hint that made the rename
        if (isDeprecationPredicate(p) && deprecated && category != EntityCategory::Individual && !key.top)
            return attach(deprecation(), group);
        if (t.isLabel(p) || t.isComment(p)) {
            // A renamed term's new wording, and an obsoleted term's "obsolete ..." label, are part of that change.
            if (renamed)
                return attach(at(entity, renamedKind(category), rdf::kNoTerm), group);
            if (deprecated && t.isLabel(p) && category != EntityCategory::Individual && obsoleteLabel(group))
                return attach(deprecation(), group);
            return attach(
                at(entity, t.isLabel(p) ? ChangeKind::LabelChanged : ChangeKind::CommentChanged, rdf::kNoTerm), group);
        }
        if (p == t.owlAnnotatedSource && key.top)
            return attach(axiomAnnotation(entity, group), group);
        if (t.isDomain(p))
            return attach(at(entity, ChangeKind::DomainChanged, rdf::kNoTerm), group);
        if (t.isRange(p))
            return attach(at(entity, ChangeKind::RangeChanged, rdf::kNoTerm), group);
        if (category == EntityCategory::Property && !key.top
            && (t.isCardinality(p) || p == t.owlOnClass || p == t.owlOnDataRange))
            return attach(propertyCardinality(entity, group), group);
        if ((p == t.rdfsSubClassOf || p == t.owlEquivalentClass) && key.top) {
            if (restrictedPropertyChanged(group)) // another property: one restriction went, another came
                return classify(key, Group {group.removed, {}, group.oldTop, rdf::kNoTerm}),
                       classify(key, Group {{}, group.added, rdf::kNoTerm, group.newTop});
            const ChangeKind kind = group.removed.empty() ? ChangeKind::RestrictionAdded
                : group.added.empty()                     ? ChangeKind::RestrictionRemoved
                                                          : ChangeKind::RestrictionChanged;
            Change& change = at(entity, kind, key.top);
            change.property = restrictedProperty(group);
            return attach(change, group);
        }
        if ((p == t.rdfsSubClassOf || p == t.rdfsSubPropertyOf) && !key.top) {
            const bool classes = p == t.rdfsSubClassOf;
            for (const Quad& q : group.removed)
                at(entity, classes ? ChangeKind::SuperclassRemoved : ChangeKind::SuperpropertyRemoved, q.o)
                    .removed.push_back(q);
            for (const Quad& q : group.added)
                at(entity, classes ? ChangeKind::SuperclassAdded : ChangeKind::SuperpropertyAdded, q.o)
                    .added.push_back(q);
            return;
        }
        if (category == EntityCategory::Individual) {
            if (const TermId property = changedValueProperty(key, group)) {
                Change& change = at(entity, ChangeKind::LiteralChanged, property);
                change.property = property;
                return attach(change, group);
            }
            return attach(at(entity, ChangeKind::IndividualChanged, rdf::kNoTerm), group);
        }
        if (const auto kind = axiomKind(p))
            return attach(about(entity, *kind, p), group);
        // Any other predicate on a class or property is an annotation, unless it belongs to the
        // RDF, RDFS or OWL vocabulary: those are axioms evograph does not classify yet.
        if (t.isLanguageTerm(p) && !t.isBuiltinAnnotation(p))
            return attach(other(entity, p), group);
        attach(about(entity, ChangeKind::AnnotationChanged, p), group);
    }

    // The kind of a change to a class or property axiom other than hierarchy, domain, range and restrictions.
    std::optional<ChangeKind> axiomKind(TermId p) const
    {
        const KnownTerms& t = m_terms;
        if (p == t.rdfType)
            return ChangeKind::TypeChanged;
        if (p == t.owlEquivalentClass || p == t.owlEquivalentProperty || p == t.owlSameAs || p == t.owlUnionOf
            || p == t.owlIntersectionOf || p == t.owlOneOf || p == t.owlComplementOf)
            return ChangeKind::EquivalenceChanged;
        if (p == t.owlDisjointWith || p == t.owlPropertyDisjointWith || p == t.owlDisjointUnionOf)
            return ChangeKind::DisjointnessChanged;
        if (p == t.owlInverseOf)
            return ChangeKind::InverseChanged;
        if (p == t.owlPropertyChainAxiom)
            return ChangeKind::PropertyChainChanged;
        return std::nullopt;
    }

    // An axiom no named entity owns: a SWRL rule, an owl:AllDisjointClasses, ... by its root's type.
    ChangeKind rootAxiomKind(const Group& group) const
    {
        const KnownTerms& t = m_terms;
        for (const auto& [index, top] : {std::pair {&m_new, group.newTop}, std::pair {&m_old, group.oldTop}}) {
            for (const TermId type : index->objects(top, t.rdfType)) {
                if (type == t.swrlImp)
                    return ChangeKind::RuleChanged;
                if (type == t.owlAllDisjointClasses || type == t.owlAllDisjointProperties || type == t.owlAllDifferent)
                    return ChangeKind::DisjointnessChanged;
            }
        }
        for (const auto* quads : {&group.removed, &group.added})
            for (const Quad& q : *quads)
                if (q.p == t.swrlBody || q.p == t.swrlHead)
                    return ChangeKind::RuleChanged;
        return ChangeKind::Other;
    }

    bool isRuleVariable(TermId entity) const
    {
        const TermId variable = m_terms.swrlVariable;
        auto typed = [&](const OntologyIndex& index) {
            const auto types = index.objects(entity, m_terms.rdfType);
            return variable && std::find(types.begin(), types.end(), variable) != types.end();
        };
        return typed(m_old) || typed(m_new);
    }

    // An owl:Axiom annotating one of the entity's statements: part of a label or comment change
    // when it annotates one, else an annotation change.
    Change& axiomAnnotation(TermId entity, const Group& group)
    {
        TermId annotated = rdf::kNoTerm;
        for (const auto& [index, top] : {std::pair {&m_new, group.newTop}, std::pair {&m_old, group.oldTop}})
            if (top && !annotated)
                if (const auto found = index->objects(top, m_terms.owlAnnotatedProperty); !found.empty())
                    annotated = found.front();
        if (m_terms.isLabel(annotated))
            return at(entity, ChangeKind::LabelChanged, rdf::kNoTerm);
        if (m_terms.isComment(annotated))
            return at(entity, ChangeKind::CommentChanged, rdf::kNoTerm);
        // Named by the annotation property the axiom carries (a database cross-reference, say), or
        // by none when only the axiom's own owl: statements changed.
        for (const auto* quads : {&group.added, &group.removed})
            for (const Quad& q : *quads)
                if (!m_terms.isLanguageTerm(q.p) || m_terms.isBuiltinAnnotation(q.p))
                    return about(entity, ChangeKind::AnnotationChanged, q.p);
        return at(entity, ChangeKind::AnnotationChanged, rdf::kNoTerm);
    }

    // A cardinality asserted on the property itself (not OWL 2 DL, but hand-written ontologies say
    // "required" this way): the restriction it means, on the property's domain.
    Change& propertyCardinality(TermId property, const Group& group)
    {
        const ChangeKind kind = group.removed.empty() ? ChangeKind::RestrictionAdded
            : group.added.empty()                     ? ChangeKind::RestrictionRemoved
                                                      : ChangeKind::RestrictionChanged;
        const OntologyIndex& version = group.added.empty() ? m_old : m_new;
        const auto domains = version.objects(property, m_terms.rdfsDomain);
        TermId domain = property;
        for (const TermId d : domains)
            if (!m_dictionary.isBlank(d)) {
                domain = d;
                break;
            }
        Change& change = at(domain, kind, property);
        change.property = property;
        return change;
    }

    // A change about one entity and one predicate (the annotation, the axiom).
    Change& about(TermId entity, ChangeKind kind, TermId p)
    {
        Change& change = at(entity, kind, p);
        change.property = p;
        return change;
    }

    Change& other(TermId entity, TermId p) { return about(entity, ChangeKind::Other, p); }

    // For an individual: the property whose literal value was replaced, directly or inside a blank
    // node value (a measurement's number); kNoTerm when the group is not such a replacement.
    TermId changedValueProperty(const GroupKey& key, const Group& group) const
    {
        if (group.removed.empty() || group.added.empty() || !allLiteral(group.removed) || !allLiteral(group.added))
            return rdf::kNoTerm;
        if (!key.top)
            return key.predicate;
        const TermId inner = group.removed.front().p;
        const auto samePredicate = [&](const Quad& q) { return q.p == inner; };
        return std::all_of(group.removed.begin(), group.removed.end(), samePredicate)
                && std::all_of(group.added.begin(), group.added.end(), samePredicate)
            ? inner
            : rdf::kNoTerm;
    }

    const OntologyIndex& m_old;
    const OntologyIndex& m_new;
    const KnownTerms& m_terms;
    const rdf::Dictionary& m_dictionary;
    const diff::GraphDiff& m_diff;
    std::unordered_map<TermId, TermId> m_newToOld;
    std::unordered_map<TermId, const RenameMatch*> m_merges; // by old IRI
    std::unordered_set<TermId> m_renamed; // new IRIs of renames applied to OLD
    std::map<ChangeKey, Change> m_changes;
};
} // namespace

std::vector<Change> entityChanges(const OntologyIndex& oldIndex, const OntologyIndex& newIndex,
    const diff::GraphDiff& diff, const std::vector<RenameMatch>& renames)
{
    return Classifier(oldIndex, newIndex, diff, renames).run();
}

} // namespace evograph::analysis::detail
