#include "evograph/analysis/ontology_index.h"

#include "evograph/rdf/well_known_vocabularies.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace evograph::analysis {

namespace {
// Higher wins when an IRI carries several declarations (punning): a property typed also as an
// individual is analysed as a property.
EntityCategory stronger(EntityCategory a, EntityCategory b)
{
    return std::max(a, b);
}
} // namespace

OntologyIndex::OntologyIndex(const rdf::Dataset& data, const KnownTerms& terms)
    : m_data(data)
    , m_terms(terms)
{
    const rdf::Dictionary& dictionary = data.dictionary();
    const std::size_t size = dictionary.size() + 1;
    m_flags.assign(size, 0);
    m_categories.assign(size, EntityCategory::None);
    const KnownTerms& t = terms;
    for (const rdf::Quad& q : data.quads()) {
        for (const rdf::TermId term : {q.s, q.p, q.o, q.g})
            if (term != rdf::kNoTerm)
                m_flags[term] |= kMentioned;
        m_flags[q.s] |= kSubject;
        const bool blankObject = dictionary.isBlank(q.o);
        if (blankObject && q.o != q.s) {
            // Prefer a named parent, and the annotated entity for an owl:Axiom.
            auto [it, inserted] = m_parents.try_emplace(q.o, q.s, q.p);
            if (!inserted && dictionary.isBlank(it->second.first) && !dictionary.isBlank(q.s))
                it->second = {q.s, q.p};
        }
        if (q.p == t.owlAnnotatedSource && dictionary.isBlank(q.s) && !dictionary.isBlank(q.o)
            && dictionary.kind(q.o) == rdf::TermKind::Iri)
            m_parents[q.s] = {q.o, q.p};
        if (dictionary.isBlank(q.s) || dictionary.kind(q.s) != rdf::TermKind::Iri)
            continue;
        EntityCategory category = EntityCategory::Individual;
        if (q.p == t.rdfType) {
            if (q.o == t.owlOntology)
                category = EntityCategory::Ontology;
            else if (t.isPropertyType(q.o))
                category = EntityCategory::Property;
            else if (q.o == t.owlClass || q.o == t.rdfsClass || q.o == t.rdfsDatatype)
                category = EntityCategory::Class;
        } else if (t.isDomain(q.p) || t.isRange(q.p) || q.p == t.rdfsSubPropertyOf || q.p == t.owlInverseOf
            || q.p == t.owlEquivalentProperty) {
            category = EntityCategory::Property;
        } else if (q.p == t.rdfsSubClassOf || q.p == t.owlEquivalentClass || q.p == t.owlDisjointWith
            || q.p == t.owlUnionOf || q.p == t.owlIntersectionOf) {
            category = EntityCategory::Class;
        }
        m_categories[q.s] = stronger(m_categories[q.s], category);
        if (q.p == t.rdfsSubClassOf && !blankObject && q.o != q.s)
            m_superclasses[q.s].push_back(q.o);
    }
    for (rdf::TermId id = 1; id < size; ++id)
        if (m_categories[id] != EntityCategory::None)
            m_entities.push_back(id);
    for (auto& [cls, supers] : m_superclasses) {
        std::sort(supers.begin(), supers.end());
        supers.erase(std::unique(supers.begin(), supers.end()), supers.end());
    }
    resolveOwners();
    findOwnedVocabularies();
}

void OntologyIndex::findOwnedVocabularies()
{
    const rdf::Dictionary& dictionary = m_data.dictionary();
    auto trimmed = [](std::string_view iri) {
        while (!iri.empty() && (iri.back() == '#' || iri.back() == '/'))
            iri.remove_suffix(1);
        return iri;
    };
    std::map<std::string_view, std::size_t> terms;
    std::size_t defined = 0;
    for (const rdf::TermId entity : m_entities) {
        const EntityCategory category = m_categories[entity];
        const std::string_view iri = dictionary.term(entity).value;
        if (category == EntityCategory::Ontology) {
            for (const rdf::WellKnownVocabulary& v : rdf::wellKnownVocabularies())
                if (trimmed(iri) == trimmed(v.ns))
                    m_ownedVocabularies.push_back(v.ns);
            continue;
        }
        if (category != EntityCategory::Class && category != EntityCategory::Property)
            continue;
        ++defined;
        if (const auto vocabulary = rdf::wellKnownVocabularyOf(iri))
            ++terms[vocabulary->ns];
    }
    for (const auto& [ns, count] : terms)
        if (4 * count >= defined)
            m_ownedVocabularies.push_back(ns);
}

bool OntologyIndex::ownsVocabularyOf(rdf::TermId iri) const
{
    if (iri == rdf::kNoTerm || m_data.dictionary().kind(iri) != rdf::TermKind::Iri)
        return false;
    const auto vocabulary = rdf::wellKnownVocabularyOf(m_data.dictionary().term(iri).value);
    return vocabulary
        && std::find(m_ownedVocabularies.begin(), m_ownedVocabularies.end(), vocabulary->ns)
        != m_ownedVocabularies.end();
}

bool isRedeclaration(const OntologyIndex& oldIndex, const OntologyIndex& newIndex, rdf::TermId iri)
{
    const rdf::Dictionary& dictionary = newIndex.data().dictionary();
    return iri != rdf::kNoTerm && dictionary.kind(iri) == rdf::TermKind::Iri
        && rdf::wellKnownVocabularyOf(dictionary.term(iri).value) && !oldIndex.ownsVocabularyOf(iri)
        && !newIndex.ownsVocabularyOf(iri);
}

void OntologyIndex::resolveOwners()
{
    const rdf::Dictionary& dictionary = m_data.dictionary();
    std::vector<rdf::TermId> path;
    std::unordered_set<rdf::TermId> onPath;
    for (const auto& [start, parent] : m_parents) {
        if (m_owners.contains(start))
            continue;
        // Walk up to a named entity, a root, a blank node already resolved, or round a loop.
        path.clear();
        onPath.clear();
        BlankOwner found;
        rdf::TermId current = start;
        while (true) {
            path.push_back(current);
            onPath.insert(current);
            const auto known = m_owners.find(current);
            if (known != m_owners.end()) {
                found = known->second;
                path.pop_back();
                break;
            }
            const auto up = m_parents.find(current);
            if (up == m_parents.end()) {
                found = {rdf::kNoTerm, rdf::kNoTerm, current};
                break;
            }
            const auto [next, predicate] = up->second;
            if (!dictionary.isBlank(next)) {
                found = {next, predicate, current};
                break;
            }
            if (onPath.contains(next)) { // a loop of blank nodes with no way out: its entry is the root
                found = {rdf::kNoTerm, rdf::kNoTerm, next};
                break;
            }
            current = next;
        }
        for (const rdf::TermId node : path)
            m_owners.emplace(node, found);
    }
}

EntityCategory OntologyIndex::category(rdf::TermId iri) const
{
    return iri < m_categories.size() ? m_categories[iri] : EntityCategory::None;
}

BlankOwner OntologyIndex::owner(rdf::TermId blank) const
{
    const auto it = m_owners.find(blank);
    return it != m_owners.end() ? it->second : BlankOwner {rdf::kNoTerm, rdf::kNoTerm, blank};
}

rdf::TermId OntologyIndex::listPredicate(rdf::TermId node) const
{
    std::unordered_set<rdf::TermId> seen;
    for (auto it = m_parents.find(node); it != m_parents.end() && seen.insert(node).second; it = m_parents.find(node)) {
        const auto [parent, predicate] = it->second;
        if (predicate != m_terms.rdfRest)
            return predicate;
        node = parent;
    }
    return rdf::kNoTerm;
}

std::vector<rdf::TermId> OntologyIndex::objects(rdf::TermId subject, rdf::TermId predicate) const
{
    std::vector<rdf::TermId> out;
    if (predicate == rdf::kNoTerm || !isSubject(subject))
        return out;
    for (const rdf::Quad& q : m_data.withSubject(subject))
        if (q.p == predicate && (out.empty() || out.back() != q.o))
            out.push_back(q.o);
    return out;
}

std::optional<std::string_view> OntologyIndex::literal(rdf::TermId subject, rdf::TermId predicate) const
{
    std::optional<std::string_view> best;
    for (const rdf::TermId o : objects(subject, predicate)) {
        const rdf::TermView term = m_data.dictionary().term(o);
        if (!term.isLiteral())
            continue;
        if (term.language.empty() || term.language.starts_with("en"))
            return term.value;
        if (!best)
            best = term.value;
    }
    return best;
}

std::optional<std::string_view> OntologyIndex::label(rdf::TermId entity) const
{
    if (auto found = literal(entity, m_terms.rdfsLabel))
        return found;
    return literal(entity, m_terms.skosPrefLabel);
}

bool OntologyIndex::isDeprecated(rdf::TermId entity) const
{
    if (!isSubject(entity))
        return false;
    for (const rdf::Quad& q : m_data.withSubject(entity)) {
        if (m_terms.isReplacement(q.p)) // schema.org deprecates with supersededBy alone
            return true;
        if (q.p != m_terms.owlDeprecated)
            continue;
        const rdf::TermView term = m_data.dictionary().term(q.o);
        if (term.isLiteral() && (term.value == "true" || term.value == "1"))
            return true;
    }
    return false;
}

rdf::TermId OntologyIndex::replacement(rdf::TermId entity) const
{
    if (!isSubject(entity))
        return rdf::kNoTerm;
    const rdf::Dictionary& dictionary = m_data.dictionary();
    rdf::TermId equivalent = rdf::kNoTerm;
    for (const rdf::Quad& q : m_data.withSubject(entity)) {
        if (q.o == entity || dictionary.kind(q.o) != rdf::TermKind::Iri)
            continue;
        if (m_terms.isReplacement(q.p))
            return q.o;
        if (!equivalent && (q.p == m_terms.owlEquivalentClass || q.p == m_terms.owlEquivalentProperty)
            && isSubject(q.o))
            equivalent = q.o;
    }
    return equivalent;
}

const std::vector<rdf::TermId>& OntologyIndex::superclasses(rdf::TermId cls) const
{
    static const std::vector<rdf::TermId> none;
    const auto it = m_superclasses.find(cls);
    return it != m_superclasses.end() ? it->second : none;
}

bool OntologyIndex::isSubclassOf(rdf::TermId sub, rdf::TermId super) const
{
    if (sub == super || (super != rdf::kNoTerm && (super == m_terms.owlThing || super == m_terms.rdfsResource)))
        return true;
    std::vector<rdf::TermId> stack {sub};
    std::unordered_set<rdf::TermId> seen {sub};
    while (!stack.empty()) {
        const rdf::TermId current = stack.back();
        stack.pop_back();
        for (const rdf::TermId parent : superclasses(current)) {
            if (parent == super)
                return true;
            if (seen.insert(parent).second)
                stack.push_back(parent);
        }
    }
    return false;
}

} // namespace evograph::analysis
