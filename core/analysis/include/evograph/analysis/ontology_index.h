#pragma once
// What change analysis needs to know about one version of an ontology, computed in one pass over
// its quads: which IRIs are classes, properties, individuals or the ontology itself, which named
// entity owns each blank node (a restriction belongs to the class whose rdfs:subClassOf points
// at it, a list to whoever points at its head, an owl:Axiom to its owl:annotatedSource), and the
// named class hierarchy.
//
// Every query is safe on hostile graphs: cycles in rdfs:subClassOf, a class that is its own
// superclass, blank-node loops and rdf:List loops end the walk instead of hanging it.
#include "evograph/analysis/known_terms.h"
#include "evograph/rdf/dataset.h"

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace evograph::analysis {

enum class EntityCategory : std::uint8_t { None, Individual, Class, Property, Ontology };

// Where a blank node hangs: `entity` reaches it through `predicate` and then the blank node `top`
// (possibly through more blank nodes below `top`). A blank node that nothing named reaches (an
// owl:AllDisjointClasses axiom, say) is its own root: entity is kNoTerm and top is the root.
struct BlankOwner {
    rdf::TermId entity = rdf::kNoTerm;
    rdf::TermId predicate = rdf::kNoTerm;
    rdf::TermId top = rdf::kNoTerm;
};

class OntologyIndex {
public:
    // `data` must be finalized and outlive the index.
    OntologyIndex(const rdf::Dataset& data, const KnownTerms& terms);

    const rdf::Dataset& data() const { return m_data; }
    const KnownTerms& terms() const { return m_terms; }

    // The category of an IRI that is the subject of a statement; None otherwise.
    EntityCategory category(rdf::TermId iri) const;
    bool isSubject(rdf::TermId term) const { return flag(term, kSubject); }
    // Used anywhere in the graph (subject, predicate, object or graph name).
    bool mentions(rdf::TermId term) const { return flag(term, kMentioned); }
    // Named IRIs that are subjects, in id order.
    const std::vector<rdf::TermId>& entities() const { return m_entities; }

    BlankOwner owner(rdf::TermId blank) const;
    // For a node of an rdf:List: the predicate that holds the list (owl:intersectionOf, say), found
    // by walking rdf:rest links back to the head; kNoTerm when the node is no list node.
    rdf::TermId listPredicate(rdf::TermId node) const;

    // Objects of (subject, predicate, ?o), in sorted order.
    std::vector<rdf::TermId> objects(rdf::TermId subject, rdf::TermId predicate) const;
    // The first literal value of (subject, predicate); preference for English or no language.
    std::optional<std::string_view> literal(rdf::TermId subject, rdf::TermId predicate) const;
    // rdfs:label (or skos:prefLabel) of an entity, if it has one.
    std::optional<std::string_view> label(rdf::TermId entity) const;
    // owl:deprecated true, or a link to a replacement (dcterms:isReplacedBy, obo:IAO_0100001, schema:supersededBy).
    bool isDeprecated(rdf::TermId entity) const;
    // The term this version names as the entity's successor: the object of a replacement link, else
    // of owl:equivalentClass / owl:equivalentProperty when it is another term this version defines
    // (a term re-homed into another namespace keeps its old IRI as a deprecated equivalent).
    rdf::TermId replacement(rdf::TermId entity) const;
    // Whether this version defines the well-known vocabulary (rdf/well_known_vocabularies.h) the
    // IRI belongs to: its ontology IRI is the vocabulary's namespace, or a quarter or more of the
    // classes and properties it defines are in it. False for IRIs in no well-known vocabulary.
    bool ownsVocabularyOf(rdf::TermId iri) const;

    // Named direct superclasses.
    const std::vector<rdf::TermId>& superclasses(rdf::TermId cls) const;
    // Reflexive and transitive over named rdfs:subClassOf; owl:Thing and rdfs:Resource are above all.
    bool isSubclassOf(rdf::TermId sub, rdf::TermId super) const;

private:
    static constexpr std::uint8_t kMentioned = 1, kSubject = 2;
    void findOwnedVocabularies();
    bool flag(rdf::TermId term, std::uint8_t bit) const { return term < m_flags.size() && (m_flags[term] & bit) != 0; }
    void resolveOwners();

    const rdf::Dataset& m_data;
    const KnownTerms& m_terms;
    std::vector<std::uint8_t> m_flags; // by TermId
    std::vector<EntityCategory> m_categories; // by TermId
    std::vector<rdf::TermId> m_entities;
    std::unordered_map<rdf::TermId, std::pair<rdf::TermId, rdf::TermId>> m_parents; // blank -> (parent, predicate)
    std::unordered_map<rdf::TermId, BlankOwner> m_owners;
    std::unordered_map<rdf::TermId, std::vector<rdf::TermId>> m_superclasses;
    std::vector<std::string_view> m_ownedVocabularies; // namespaces
};

// A term of a well-known vocabulary that neither version owns: the ontology only re-declares it
// (owl:Thing, dcterms:creator, ...), so its declaration coming or going changes nothing it defines.
bool isRedeclaration(const OntologyIndex& oldIndex, const OntologyIndex& newIndex, rdf::TermId iri);

} // namespace evograph::analysis
