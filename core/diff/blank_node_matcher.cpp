#include "blank_node_matcher.h"

#include "blank_structure.h"
#include "sorted_merge.h"

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

enum class Side : std::uint8_t { Unseen, Old, New, Both };

class Matcher {
public:
    Matcher(const rdf::Dictionary& dictionary, std::span<const rdf::Quad> oldQuads, std::span<const rdf::Quad> newQuads,
        const OwnerReplaced& ownerReplaced, const engine::CancellationToken& cancel, DiffStatistics& statistics)
        : m_structure(dictionary, {oldQuads, newQuads})
        , m_ownerReplaced(ownerReplaced)
        , m_side(m_structure.size(), Side::Unseen)
        , m_partner(m_structure.size(), BlankStructure::kNone)
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
    }

    std::unordered_map<rdf::TermId, rdf::TermId> run()
    {
        matchExactly();
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

    // An edge as evidence: its ground part plus each blank neighbour as its matched pair (the
    // NEW node's index, on both sides) or as "unanchored". Strong keys have no unanchored part.
    struct Key {
        std::uint64_t value;
        bool strong;
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
            out.push_back({combine(combine(e.base, a), b), a != kUnanchored && b != kUnanchored});
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    const BlankStructure::Edge* owner(std::size_t node) const
    {
        for (const BlankStructure::Edge& e : m_structure.edges(node))
            if (e.ownerSubject != rdf::kNoTerm)
                return &e;
        return nullptr;
    }

    // The number of shared edges when OLD's node `o` and NEW's node `n` may be the same node: the
    // same owner (or an owner that replaced it) and more than half of the other edges shared.
    std::optional<std::size_t> similarity(
        std::size_t o, const std::vector<Key>& oldKeys, std::size_t n, const std::vector<Key>& newKeys) const
    {
        const std::size_t common = sharedCount(oldKeys, newKeys);
        const BlankStructure::Edge* oldOwner = owner(o);
        const BlankStructure::Edge* newOwner = owner(n);
        if (!oldOwner && !newOwner)
            return 2 * common > std::max(oldKeys.size(), newKeys.size()) ? std::optional(common) : std::nullopt;
        if (!oldOwner || !newOwner || oldOwner->ownerPredicate != newOwner->ownerPredicate)
            return std::nullopt;
        const bool sameOwner = oldOwner->ownerSubject == newOwner->ownerSubject;
        if (!sameOwner && !m_ownerReplaced(oldOwner->ownerSubject, newOwner->ownerSubject))
            return std::nullopt;
        const std::size_t rest = common - (sameOwner ? 1 : 0);
        return 2 * rest > std::max(oldKeys.size(), newKeys.size()) - 1 ? std::optional(common) : std::nullopt;
    }

    // Rounds of greedy matching: propose every pair that shares a strong key and more than half
    // of both nodes' edges, accept the best proposals whose nodes are both free, and repeat while
    // new pairs anchor more edges.
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
            std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> proposals; // score, old, new
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
                for (const std::size_t n : candidates) {
                    const auto& k = newKeys.at(n);
                    if (const auto score = similarity(o, oldKeys, n, k))
                        proposals.emplace_back(*score, o, n);
                }
            }
            std::sort(proposals.begin(), proposals.end(), [](const auto& a, const auto& b) {
                return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b) : a < b;
            });
            std::size_t accepted = 0;
            for (const auto& [score, o, n] : proposals) {
                if (unmatched(o) && unmatched(n)) {
                    pair(o, n);
                    ++accepted;
                }
            }
            m_statistics.matchedBySimilarity += accepted;
            if (accepted == 0)
                return;
        }
    }

    BlankStructure m_structure;
    const OwnerReplaced& m_ownerReplaced;
    std::vector<Side> m_side;
    std::vector<std::int32_t> m_partner;
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
