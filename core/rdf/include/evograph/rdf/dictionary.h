#pragma once
// Interning dictionary: every distinct term is stored once and named by a TermId. Ids are
// dense (1..size()) so that graphs are plain arrays of integers and comparing two terms of the
// same dictionary is comparing two integers.
//
// Not thread-safe: one writer at a time (readers fill it, then it is shared read-only).

#include "evograph/rdf/term.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace evograph::rdf {

class Dictionary {
public:
    Dictionary();
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    TermId iri(std::string_view iri);
    // An empty datatype or xsd:string gives a simple literal; a language gives rdf:langString.
    TermId literal(std::string_view lexical, std::string_view datatype = {}, std::string_view language = {});
    // The blank node with this dictionary-wide label (readers give each document's labels fresh ones).
    TermId blank(std::string_view label);
    // A new blank node, labelled "b<N>" with N unused so far.
    TermId freshBlank();
    TermId intern(const TermView& term);

    // The id of an existing term, if any; never adds.
    std::optional<TermId> find(const TermView& term) const;
    std::optional<TermId> findIri(std::string_view iri) const { return find(TermView {TermKind::Iri, iri, {}, {}}); }

    TermView term(TermId id) const;
    TermKind kind(TermId id) const { return m_entries[id].kind; }
    bool isBlank(TermId id) const { return m_entries[id].kind == TermKind::Blank; }
    // A hash of the term's content, equal for equal terms in any Dictionary.
    std::uint64_t contentHash(TermId id) const { return m_entries[id].hash; }

    // Number of terms (the largest id).
    std::size_t size() const { return m_entries.size() - 1; }
    std::size_t memoryBytes() const;

private:
    struct Entry {
        const char* key = nullptr; // kind byte, 4-byte value length, value, tail
        std::uint32_t keyLength = 0;
        TermKind kind = TermKind::Iri;
        std::uint64_t hash = 0;
    };

    TermId internKey(std::string_view key, TermKind kind);
    std::optional<TermId> findKey(std::string_view key, std::uint64_t hash) const;
    const char* store(std::string_view bytes);
    void grow();

    std::vector<Entry> m_entries; // [0] is the unused "no term" entry
    std::vector<std::uint64_t> m_slots; // open addressing: hash tag and TermId, or 0
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char* m_blockCursor = nullptr;
    std::size_t m_blockFree = 0;
    std::size_t m_allocatedBytes = 0;
    std::uint64_t m_nextBlank = 1;
    std::string m_scratch;
};

} // namespace evograph::rdf
