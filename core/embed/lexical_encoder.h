#pragma once
// Internal to the built-in embedder: the lexical half of a term's vector, fastText's hashing
// trick. A text's features are its words and the character n-grams (3 to 6) of each word wrapped
// in < >, each hashed to one of `dim` buckets with a hashed sign and weighted by its inverse
// document frequency over the terms the encoder was fitted on (unseen features weigh the most:
// rare is telling). A term's fields are encoded apart, normalised, weighted and summed, so a long
// definition cannot drown its label.

#include "evograph/embed/term_documents.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace evograph::embed {

// Scales v to the given length (a zero vector stays zero).
void scaleToLength(float* v, std::size_t dim, float length);

class LexicalEncoder {
public:
    explicit LexicalEncoder(std::size_t dim);

    // Learns the document frequencies of the features of `documents` (each counted once per document).
    void fit(std::span<const TermDocument> documents);

    std::size_t dim() const { return m_dim; }
    // Unit length (or zero for a text without features); written to `out` (dim() floats).
    void encodeText(std::string_view text, float* out) const;
    void encodeDocument(const TermDocument& document, float* out) const;

    // Features of a text (normalised words and their n-grams), as hashes.
    static void features(std::string_view text, std::vector<std::uint64_t>& into);

private:
    float idf(std::uint64_t feature) const;
    void accumulate(std::string_view text, float weight, float* out) const;

    std::size_t m_dim;
    std::unordered_map<std::uint64_t, std::uint32_t> m_documentFrequency;
    std::size_t m_documents = 0;
};

} // namespace evograph::embed
