#include "blank_components.h"

#include "evograph/engine/sorted_merge.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace evograph::diff::detail {

namespace {
constexpr std::size_t kCommonBase = 64; // a ground edge more components have says nothing of which one this is

std::size_t root(std::vector<std::size_t>& parent, std::size_t i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}
} // namespace

BlankComponents::BlankComponents(const BlankStructure& structure)
    : m_structure(structure)
    , m_component(structure.size())
{
    std::vector<std::size_t> parent(structure.size());
    std::iota(parent.begin(), parent.end(), std::size_t {0});
    for (std::size_t i = 0; i < structure.size(); ++i)
        for (const BlankStructure::Edge& e : structure.edges(i))
            for (const std::int32_t n : {e.first, e.second})
                if (n != BlankStructure::kNone)
                    parent[root(parent, i)] = root(parent, static_cast<std::size_t>(n));
    std::unordered_map<std::size_t, std::size_t> numbers;
    for (std::size_t i = 0; i < structure.size(); ++i)
        m_component[i] = numbers.try_emplace(root(parent, i), numbers.size()).first->second;
    m_hasRelation.assign(numbers.size(), false);
}

void BlankComponents::add(std::size_t a, std::size_t b)
{
    m_related.insert(key(a, b));
    m_hasRelation[a] = m_hasRelation[b] = true;
}

void BlankComponents::relate(const std::vector<std::int32_t>& partner, const std::vector<bool>& old)
{
    const std::size_t count = m_hasRelation.size();
    std::vector<bool> isOld(count, false), open(count, false);
    for (std::size_t i = 0; i < partner.size(); ++i) {
        isOld[m_component[i]] = isOld[m_component[i]] || old[i];
        if (partner[i] == BlankStructure::kNone)
            open[m_component[i]] = true;
        else if (old[i])
            add(m_component[i], m_component[static_cast<std::size_t>(partner[i])]);
    }

    // Components with nodes left to pair, by the multiset of their ground edges; each relates to
    // its best match on the other side.
    std::unordered_map<std::size_t, std::vector<std::uint64_t>> bases;
    for (std::size_t i = 0; i < partner.size(); ++i)
        if (open[m_component[i]])
            for (const BlankStructure::Edge& e : m_structure.edges(i))
                bases[m_component[i]].push_back(e.base);
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> byBase[2]; // NEW's, OLD's
    for (auto& [c, list] : bases) {
        std::sort(list.begin(), list.end());
        for (std::size_t k = 0; k < list.size(); ++k)
            if (k == 0 || list[k] != list[k - 1])
                byBase[isOld[c]][list[k]].push_back(c);
    }
    for (const auto& [c, list] : bases) {
        std::vector<std::size_t> candidates;
        for (const std::uint64_t base : list)
            if (const auto it = byBase[!isOld[c]].find(base);
                it != byBase[!isOld[c]].end() && it->second.size() <= kCommonBase)
                candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        std::size_t best = 0;
        std::vector<std::size_t> winners;
        for (const std::size_t other : candidates) {
            const std::size_t shared = engine::sharedCount(list, bases.at(other));
            if (shared > best)
                best = shared, winners.assign(1, other);
            else if (shared == best && shared > 0)
                winners.push_back(other);
        }
        for (const std::size_t other : winners)
            isOld[c] ? add(c, other) : add(other, c);
    }
}

} // namespace evograph::diff::detail
