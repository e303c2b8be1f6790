#include "term_graph.h"

#include "evograph/analysis/rename_detection.h"
#include "evograph/engine/hashing.h"

#include <algorithm>
#include <unordered_set>

namespace evograph::embed {

std::uint32_t TermGraph::termNode(rdf::TermId term)
{
    const auto [it, added] = m_termNodes.emplace(term, static_cast<std::uint32_t>(m_building.size()));
    if (added)
        m_building.emplace_back();
    return it->second;
}

std::uint32_t TermGraph::wordNode(const std::string& word)
{
    const auto [it, added] = m_wordNodes.emplace(word, static_cast<std::uint32_t>(m_building.size()));
    if (added)
        m_building.emplace_back();
    return it->second;
}

std::uint32_t TermGraph::nodeOf(rdf::TermId term) const
{
    const auto found = m_termNodes.find(term);
    return found == m_termNodes.end() ? kNoNode : found->second;
}

void TermGraph::link(std::uint32_t a, std::uint32_t b)
{
    if (a == b)
        return;
    m_building[a].push_back(b);
    m_building[b].push_back(a);
}

void TermGraph::addOntology(const analysis::OntologyIndex& index, std::span<const TermDocument> documents)
{
    const rdf::Dataset& data = index.data();
    const rdf::Dictionary& dictionary = data.dictionary();
    const analysis::KnownTerms& terms = index.terms();
    const auto isTermNode
        = [&](rdf::TermId t) { return dictionary.kind(t) == rdf::TermKind::Iri && !terms.isLanguageTerm(t); };

    // Named terms inside the blank nodes below `blank` (restrictions, lists, axioms).
    std::vector<rdf::TermId> inside, stack;
    std::unordered_set<rdf::TermId> seen;
    const auto collectInside = [&](rdf::TermId blank) {
        inside.clear(), stack.assign(1, blank), seen.clear();
        while (!stack.empty() && seen.size() < 256) {
            const rdf::TermId b = stack.back();
            stack.pop_back();
            if (!seen.insert(b).second)
                continue;
            for (const rdf::Quad& q : data.withSubject(b)) {
                if (dictionary.isBlank(q.o))
                    stack.push_back(q.o);
                else if (isTermNode(q.o))
                    inside.push_back(q.o);
            }
        }
    };

    for (const TermDocument& d : documents) {
        const std::uint32_t node = termNode(d.iri);
        for (const rdf::Quad& q : data.withSubject(d.iri)) {
            if (terms.isVersionInfo(q.p))
                continue;
            if (isTermNode(q.o)) {
                link(node, termNode(q.o));
            } else if (dictionary.isBlank(q.o)) {
                collectInside(q.o);
                for (const rdf::TermId t : inside)
                    link(node, termNode(t));
            }
        }
        const std::string words = analysis::normalizeText(d.label.empty() ? d.localNameWords : d.label);
        std::size_t start = 0;
        while (start < words.size()) {
            std::size_t end = words.find(' ', start);
            if (end == std::string::npos)
                end = words.size();
            if (end - start >= 3)
                link(node, wordNode(words.substr(start, end - start)));
            start = end + 1;
        }
    }
}

void TermGraph::finish()
{
    m_offsets.assign(1, 0);
    for (std::vector<std::uint32_t>& list : m_building) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        m_links.insert(m_links.end(), list.begin(), list.end());
        m_offsets.push_back(m_links.size());
        std::vector<std::uint32_t>().swap(list);
    }
    m_building.clear();
}

std::vector<std::uint32_t> TermGraph::walks(unsigned walksPerNode, unsigned length, std::uint64_t seed) const
{
    std::vector<std::uint32_t> out;
    out.reserve(size() * walksPerNode * length);
    for (std::uint32_t start = 0; start < size(); ++start) {
        if (neighbours(start).empty())
            continue;
        for (unsigned w = 0; w < walksPerNode; ++w) {
            std::uint64_t random = engine::combine(engine::combine(seed, start), w);
            std::uint32_t at = start;
            for (unsigned step = 0; step < length; ++step) {
                out.push_back(at);
                const std::span<const std::uint32_t> next
                    = at == kNoNode ? std::span<const std::uint32_t>() : neighbours(at);
                if (next.empty()) {
                    at = kNoNode;
                    continue;
                }
                random = engine::mix(random + 0x9e3779b97f4a7c15ULL);
                at = next[random % next.size()];
            }
        }
    }
    return out;
}

} // namespace evograph::embed
