#include "lexical_encoder.h"

#include "evograph/analysis/rename_detection.h"
#include "evograph/engine/hashing.h"
#include "evograph/vector/kernels.h"

#include <cmath>
#include <unordered_set>

namespace evograph::embed {

namespace {
constexpr std::size_t kMinGram = 3, kMaxGram = 6;
// How much each field of a term counts (the label most; the definition only colours).
constexpr float kLabelWeight = 1.0f, kSynonymWeight = 0.6f, kLocalNameWeight = 0.8f, kDefinitionWeight = 0.35f;

std::uint64_t hashBytes(std::string_view bytes, std::uint64_t salt)
{
    std::uint64_t h = 0xcbf29ce484222325ULL ^ salt;
    for (const char c : bytes)
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return engine::mix(h);
}

void normalize(float* v, std::size_t dim)
{
    scaleToLength(v, dim, 1.0f);
}
} // namespace

void scaleToLength(float* v, std::size_t dim, float length)
{
    const float squared = vector::dot(v, v, dim);
    const float scale = squared > 0 ? length / std::sqrt(squared) : 0.0f;
    for (std::size_t i = 0; i < dim; ++i)
        v[i] *= scale;
}

LexicalEncoder::LexicalEncoder(std::size_t dim)
    : m_dim(dim)
{
}

void LexicalEncoder::features(std::string_view text, std::vector<std::uint64_t>& into)
{
    const std::string normalised = analysis::normalizeText(text);
    std::size_t start = 0;
    while (start < normalised.size()) {
        std::size_t end = normalised.find(' ', start);
        if (end == std::string::npos)
            end = normalised.size();
        const std::string_view word(normalised.data() + start, end - start);
        into.push_back(hashBytes(word, 1)); // the whole word
        const std::string wrapped = "<" + std::string(word) + ">";
        for (std::size_t n = kMinGram; n <= kMaxGram && n <= wrapped.size(); ++n)
            for (std::size_t i = 0; i + n <= wrapped.size(); ++i)
                into.push_back(hashBytes(std::string_view(wrapped).substr(i, n), 2));
        start = end + 1;
    }
}

void LexicalEncoder::fit(std::span<const TermDocument> documents)
{
    std::vector<std::uint64_t> all;
    for (const TermDocument& d : documents) {
        all.clear();
        features(d.label, all);
        features(d.localNameWords, all);
        for (const std::string& s : d.synonyms)
            features(s, all);
        features(d.definition, all);
        const std::unordered_set<std::uint64_t> distinct(all.begin(), all.end());
        for (const std::uint64_t f : distinct)
            ++m_documentFrequency[f];
        ++m_documents;
    }
}

float LexicalEncoder::idf(std::uint64_t feature) const
{
    const auto found = m_documentFrequency.find(feature);
    const double df = found == m_documentFrequency.end() ? 0 : found->second;
    return static_cast<float>(std::log((static_cast<double>(m_documents) + 1) / (df + 1)) + 1);
}

void LexicalEncoder::accumulate(std::string_view text, float weight, float* out) const
{
    if (text.empty() || weight == 0)
        return;
    std::vector<std::uint64_t> fs;
    features(text, fs);
    std::vector<float> field(m_dim, 0.0f);
    for (const std::uint64_t f : fs) {
        const float sign = (f >> 63) ? -1.0f : 1.0f;
        field[(f >> 1) % m_dim] += sign * idf(f);
    }
    normalize(field.data(), m_dim);
    for (std::size_t i = 0; i < m_dim; ++i)
        out[i] += weight * field[i];
}

void LexicalEncoder::encodeText(std::string_view text, float* out) const
{
    std::fill(out, out + m_dim, 0.0f);
    accumulate(text, 1.0f, out);
    normalize(out, m_dim);
}

void LexicalEncoder::encodeDocument(const TermDocument& d, float* out) const
{
    std::fill(out, out + m_dim, 0.0f);
    accumulate(d.label, kLabelWeight, out);
    accumulate(d.localNameWords, d.label.empty() ? kLabelWeight : kLocalNameWeight, out);
    if (!d.synonyms.empty()) {
        std::string all;
        for (const std::string& s : d.synonyms)
            all += s + " ";
        accumulate(all, kSynonymWeight, out);
    }
    accumulate(d.definition, kDefinitionWeight, out);
    normalize(out, m_dim);
}

} // namespace evograph::embed
