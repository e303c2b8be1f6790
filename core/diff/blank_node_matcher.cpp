#include "blank_node_matcher.h"

#include "blank_components.h"
#include "blank_structure.h"
#include "evograph/engine/sorted_merge.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace evograph::diff::detail {

namespace {
constexpr std::uint64_t kUnanchored = 0x3a3a3a3a3a3a3a3aULL;
constexpr std::size_t kCommonKey = 512; // a key shared by more nodes than this is no evidence of identity
constexpr std::size_t kMaxCandidates = 64;
constexpr int kMaxRounds = 1000;
constexpr std::size_t kMaxOwners = 4; // owners a structure hangs from that are worth comparing
constexpr std::size_t kSpecific = 64; // a ground edge more blank nodes have than this is generic

enum class Side : std::uint8_t { Unseen, Old, New, Both };

class Matcher {
public:
    Matcher(const rdf::Dictionary& dictionary, std::span<const rdf::Quad> oldQuads, std::span<const rdf::Quad> newQuads,
        const OwnerReplaced& ownerReplaced, const engine::CancellationToken& cancel, DiffStatistics& statistics)
        : m_structure(dictionary, {oldQuads, newQuads})
        , m_components(m_structure)
        , m_ownerReplaced(ownerReplaced)
        , m_side(m_structure.size(), Side::Unseen)
        , m_partner(m_structure.size(), BlankStructure::kNone)
        , m_owners(m_structure.size())
        , m_ownersDone(m_structure.size(), false)
        , m_cancel(cancel)
        , m_statistics(statistics)
    {
        // A node in both lists is the same node (a dataset diffed with itself): it matches itself.
        auto mark = [&](std::span<const rdf::Quad> quads, Side side, std::size_t& count) {
            for (const rdf::Quad& q : quads)
                for (const rdf::TermId t : {q.s, q.o, q.g}) {
                    const std::int32_t i = t == rdf::kNoTerm ? BlankStructure::kNone : m_structure.indexOf(t);
                    if (i == BlankStructure::kNone)
                        continue;
                    Side& current = m_side[static_cast<std::size_t>(i)];
                    if (current == Side::Unseen)
                        current = side, ++count;
                    else if (current == Side::Old && side == Side::New)
                        current = Side::Both, ++count;
                }
        };
        mark(oldQuads, Side::Old, statistics.oldBlankNodes);
        mark(newQuads, Side::New, statistics.newBlankNodes);
        for (std::size_t i = 0; i < m_side.size(); ++i)
            if (m_side[i] == Side::Both)
                pair(i, i);
        for (std::size_t i = 0; i < m_structure.size(); ++i)
            for (const BlankStructure::Edge& e : m_structure.edges(i))
                ++m_baseCount[e.base];
    }

    std::unordered_map<rdf::TermId, rdf::TermId> run()
    {
        matchExactly();
        relateComponents();
        matchBySimilarity();
        std::unordered_map<rdf::TermId, rdf::TermId> result;
        for (std::size_t i = 0; i < m_partner.size(); ++i)
            if (m_side[i] != Side::New && m_partner[i] != BlankStructure::kNone)
                result.emplace(m_structure.node(i), m_structure.node(static_cast<std::size_t>(m_partner[i])));
        return result;
    }

private:
    void pair(std::size_t a, std::size_t b)
    {
        m_partner[a] = static_cast<std::int32_t>(b);
        m_partner[b] = static_cast<std::int32_t>(a);
    }
    bool unmatched(std::size_t i) const { return m_partner[i] == BlankStructure::kNone; }

    void matchExactly()
    {
        std::vector<Colour> colours = m_structure.initialColours();
        m_structure.refine(colours, m_cancel);
        std::map<Colour, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> classes;
        for (std::size_t i = 0; i < colours.size(); ++i) {
            if (!unmatched(i))
                continue;
            auto& [olds, news] = classes[colours[i]];
            (m_side[i] == Side::Old ? olds : news).push_back(i);
        }
        for (const auto& [colour, members] : classes) {
            const auto& [olds, news] = members;
            for (std::size_t k = 0; k < std::min(olds.size(), news.size()); ++k) {
                pair(olds[k], news[k]);
                ++m_statistics.matchedExactly;
            }
        }
    }

    // Which structure of its own (no entity owns it) continues as which.
    void relateComponents()
    {
        std::vector<bool> old(m_side.size());
        for (std::size_t i = 0; i < m_side.size(); ++i)
            old[i] = m_side[i] != Side::New;
        m_components.relate(m_partner, old);
    }

    // An edge as evidence: its ground part plus each blank neighbour as its matched pair (the
    // NEW node's index, on both sides) or as "unanchored". Strong keys have no unanchored part.
    struct Key {
        std::uint64_t value;
        bool strong;
        bool owner; // the edge from a ground subject that owns the node
        bool specific; // says which node this is: a paired neighbour, or a ground part few nodes share
        friend bool operator<(const Key& a, const Key& b) { return a.value < b.value; }
    };

    std::uint64_t anchor(std::int32_t neighbour) const
    {
        if (neighbour == BlankStructure::kNone)
            return 0;
        const auto n = static_cast<std::size_t>(neighbour);
        if (unmatched(n))
            return kUnanchored;
        return 1 + static_cast<std::uint64_t>(m_side[n] == Side::New ? n : static_cast<std::size_t>(m_partner[n]));
    }

    std::vector<Key> keys(std::size_t node) const
    {
        std::vector<Key> out;
        for (const BlankStructure::Edge& e : m_structure.edges(node)) {
            const std::uint64_t a = anchor(e.first), b = anchor(e.second);
            const bool strong = a != kUnanchored && b != kUnanchored;
            const bool linked = (a != 0 && a != kUnanchored) || (b != 0 && b != kUnanchored);
            out.push_back({combine(combine(e.base, a), b), strong, e.ownerSubject != rdf::kNoTerm,
                strong && (linked || m_baseCount.at(e.base) <= kSpecific)});
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    // The ground subjects a node's structure hangs from (following parents up; at most a few): a
    // restriction's class, a list's owner through the restriction that holds it. Empty for a
    // structure of its own (an owl:AllDisjointClasses axiom, an annotation of an axiom).
    const std::vector<rdf::TermId>& rootOwners(std::size_t node)
    {
        if (m_ownersDone[node])
            return m_owners[node];
        m_ownersDone[node] = true; // a loop of blank nodes ends here
        std::vector<rdf::TermId> owners;
        for (const BlankStructure::Edge& e : m_structure.edges(node)) {
            if (e.ownerSubject != rdf::kNoTerm)
                owners.push_back(e.ownerSubject);
            else if (e.parent != BlankStructure::kNone)
                for (const rdf::TermId o : rootOwners(static_cast<std::size_t>(e.parent)))
                    owners.push_back(o);
            if (owners.size() >= kMaxOwners)
                break;
        }
        std::sort(owners.begin(), owners.end());
        owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
        return m_owners[node] = std::move(owners);
    }

    // Blank structures belong to their owners and do not move between entities: OLD's node and
    // NEW's may pair when they hang from a shared owner (or from an owner under a new IRI), when
    // either hangs from none (the link to its owner is what changed), or when both are parts of
    // structures of their own that continue each other.
    bool ownersCompatible(std::size_t o, std::size_t n)
    {
        const std::vector<rdf::TermId> oldOwners = rootOwners(o);
        const std::vector<rdf::TermId>& newOwners = rootOwners(n);
        if (oldOwners.empty() && newOwners.empty()) // structures of their own: the ones that continue each other
            return m_components.compatible(m_components.of(o), m_components.of(n));
        if (oldOwners.empty() || newOwners.empty())
            return true;
        for (const rdf::TermId a : oldOwners)
            for (const rdf::TermId b : newOwners)
                if (a == b || m_ownerReplaced(a, b))
                    return true;
        return false;
    }

    // How good a pair is: more shared edges first, then fewer edges left over on either side.
    struct Score {
        std::size_t shared = 0, leftOver = 0;
        bool operator==(const Score&) const = default;
        bool betterThan(const Score& other) const
        {
            return shared != other.shared ? shared > other.shared : leftOver < other.leftOver;
        }
    };

    static bool sharesSpecific(const std::vector<Key>& a, const std::vector<Key>& b)
    {
        for (const Key& k : a)
            if (k.specific && !k.owner
                && std::binary_search(b.begin(), b.end(), k, [](const Key& x, const Key& y) { return x < y; }))
                return true;
        return false;
    }

    // OLD's node `o` and NEW's node `n` may be the same node when their owners are compatible and
    // they share at least a third of the larger one's own edges, one of them specific. The edge
    // from the owner does not count there, nor does a generic edge (rdf:type owl:Restriction)
    // alone: every structure of that owner, or of that kind, has it, so it says nothing about
    // which one this is (two restrictions of a class on other properties and fillers stay two).
    // Edges to blank neighbours not yet paired count as shared when the rest of the edge is (they
    // may pair later).
    std::optional<Score> similarity(
        std::size_t o, const std::vector<Key>& oldKeys, std::size_t n, const std::vector<Key>& newKeys)
    {
        const std::size_t common = engine::sharedCount(oldKeys, newKeys);
        if (common == 0)
            return std::nullopt;
        auto ownerKeys = [](const std::vector<Key>& keys) {
            std::vector<Key> out;
            for (const Key& k : keys)
                if (k.owner)
                    out.push_back(k);
            return out;
        };
        const std::vector<Key> oldOwner = ownerKeys(oldKeys), newOwner = ownerKeys(newKeys);
        const std::size_t ownShared = common - engine::sharedCount(oldOwner, newOwner);
        const std::size_t own = std::max(oldKeys.size() - oldOwner.size(), newKeys.size() - newOwner.size());
        const bool similar
            = own == 0 || 3 * ownShared > own || (3 * ownShared == own && sharesSpecific(oldKeys, newKeys));
        if (!similar || !ownersCompatible(o, n))
            return std::nullopt;
        return Score {common, oldKeys.size() + newKeys.size() - 2 * common};
    }

    // Rounds of matching by similarity. Candidates share a rare fully anchored edge; a pair is
    // taken when each is the other's one best candidate. When a round takes none (ties that
    // anchored neighbours did not break), the best proposals are taken greedily. Each round's
    // pairs anchor more edges for the next.
    void matchBySimilarity()
    {
        for (int round = 0; round < kMaxRounds; ++round) {
            m_cancel.checkpoint();
            std::vector<std::size_t> olds, news;
            for (std::size_t i = 0; i < m_side.size(); ++i)
                if (unmatched(i))
                    (m_side[i] == Side::Old ? olds : news).push_back(i);
            if (olds.empty() || news.empty())
                return;
            std::unordered_map<std::size_t, std::vector<Key>> newKeys;
            std::unordered_map<std::uint64_t, std::vector<std::size_t>> byStrongKey;
            for (const std::size_t n : news) {
                auto& k = newKeys[n] = keys(n);
                for (const Key& key : k)
                    if (key.strong)
                        byStrongKey[key.value].push_back(n);
            }
            struct Proposal {
                Score score;
                std::size_t o, n;
            };
            std::vector<Proposal> proposals;
            for (const std::size_t o : olds) {
                const std::vector<Key> oldKeys = keys(o);
                // Candidates from the rarest keys first: they say the most about identity.
                std::vector<const std::vector<std::size_t>*> lists;
                for (const Key& key : oldKeys) {
                    const auto it = key.strong ? byStrongKey.find(key.value) : byStrongKey.end();
                    if (it != byStrongKey.end() && it->second.size() <= kCommonKey)
                        lists.push_back(&it->second);
                }
                std::sort(lists.begin(), lists.end(), [](auto* a, auto* b) { return a->size() < b->size(); });
                std::vector<std::size_t> candidates;
                for (const auto* list : lists)
                    for (std::size_t k = 0; k < list->size() && candidates.size() < kMaxCandidates; ++k)
                        candidates.push_back((*list)[k]);
                std::sort(candidates.begin(), candidates.end());
                candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
                for (const std::size_t n : candidates)
                    if (const auto score = similarity(o, oldKeys, n, newKeys.at(n)))
                        proposals.push_back({*score, o, n});
            }
            if (proposals.empty())
                return;
            // Each node's best proposal, and whether another one ties with it.
            struct Best {
                Score score;
                std::size_t partner = 0;
                bool unique = false;
            };
            std::unordered_map<std::size_t, Best> best;
            auto offer = [&](std::size_t node, std::size_t partner, const Score& score) {
                auto [it, added] = best.try_emplace(node, Best {score, partner, true});
                if (added)
                    return;
                if (score.betterThan(it->second.score))
                    it->second = {score, partner, true};
                else if (score == it->second.score)
                    it->second.unique = false;
            };
            for (const Proposal& p : proposals)
                offer(p.o, p.n, p.score), offer(p.n, p.o, p.score);
            std::size_t accepted = 0;
            for (const Proposal& p : proposals) {
                const Best& a = best.at(p.o);
                const Best& b = best.at(p.n);
                if (a.unique && b.unique && a.partner == p.n && b.partner == p.o && unmatched(p.o) && unmatched(p.n)) {
                    pair(p.o, p.n);
                    ++accepted;
                }
            }
            if (accepted == 0) {
                std::sort(proposals.begin(), proposals.end(), [](const Proposal& a, const Proposal& b) {
                    if (!(a.score == b.score))
                        return a.score.betterThan(b.score);
                    return std::tie(a.o, a.n) < std::tie(b.o, b.n);
                });
                for (const Proposal& p : proposals)
                    if (unmatched(p.o) && unmatched(p.n)) {
                        pair(p.o, p.n);
                        ++accepted;
                    }
            }
            m_statistics.matchedBySimilarity += accepted;
        }
    }

    BlankStructure m_structure;
    BlankComponents m_components;
    const OwnerReplaced& m_ownerReplaced;
    std::vector<Side> m_side;
    std::vector<std::int32_t> m_partner;
    std::vector<std::vector<rdf::TermId>> m_owners; // rootOwners, computed on first use
    std::vector<bool> m_ownersDone;
    std::unordered_map<std::uint64_t, std::size_t> m_baseCount; // nodes per ground part of an edge
    const engine::CancellationToken& m_cancel;
    DiffStatistics& m_statistics;
};
} // namespace

std::unordered_map<rdf::TermId, rdf::TermId> matchBlankNodes(const rdf::Dictionary& dictionary,
    std::span<const rdf::Quad> oldQuads, std::span<const rdf::Quad> newQuads, const OwnerReplaced& ownerReplaced,
    const engine::CancellationToken& cancel, DiffStatistics& statistics)
{
    return Matcher(dictionary, oldQuads, newQuads, ownerReplaced, cancel, statistics).run();
}

} // namespace evograph::diff::detail
