#pragma once
// A set of quads over a shared Dictionary. A graph is a dataset whose quads are all in the
// default graph (g == kNoTerm). Quads are kept as plain integer tuples; after finalize() they are
// sorted (s, p, o, g) and unique, so per-subject ranges are contiguous and two datasets over the
// same dictionary can be merged or diffed with linear scans.

#include "evograph/rdf/dictionary.h"
#include "evograph/rdf/prefix_map.h"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace evograph::rdf {

struct Quad {
    TermId s = kNoTerm;
    TermId p = kNoTerm;
    TermId o = kNoTerm;
    TermId g = kNoTerm; // kNoTerm: the default graph

    friend bool operator==(const Quad&, const Quad&) = default;
    friend auto operator<=>(const Quad&, const Quad&) = default;
};

class Dataset {
public:
    explicit Dataset(std::shared_ptr<Dictionary> dictionary = std::make_shared<Dictionary>());

    Dictionary& dictionary() { return *m_dictionary; }
    const Dictionary& dictionary() const { return *m_dictionary; }
    const std::shared_ptr<Dictionary>& sharedDictionary() const { return m_dictionary; }

    void add(const Quad& quad) { m_quads.push_back(quad), m_sorted = false; }
    void reserve(std::size_t quads) { m_quads.reserve(quads); }
    // Sorts and removes duplicates. Cheap when nothing was added since the last call.
    void finalize();
    // Replaces every quad; `quads` must be sorted and unique (the dataset stays finalized).
    void assignSorted(std::vector<Quad> quads) { m_quads = std::move(quads), m_sorted = true; }

    // All quads; sorted and unique once finalize() ran.
    std::span<const Quad> quads() const { return m_quads; }
    std::size_t size() const { return m_quads.size(); }
    bool empty() const { return m_quads.empty(); }
    bool isFinalized() const { return m_sorted; }
    // True when every quad is in the default graph.
    bool isGraph() const;
    // Quads with this subject (requires finalize()).
    std::span<const Quad> withSubject(TermId subject) const;

    // Kept for display and writing; they do not change the RDF meaning.
    PrefixMap& prefixes() { return m_prefixes; }
    const PrefixMap& prefixes() const { return m_prefixes; }
    const std::string& baseIri() const { return m_baseIri; }
    void setBaseIri(std::string base) { m_baseIri = std::move(base); }

    std::size_t memoryBytes() const { return m_quads.capacity() * sizeof(Quad); }

private:
    std::shared_ptr<Dictionary> m_dictionary;
    std::vector<Quad> m_quads;
    bool m_sorted = true;
    PrefixMap m_prefixes;
    std::string m_baseIri;
};

// FROM's quads with their terms interned in INTO (another Dictionary), finalized; blank nodes get
// fresh labels there (as a reader gives them), prefixes and base are kept. For putting datasets read apart into one
// Dictionary (a joint embedding, say).
Dataset copyInto(const Dataset& from, std::shared_ptr<Dictionary> into);

} // namespace evograph::rdf
