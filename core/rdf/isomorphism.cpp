#include "evograph/rdf/isomorphism.h"

#include "evograph/engine/hashing.h"
#include "evograph/error.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace evograph::rdf {

namespace {
// A quad in a shared encoding: ground terms as ids of the first dataset's dictionary
// (positive), blank nodes as -(local index + 1), the default graph as 0.
using Encoded = std::array<std::int64_t, 4>;

using engine::mix;

struct Side {
    std::vector<Encoded> ground;
    std::vector<Encoded> withBlanks;
    std::vector<std::vector<std::uint32_t>> incident; // per blank node: indexes into withBlanks
};

// Encodes `dataset` against `reference`'s dictionary; nullopt when a ground term of `dataset`
// does not exist there (then the two cannot be isomorphic).
std::optional<Side> encode(const Dataset& dataset, const Dictionary& reference)
{
    const Dictionary& own = dataset.dictionary();
    const bool shared = &own == &reference;
    std::unordered_map<TermId, std::int64_t> translated;
    std::unordered_map<TermId, std::int64_t> blanks;
    Side side;
    auto code = [&](TermId id) -> std::optional<std::int64_t> {
        if (id == kNoTerm)
            return 0;
        if (own.isBlank(id)) {
            auto [it, inserted] = blanks.try_emplace(id, -static_cast<std::int64_t>(blanks.size()) - 1);
            return it->second;
        }
        if (shared)
            return id;
        if (auto it = translated.find(id); it != translated.end())
            return it->second;
        const auto found = reference.find(own.term(id));
        if (!found)
            return std::nullopt;
        return translated[id] = *found;
    };
    for (const Quad& quad : dataset.quads()) {
        Encoded e {};
        const TermId terms[4] = {quad.s, quad.p, quad.o, quad.g};
        bool blank = false;
        for (int k = 0; k < 4; ++k) {
            const auto c = code(terms[k]);
            if (!c)
                return std::nullopt;
            e[k] = *c;
            blank |= *c < 0;
        }
        (blank ? side.withBlanks : side.ground).push_back(e);
    }
    side.incident.resize(blanks.size());
    for (std::uint32_t i = 0; i < side.withBlanks.size(); ++i) {
        const Encoded& e = side.withBlanks[i];
        for (int k = 0; k < 4; ++k) {
            if (e[k] < 0 && (k == 0 || e[k] != e[0]) && (k < 2 || e[k] != e[1]) && (k < 3 || e[k] != e[2]))
                side.incident[static_cast<std::size_t>(-e[k] - 1)].push_back(i);
        }
    }
    return side;
}

using Colours = std::vector<std::uint64_t>;

// One refinement round: a blank node's new colour hashes its colour with the multiset of its
// quads as seen from it (ground terms by id, other blank nodes by colour, itself as "self").
Colours refineOnce(const Side& side, const Colours& colours)
{
    Colours next(colours.size());
    for (std::size_t b = 0; b < colours.size(); ++b) {
        const std::int64_t self = -static_cast<std::int64_t>(b) - 1;
        std::uint64_t sum = 0;
        for (const std::uint32_t qi : side.incident[b]) {
            const Encoded& e = side.withBlanks[qi];
            std::uint64_t h = 0x9e3779b97f4a7c15ULL;
            for (int k = 0; k < 4; ++k) {
                std::uint64_t part;
                if (e[k] == self)
                    part = 0x5e1f5e1f5e1fULL;
                else if (e[k] < 0)
                    part = colours[static_cast<std::size_t>(-e[k] - 1)];
                else
                    part = static_cast<std::uint64_t>(e[k]) * 0x100000001b3ULL;
                h = mix(h ^ (part + static_cast<std::uint64_t>(k)));
            }
            sum += mix(h); // commutative: the order of a node's quads does not matter
        }
        next[b] = mix(colours[b] ^ mix(sum));
    }
    return next;
}

std::size_t distinct(const Colours& colours)
{
    return std::unordered_set<std::uint64_t>(colours.begin(), colours.end()).size();
}

// Refines both sides with the same function until the partition stops getting finer.
void refine(const Side& a, const Side& b, Colours& ca, Colours& cb)
{
    std::size_t classes = distinct(ca);
    for (;;) {
        Colours na = refineOnce(a, ca);
        Colours nb = refineOnce(b, cb);
        const std::size_t next = distinct(na);
        ca = std::move(na);
        cb = std::move(nb);
        if (next <= classes)
            return;
        classes = next;
    }
}

bool sameMultiset(Colours x, Colours y)
{
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return x == y;
}

// With every colour unique, the colours define the bijection: check it maps a onto b.
bool mappingWorks(const Side& a, const Side& b, const Colours& ca, const Colours& cb)
{
    std::unordered_map<std::uint64_t, std::int64_t> byColour;
    for (std::size_t i = 0; i < cb.size(); ++i)
        byColour[cb[i]] = -static_cast<std::int64_t>(i) - 1;
    std::vector<Encoded> mapped = a.withBlanks;
    for (Encoded& e : mapped) {
        for (auto& term : e) {
            if (term < 0)
                term = byColour.at(ca[static_cast<std::size_t>(-term - 1)]);
        }
    }
    std::vector<Encoded> target = b.withBlanks;
    std::sort(mapped.begin(), mapped.end());
    std::sort(target.begin(), target.end());
    return mapped == target;
}

bool search(const Side& a, const Side& b, Colours ca, Colours cb, std::uint64_t& work, std::uint64_t limit)
{
    if (++work > limit)
        throw Error("isomorphism check gave up: the blank-node structure is too symmetric");
    refine(a, b, ca, cb);
    if (!sameMultiset(ca, cb))
        return false;
    // Find the smallest class with more than one member.
    std::unordered_map<std::uint64_t, std::size_t> sizes;
    for (const auto c : ca)
        ++sizes[c];
    std::optional<std::uint64_t> tied;
    std::size_t best = 0;
    for (const auto& [colour, size] : sizes) {
        if (size > 1 && (!tied || size < best || (size == best && colour < *tied)))
            tied = colour, best = size;
    }
    if (!tied)
        return mappingWorks(a, b, ca, cb);
    const std::size_t x = static_cast<std::size_t>(std::find(ca.begin(), ca.end(), *tied) - ca.begin());
    const std::uint64_t marked = mix(*tied ^ 0xabcdef0123456789ULL);
    for (std::size_t y = 0; y < cb.size(); ++y) {
        if (cb[y] != *tied)
            continue;
        Colours na = ca, nb = cb;
        na[x] = marked;
        nb[y] = marked;
        if (search(a, b, std::move(na), std::move(nb), work, limit))
            return true;
    }
    return false;
}
} // namespace

bool isIsomorphic(const Dataset& a, const Dataset& b, std::uint64_t workLimit)
{
    if (a.size() != b.size())
        return false;
    auto sa = encode(a, a.dictionary());
    auto sb = encode(b, a.dictionary());
    if (!sa || !sb)
        return false;
    if (sa->incident.size() != sb->incident.size() || sa->withBlanks.size() != sb->withBlanks.size())
        return false;
    std::sort(sa->ground.begin(), sa->ground.end());
    std::sort(sb->ground.begin(), sb->ground.end());
    if (sa->ground != sb->ground)
        return false;
    std::uint64_t work = 0;
    return search(*sa, *sb, Colours(sa->incident.size(), 1), Colours(sb->incident.size(), 1), work, workLimit);
}

} // namespace evograph::rdf
