#include "evograph/analysis/rename_detection.h"

#include "evograph/engine/hashing.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace evograph::analysis {

namespace {
using rdf::TermId;

// Keys shared by more candidates than this say nothing (every class is an owl:Class).
constexpr std::size_t kMaxBlockSize = 64;
// Blank node structure is hashed this deep (restrictions on lists of classes fit).
constexpr int kBlankHashDepth = 4;

bool isCandidate(EntityCategory category)
{
    return category == EntityCategory::Class || category == EntityCategory::Property;
}

// Hashes of terms as they read in any version: blank nodes by their structure, not their id.
class TermHasher {
public:
    explicit TermHasher(const OntologyIndex& index)
        : m_index(index)
    {
    }

    std::uint64_t operator()(TermId term, int depth = 0) const
    {
        const rdf::Dictionary& dictionary = m_index.data().dictionary();
        if (!dictionary.isBlank(term))
            return dictionary.contentHash(term);
        if (depth >= kBlankHashDepth)
            return 0x6b6c616e6bULL;
        std::vector<std::uint64_t> parts;
        for (const rdf::Quad& q : m_index.data().withSubject(term))
            parts.push_back(engine::combine(dictionary.contentHash(q.p), q.o == term ? 0 : (*this)(q.o, depth + 1)));
        std::sort(parts.begin(), parts.end());
        std::uint64_t hash = 0x626c616e6bULL;
        for (const std::uint64_t part : parts)
            hash = engine::combine(hash, part);
        return hash;
    }

private:
    const OntologyIndex& m_index;
};

// Profiles of the candidates of one version, built in one pass over its quads.
std::unordered_map<TermId, EntityProfile> buildProfiles(
    const OntologyIndex& index, const std::vector<TermId>& candidates)
{
    std::unordered_map<TermId, EntityProfile> profiles;
    for (const TermId iri : candidates)
        profiles[iri] = EntityProfile {iri, index.category(iri), {}, {}, {}, {}, {}};
    const KnownTerms& t = index.terms();
    const rdf::Dictionary& dictionary = index.data().dictionary();
    const TermHasher hash(index);
    auto referrer = [&](TermId s) {
        // A blank node referrer is named by the entity that owns it.
        return dictionary.isBlank(s) ? dictionary.contentHash(index.owner(s).entity) : dictionary.contentHash(s);
    };
    for (const rdf::Quad& q : index.data().quads()) {
        if (auto it = profiles.find(q.s); it != profiles.end()) {
            EntityProfile& p = it->second;
            const rdf::TermView object = dictionary.term(q.o);
            if (t.isLabel(q.p) && object.isLiteral() && p.label.empty())
                p.rawLabel = object.value, p.label = normalizeText(object.value);
            else if (t.isComment(q.p) && object.isLiteral() && p.comment.empty())
                p.comment = normalizeText(object.value);
            else if (!t.isLabel(q.p) && !t.isComment(q.p))
                p.structure.push_back(engine::combine(dictionary.contentHash(q.p), hash(q.o)));
        }
        if (auto it = profiles.find(q.o); it != profiles.end())
            it->second.usage.push_back(engine::combine(referrer(q.s), dictionary.contentHash(q.p)));
        if (auto it = profiles.find(q.p); it != profiles.end())
            it->second.usage.push_back(engine::combine(referrer(q.s), hash(q.o)));
    }
    for (auto& [iri, p] : profiles) {
        std::sort(p.structure.begin(), p.structure.end());
        std::sort(p.usage.begin(), p.usage.end());
    }
    return profiles;
}

// Explicit hints in either version: OLD names its replacement, or the two are declared equivalent.
std::vector<std::pair<TermId, TermId>> hintedPairs(const OntologyIndex& oldIndex, const OntologyIndex& newIndex,
    const std::unordered_set<TermId>& vanished, const std::unordered_set<TermId>& appeared)
{
    const KnownTerms& t = oldIndex.terms();
    std::vector<std::pair<TermId, TermId>> pairs;
    auto equivalence = [&](TermId p) { return p == t.owlEquivalentClass || p == t.owlEquivalentProperty; };
    for (const OntologyIndex* index : {&oldIndex, &newIndex})
        for (const rdf::Quad& q : index->data().quads()) {
            if (!(t.isReplacement(q.p) || equivalence(q.p)) || q.s == q.o)
                continue;
            if (vanished.contains(q.s) && newIndex.isSubject(q.o))
                pairs.emplace_back(q.s, q.o);
            else if (equivalence(q.p) && vanished.contains(q.o) && appeared.contains(q.s))
                pairs.emplace_back(q.o, q.s);
        }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

// Blocking keys: only pairs that share one are scored.
std::vector<std::uint64_t> blockingKeys(const EntityProfile& p)
{
    std::vector<std::uint64_t> keys;
    std::size_t start = 0;
    while (start < p.label.size()) {
        std::size_t end = std::min(p.label.find(' ', start), p.label.size());
        keys.push_back(
            engine::mix(std::hash<std::string_view> {}(std::string_view(p.label).substr(start, end - start))));
        start = end + 1;
    }
    if (!p.comment.empty())
        keys.push_back(engine::mix(std::hash<std::string> {}(p.comment)) ^ 1);
    keys.insert(keys.end(), p.structure.begin(), p.structure.end());
    keys.insert(keys.end(), p.usage.begin(), p.usage.end());
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}
} // namespace

std::vector<RenameMatch> detectRenames(
    const OntologyIndex& oldIndex, const OntologyIndex& newIndex, const RenameOptions& options)
{
    // Candidates: terms OLD defines and NEW no longer does, and terms NEW defines that OLD never used;
    // never a re-declared term of a vocabulary the ontology does not own.
    std::vector<TermId> vanished, appeared;
    for (const TermId iri : oldIndex.entities())
        if (isCandidate(oldIndex.category(iri)) && !newIndex.isSubject(iri)
            && !isRedeclaration(oldIndex, newIndex, iri))
            vanished.push_back(iri);
    for (const TermId iri : newIndex.entities())
        if (isCandidate(newIndex.category(iri)) && !oldIndex.mentions(iri) && !isRedeclaration(oldIndex, newIndex, iri))
            appeared.push_back(iri);
    if (vanished.empty())
        return {};
    const std::unordered_set<TermId> vanishedSet(vanished.begin(), vanished.end());
    const std::unordered_set<TermId> appearedSet(appeared.begin(), appeared.end());

    std::vector<RenameMatch> scored;
    for (const auto& [from, to] : hintedPairs(oldIndex, newIndex, vanishedSet, appearedSet)) {
        const bool merge = oldIndex.isSubject(to); // the replacement already had a definition of its own
        const EntityCategory category = oldIndex.category(from);
        if (newIndex.category(to) == category)
            scored.push_back({from, to, category, 1.0, {"explicit replacement or equivalence in the ontology"}, merge});
    }

    const auto oldProfiles = buildProfiles(oldIndex, vanished);
    const auto newProfiles = buildProfiles(newIndex, appeared);
    std::unordered_map<std::uint64_t, std::vector<TermId>> blocks;
    for (const TermId iri : appeared)
        for (const std::uint64_t key : blockingKeys(newProfiles.at(iri)))
            blocks[key].push_back(iri);
    auto signals = options.signals.empty() ? defaultRenameSignals() : options.signals;
    if (options.versionSignals && !appeared.empty())
        for (auto& signal : options.versionSignals(oldIndex, newIndex))
            signals.push_back(std::move(signal));

    for (const TermId from : vanished) {
        const EntityProfile& removed = oldProfiles.at(from);
        std::vector<TermId> partners;
        for (const std::uint64_t key : blockingKeys(removed)) {
            const auto block = blocks.find(key);
            if (block != blocks.end() && block->second.size() <= kMaxBlockSize)
                partners.insert(partners.end(), block->second.begin(), block->second.end());
        }
        std::sort(partners.begin(), partners.end());
        partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
        for (const TermId to : partners) {
            const EntityProfile& added = newProfiles.at(to);
            if (added.category != removed.category)
                continue;
            double total = 0, weights = 0;
            bool anchored = false;
            std::vector<std::string> evidence;
            for (const auto& signal : signals)
                if (const auto s = signal->score(removed, added); s && s->weight > 0) {
                    total += s->score * s->weight;
                    weights += s->weight;
                    anchored |= s->anchor;
                    evidence.push_back(s->evidence);
                }
            const double confidence = weights > 0 ? total / weights : 0;
            if (anchored && confidence >= options.threshold)
                scored.push_back({from, to, removed.category, confidence, std::move(evidence), false});
        }
    }

    // Best first, each IRI in one rename at most; ties go to the lower ids (reading order).
    std::stable_sort(scored.begin(), scored.end(), [](const RenameMatch& a, const RenameMatch& b) {
        return std::tie(b.confidence, a.oldIri, a.newIri) < std::tie(a.confidence, b.oldIri, b.newIri);
    });
    std::unordered_set<TermId> usedOld, usedNew;
    std::vector<RenameMatch> taken;
    for (RenameMatch& match : scored)
        if (!usedOld.contains(match.oldIri) && (match.merge || !usedNew.contains(match.newIri))) {
            usedOld.insert(match.oldIri);
            if (!match.merge) // several old terms may merge into one existing term
                usedNew.insert(match.newIri);
            taken.push_back(std::move(match));
        }
    std::sort(
        taken.begin(), taken.end(), [](const RenameMatch& a, const RenameMatch& b) { return a.newIri < b.newIri; });
    return taken;
}

} // namespace evograph::analysis
