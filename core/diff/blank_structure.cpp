#include "blank_structure.h"

#include <algorithm>

namespace evograph::diff::detail {

namespace {
// Position markers: which place of the quad the node itself holds, and stand-ins for the other
// places when they hold the node again or another blank node.
constexpr std::uint64_t kAsSubject = 0x51, kAsObject = 0x52, kAsGraph = 0x53;
constexpr std::uint64_t kSelf = 0x5e1f, kBlank = 0xb1a2, kDefaultGraph = 0xdef9;
} // namespace

BlankStructure::BlankStructure(
    const rdf::Dictionary& dictionary, std::initializer_list<std::span<const rdf::Quad>> quadLists)
    : m_dictionary(dictionary)
{
    auto local = [&](rdf::TermId t) {
        auto [it, added] = m_index.try_emplace(t, static_cast<std::int32_t>(m_nodes.size()));
        if (added) {
            m_nodes.push_back(t);
            m_edges.emplace_back();
        }
        return it->second;
    };
    for (const auto quads : quadLists) {
        for (const rdf::Quad& q : quads) {
            const bool s = dictionary.isBlank(q.s), o = dictionary.isBlank(q.o);
            const bool g = q.g != rdf::kNoTerm && dictionary.isBlank(q.g);
            if (!s && !o && !g)
                continue;
            const rdf::TermId places[3] = {q.s, q.o, q.g};
            const std::uint64_t markers[3] = {kAsSubject, kAsObject, kAsGraph};
            for (int self = 0; self < 3; ++self) {
                const rdf::TermId me = places[self];
                if (me == rdf::kNoTerm || !dictionary.isBlank(me))
                    continue;
                if (self > 0 && places[self] == places[0])
                    continue; // the same node twice in one quad: one edge, seen from the first place
                if (self == 2 && places[2] == places[1])
                    continue;
                Edge edge {combine(markers[self], dictionary.contentHash(q.p))};
                for (int other = 0; other < 3; ++other) {
                    if (other == self)
                        continue;
                    const rdf::TermId t = places[other];
                    std::uint64_t part;
                    if (t == rdf::kNoTerm)
                        part = kDefaultGraph;
                    else if (t == me)
                        part = kSelf;
                    else if (dictionary.isBlank(t)) {
                        part = kBlank;
                        (edge.first == kNone ? edge.first : edge.second) = local(t);
                    } else
                        part = dictionary.contentHash(t);
                    edge.base = combine(edge.base, combine(other, part));
                }
                if (self == 1 && !s) {
                    edge.ownerSubject = q.s;
                    edge.ownerPredicate = q.p;
                } else if (self == 1 && q.s != q.o) {
                    edge.parent = local(q.s);
                }
                m_edges[local(me)].push_back(edge);
            }
        }
    }
}

std::int32_t BlankStructure::indexOf(rdf::TermId node) const
{
    const auto it = m_index.find(node);
    return it == m_index.end() ? kNone : it->second;
}

std::vector<Colour> BlankStructure::initialColours() const
{
    std::vector<Colour> colours(m_nodes.size());
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        std::uint64_t sum = 0; // a multiset hash: the order of edges does not matter
        for (const Edge& e : m_edges[i])
            sum += mix(e.base);
        colours[i] = mix(sum ^ m_edges[i].size());
    }
    return colours;
}

std::size_t distinctCount(std::vector<Colour> colours)
{
    std::sort(colours.begin(), colours.end());
    return static_cast<std::size_t>(std::unique(colours.begin(), colours.end()) - colours.begin());
}

void BlankStructure::refine(std::vector<Colour>& colours, const engine::CancellationToken& cancel) const
{
    std::size_t classes = distinctCount(colours);
    std::vector<Colour> next(colours.size());
    while (classes < colours.size()) {
        cancel.checkpoint();
        for (std::size_t i = 0; i < colours.size(); ++i) {
            std::uint64_t sum = 0;
            for (const Edge& e : m_edges[i]) {
                std::uint64_t h = e.base;
                if (e.first != kNone)
                    h = combine(h, colours[e.first]);
                if (e.second != kNone)
                    h = combine(h, colours[e.second]);
                sum += mix(h);
            }
            next[i] = combine(colours[i], sum);
        }
        const std::size_t refined = distinctCount(next);
        if (refined == classes)
            return; // stable: `colours` already holds the coarsest equitable partition's colours
        colours.swap(next);
        classes = refined;
    }
}

} // namespace evograph::diff::detail
