#pragma once
// Internal to the built-in embedder: the graph its random walks run on, in the spirit of
// RDF2Vec / OWL2Vec*. Nodes are the ontologies' terms and the words of their labels; an edge
// joins a term to every named term one statement away (rdfs:subClassOf, domain and range,
// equivalences, instance links, annotations pointing at terms) and to the named terms inside its
// blank nodes (restrictions, lists), and a term to each word of its label. The language's own
// terms (owl:Class, rdfs:subClassOf, ...) are left out: they join everything and tell nothing.
//
// Several ontologies over one Dictionary go into one graph: a term they share is one node, and so
// is a word they share, which is what puts two versions or two vocabularies into one space.

#include "evograph/embed/term_documents.h"

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace evograph::embed {

class TermGraph {
public:
    static constexpr std::uint32_t kNoNode = UINT32_MAX;

    void addOntology(const analysis::OntologyIndex& index, std::span<const TermDocument> documents);
    // Call once after the last addOntology.
    void finish();

    std::size_t size() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }
    std::uint32_t nodeOf(rdf::TermId term) const;
    std::span<const std::uint32_t> neighbours(std::uint32_t node) const
    {
        return {m_links.data() + m_offsets[node], m_offsets[node + 1] - m_offsets[node]};
    }

    // `walksPerNode` walks of up to `length` nodes from every node with a neighbour, flattened,
    // each padded with kNoNode to `length`. Deterministic for the seed.
    std::vector<std::uint32_t> walks(unsigned walksPerNode, unsigned length, std::uint64_t seed) const;

private:
    std::uint32_t termNode(rdf::TermId term);
    std::uint32_t wordNode(const std::string& word);
    void link(std::uint32_t a, std::uint32_t b);

    std::unordered_map<rdf::TermId, std::uint32_t> m_termNodes;
    std::unordered_map<std::string, std::uint32_t> m_wordNodes;
    std::vector<std::vector<std::uint32_t>> m_building;
    std::vector<std::size_t> m_offsets; // CSR, after finish()
    std::vector<std::uint32_t> m_links;
};

} // namespace evograph::embed
