#include "evograph/diff/blank_node_labels.h"

#include "blank_structure.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace evograph::diff {

namespace {
std::string label(detail::Colour colour)
{
    char text[24];
    std::snprintf(text, sizeof text, "b%016llx", static_cast<unsigned long long>(colour));
    return text;
}

// The smallest class of tied nodes, by (size, colour); empty when all colours are distinct.
std::vector<std::size_t> smallestTie(const std::vector<detail::Colour>& colours)
{
    std::map<detail::Colour, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < colours.size(); ++i)
        members[colours[i]].push_back(i);
    const std::vector<std::size_t>* best = nullptr;
    for (const auto& [colour, nodes] : members)
        if (nodes.size() > 1 && (!best || nodes.size() < best->size()))
            best = &nodes;
    return best ? *best : std::vector<std::size_t> {};
}
} // namespace

BlankLabelMap contentLabels(const rdf::Dataset& dataset, const engine::CancellationToken& cancel)
{
    const detail::BlankStructure structure(dataset.dictionary(), {dataset.quads()});
    std::vector<detail::Colour> colours = structure.initialColours();
    structure.refine(colours, cancel);
    for (int round = 0; round < kMaxIndividualisations; ++round) {
        const std::vector<std::size_t> tie = smallestTie(colours);
        if (tie.empty())
            break;
        // Any member will do when the tie is an orbit of automorphisms; take the first read.
        colours[tie.front()] = detail::combine(colours[tie.front()], 0x1d1d1d1d + round);
        structure.refine(colours, cancel);
    }
    BlankLabelMap labels;
    labels.reserve(structure.size());
    std::map<detail::Colour, int> seen; // ties left after the individualisations: numbered in reading order
    for (std::size_t i = 0; i < structure.size(); ++i) {
        const int n = seen[colours[i]]++;
        labels.emplace(structure.node(i), n == 0 ? label(colours[i]) : label(colours[i]) + "-" + std::to_string(n));
    }
    return labels;
}

} // namespace evograph::diff
