#include "evograph/rdf/dictionary.h"

#include <cstring>
#include <functional>

namespace evograph::rdf {

namespace {
constexpr std::size_t kBlockSize = 1 << 20;
constexpr std::size_t kHeader = 5; // kind byte + 32-bit value length
constexpr char kTailLanguage = 'L';
constexpr char kTailDatatype = 'D';

std::uint64_t hashKey(std::string_view key)
{
    // Finalised so that the low bits (used for slots) depend on every input bit.
    std::uint64_t h = std::hash<std::string_view> {}(key);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

void encodeKey(std::string& out, TermKind kind, std::string_view value, char tailTag, std::string_view tail)
{
    out.clear();
    out.push_back(static_cast<char>(kind));
    const auto length = static_cast<std::uint32_t>(value.size());
    char lengthBytes[4];
    std::memcpy(lengthBytes, &length, 4);
    out.append(lengthBytes, 4);
    out.append(value);
    if (tailTag) {
        out.push_back(tailTag);
        out.append(tail);
    }
}

std::uint32_t valueLength(const char* key)
{
    std::uint32_t length = 0;
    std::memcpy(&length, key + 1, 4);
    return length;
}
} // namespace

Dictionary::Dictionary()
{
    m_entries.emplace_back();
    m_slots.assign(1024, 0);
}

namespace {
// A slot holds the term id in its low half and the top of the hash in its high half, so that
// probing rejects most non-matches without touching the entry (a cache miss) at all.
constexpr std::uint64_t slotFor(TermId id, std::uint64_t hash)
{
    return (hash & 0xFFFFFFFF00000000ULL) | id;
}
constexpr TermId slotId(std::uint64_t slot)
{
    return static_cast<TermId>(slot);
}
constexpr bool slotTagMatches(std::uint64_t slot, std::uint64_t hash)
{
    return (slot >> 32) == (hash >> 32);
}
} // namespace

TermId Dictionary::iri(std::string_view iri)
{
    encodeKey(m_scratch, TermKind::Iri, iri, 0, {});
    return internKey(m_scratch, TermKind::Iri);
}

// The one place that decides a term's key: a language tag wins, and xsd:string is the same as
// no datatype (a simple literal).
static void encodeTermKey(
    std::string& out, TermKind kind, std::string_view value, std::string_view datatype, std::string_view language)
{
    if (kind == TermKind::Literal && !language.empty())
        encodeKey(out, kind, value, kTailLanguage, language);
    else if (kind == TermKind::Literal && !datatype.empty() && datatype != vocab::xsdString)
        encodeKey(out, kind, value, kTailDatatype, datatype);
    else
        encodeKey(out, kind, value, 0, {});
}

TermId Dictionary::literal(std::string_view lexical, std::string_view datatype, std::string_view language)
{
    encodeTermKey(m_scratch, TermKind::Literal, lexical, datatype, language);
    return internKey(m_scratch, TermKind::Literal);
}

TermId Dictionary::blank(std::string_view label)
{
    encodeKey(m_scratch, TermKind::Blank, label, 0, {});
    return internKey(m_scratch, TermKind::Blank);
}

TermId Dictionary::freshBlank()
{
    for (;;) {
        const std::string label = "b" + std::to_string(m_nextBlank++);
        encodeKey(m_scratch, TermKind::Blank, label, 0, {});
        if (!findKey(m_scratch, hashKey(m_scratch)))
            return internKey(m_scratch, TermKind::Blank);
    }
}

TermId Dictionary::intern(const TermView& term)
{
    switch (term.kind) {
    case TermKind::Iri:
        return iri(term.value);
    case TermKind::Blank:
        return blank(term.value);
    case TermKind::Literal:
        return literal(term.value, term.language.empty() ? term.datatype : std::string_view {}, term.language);
    }
    return kNoTerm;
}

std::optional<TermId> Dictionary::find(const TermView& term) const
{
    std::string key;
    encodeTermKey(key, term.kind, term.value, term.datatype, term.language);
    return findKey(key, hashKey(key));
}

TermView Dictionary::term(TermId id) const
{
    const Entry& entry = m_entries[id];
    TermView view;
    view.kind = entry.kind;
    const std::uint32_t length = valueLength(entry.key);
    view.value = std::string_view(entry.key + kHeader, length);
    const std::size_t tailStart = kHeader + length;
    if (entry.kind == TermKind::Literal) {
        if (tailStart == entry.keyLength) {
            view.datatype = vocab::xsdString;
        } else if (entry.key[tailStart] == kTailLanguage) {
            view.language = std::string_view(entry.key + tailStart + 1, entry.keyLength - tailStart - 1);
            view.datatype = vocab::rdfLangString;
        } else {
            view.datatype = std::string_view(entry.key + tailStart + 1, entry.keyLength - tailStart - 1);
        }
    }
    return view;
}

std::optional<TermId> Dictionary::findKey(std::string_view key, std::uint64_t hash) const
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const TermId id = slotId(m_slots[slot]);
        if (id == kNoTerm)
            return std::nullopt;
        if (!slotTagMatches(m_slots[slot], hash))
            continue;
        const Entry& entry = m_entries[id];
        if (entry.hash == hash && entry.keyLength == key.size() && std::memcmp(entry.key, key.data(), key.size()) == 0)
            return id;
    }
}

TermId Dictionary::internKey(std::string_view key, TermKind kind)
{
    const std::uint64_t hash = hashKey(key);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t slot = hash & mask;
    for (;; slot = (slot + 1) & mask) {
        const TermId id = slotId(m_slots[slot]);
        if (id == kNoTerm)
            break;
        if (!slotTagMatches(m_slots[slot], hash))
            continue;
        const Entry& entry = m_entries[id];
        if (entry.hash == hash && entry.keyLength == key.size() && std::memcmp(entry.key, key.data(), key.size()) == 0)
            return id;
    }
    if (m_entries.size() >= 0xFFFFFFF0u)
        throw std::length_error("evograph: more than 4 billion distinct terms");
    const auto id = static_cast<TermId>(m_entries.size());
    m_entries.push_back(Entry {store(key), static_cast<std::uint32_t>(key.size()), kind, hash});
    m_slots[slot] = slotFor(id, hash);
    if (m_entries.size() * 10 > m_slots.size() * 7)
        grow();
    return id;
}

void Dictionary::grow()
{
    std::vector<std::uint64_t> slots(m_slots.size() * 2, 0);
    const std::size_t mask = slots.size() - 1;
    for (TermId id = 1; id < m_entries.size(); ++id) {
        std::size_t slot = m_entries[id].hash & mask;
        while (slots[slot] != 0)
            slot = (slot + 1) & mask;
        slots[slot] = slotFor(id, m_entries[id].hash);
    }
    m_slots = std::move(slots);
}

const char* Dictionary::store(std::string_view bytes)
{
    if (bytes.size() > kBlockSize / 16) { // large strings get a block of their own
        auto block = std::make_unique<char[]>(bytes.size());
        std::memcpy(block.get(), bytes.data(), bytes.size());
        const char* stored = block.get();
        m_blocks.push_back(std::move(block));
        m_allocatedBytes += bytes.size();
        return stored;
    }
    if (bytes.size() > m_blockFree) {
        m_blocks.push_back(std::make_unique<char[]>(kBlockSize));
        m_blockCursor = m_blocks.back().get();
        m_blockFree = kBlockSize;
        m_allocatedBytes += kBlockSize;
    }
    char* stored = m_blockCursor;
    std::memcpy(stored, bytes.data(), bytes.size());
    m_blockCursor += bytes.size();
    m_blockFree -= bytes.size();
    return stored;
}

std::size_t Dictionary::memoryBytes() const
{
    return m_entries.capacity() * sizeof(Entry) + m_slots.capacity() * sizeof(std::uint64_t) + m_allocatedBytes;
}

} // namespace evograph::rdf
