#pragma once
// Small random edits around blank nodes, for the property that a diff stays as small as the edit:
// drop or add k statements that touch a blank node, then give every blank node a fresh label so
// that the diff must pair blank nodes by their content, never by their labels. Shared by the
// corpus property test and bench/blank_diff_property.
#include "evograph/rdf/dataset.h"

#include <algorithm>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace evograph::test {

enum class Edit { Drop, Add };

// A copy of `data` (over the same dictionary) with k statements touching blank nodes dropped or
// added, and every blank node relabelled. `data` must be finalized and hold at least k such
// statements (for Drop).
inline rdf::Dataset editAroundBlanks(const rdf::Dataset& data, Edit edit, std::size_t k, std::uint32_t seed)
{
    rdf::Dictionary& dictionary = *data.sharedDictionary();
    std::mt19937 random(seed);
    std::vector<rdf::Quad> quads(data.quads().begin(), data.quads().end());
    std::vector<std::size_t> touching;
    std::vector<rdf::TermId> blanks, predicates, grounds;
    for (std::size_t i = 0; i < quads.size(); ++i) {
        const rdf::Quad& q = quads[i];
        const bool s = dictionary.isBlank(q.s), o = dictionary.isBlank(q.o);
        if (s || o) {
            touching.push_back(i);
            predicates.push_back(q.p);
        }
        if (s)
            blanks.push_back(q.s);
        if (!o)
            grounds.push_back(q.o);
    }
    auto pick = [&](const std::vector<rdf::TermId>& from) {
        return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
    };
    if (edit == Edit::Drop) {
        std::shuffle(touching.begin(), touching.end(), random);
        touching.resize(std::min(k, touching.size()));
        std::sort(touching.begin(), touching.end());
        for (auto it = touching.rbegin(); it != touching.rend(); ++it)
            quads.erase(quads.begin() + static_cast<std::ptrdiff_t>(*it));
    } else {
        std::vector<rdf::Quad> sorted = quads;
        std::size_t added = 0;
        while (added < k) {
            // A new value on a blank node, mostly; now and then a link between two of them.
            const bool link = std::uniform_int_distribution<int>(0, 3)(random) == 0;
            const rdf::Quad q {pick(blanks), pick(predicates), link ? pick(blanks) : pick(grounds), rdf::kNoTerm};
            if (q.s == q.o || std::binary_search(sorted.begin(), sorted.end(), q))
                continue;
            quads.push_back(q);
            sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), q), q);
            ++added;
        }
    }
    std::unordered_map<rdf::TermId, rdf::TermId> relabelled;
    auto fresh = [&](rdf::TermId t) {
        if (t == rdf::kNoTerm || !dictionary.isBlank(t))
            return t;
        auto [it, inserted] = relabelled.try_emplace(t, rdf::kNoTerm);
        if (inserted)
            it->second = dictionary.blank(
                "e" + std::to_string(seed) + "k" + std::to_string(k) + "x" + std::to_string(relabelled.size()));
        return it->second;
    };
    rdf::Dataset out(data.sharedDictionary());
    out.reserve(quads.size());
    for (const rdf::Quad& q : quads)
        out.add({fresh(q.s), q.p, fresh(q.o), fresh(q.g)});
    out.finalize();
    return out;
}

} // namespace evograph::test
