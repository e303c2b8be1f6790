#include "evograph/rdf/dataset.h"

#include <algorithm>

namespace evograph::rdf {

Dataset::Dataset(std::shared_ptr<Dictionary> dictionary)
    : m_dictionary(std::move(dictionary))
{
}

void Dataset::finalize()
{
    if (m_sorted)
        return;
    std::sort(m_quads.begin(), m_quads.end());
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

} // namespace evograph::rdf
