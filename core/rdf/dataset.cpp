#include "evograph/rdf/dataset.h"

#include <algorithm>
#include <thread>

namespace evograph::rdf {

Dataset::Dataset(std::shared_ptr<Dictionary> dictionary)
    : m_dictionary(std::move(dictionary))
{
}

void Dataset::finalize()
{
    if (m_sorted)
        return;
    // Large datasets sort their two halves on two threads and merge: sorting is a good share of
    // reading a big file, and the reader has only one thread of its own.
    constexpr std::size_t kParallelFrom = 200'000;
    if (m_quads.size() >= kParallelFrom && std::thread::hardware_concurrency() > 1) {
        const auto middle = m_quads.begin() + static_cast<std::ptrdiff_t>(m_quads.size() / 2);
        std::thread lower([&] { std::sort(m_quads.begin(), middle); });
        std::sort(middle, m_quads.end());
        lower.join();
        std::inplace_merge(m_quads.begin(), middle, m_quads.end());
    } else {
        std::sort(m_quads.begin(), m_quads.end());
    }
    m_quads.erase(std::unique(m_quads.begin(), m_quads.end()), m_quads.end());
    m_sorted = true;
}

bool Dataset::isGraph() const
{
    return std::all_of(m_quads.begin(), m_quads.end(), [](const Quad& q) { return q.g == kNoTerm; });
}

std::span<const Quad> Dataset::withSubject(TermId subject) const
{
    const auto begin
        = std::lower_bound(m_quads.begin(), m_quads.end(), subject, [](const Quad& q, TermId s) { return q.s < s; });
    auto end = begin;
    while (end != m_quads.end() && end->s == subject)
        ++end;
    return {begin, end};
}

Dataset copyInto(const Dataset& from, std::shared_ptr<Dictionary> into)
{
    Dataset copy(std::move(into));
    std::vector<TermId> mapped(from.dictionary().size() + 1, kNoTerm);
    const auto map = [&](TermId id) {
        if (id == kNoTerm)
            return kNoTerm;
        TermId& to = mapped[id];
        if (to == kNoTerm)
            to = from.dictionary().isBlank(id) ? copy.dictionary().freshBlank()
                                               : copy.dictionary().intern(from.dictionary().term(id));
        return to;
    };
    copy.reserve(from.size());
    for (const Quad& q : from.quads())
        copy.add({map(q.s), map(q.p), map(q.o), map(q.g)});
    copy.finalize();
    copy.prefixes() = from.prefixes();
    copy.setBaseIri(from.baseIri());
    return copy;
}

} // namespace evograph::rdf
