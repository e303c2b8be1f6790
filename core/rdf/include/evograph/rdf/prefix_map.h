#pragma once
// Namespace prefixes in declaration order (a later declaration of the same prefix wins),
// used to expand prefixed names while reading and to abbreviate IRIs for display.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace evograph::rdf {

class PrefixMap {
public:
    void set(std::string prefix, std::string iri);
    void remove(std::string_view prefix);
    std::optional<std::string_view> iriFor(std::string_view prefix) const;
    // "prefix:local" for the longest namespace that `iri` starts with and whose local part is a
    // valid Turtle PN_LOCAL without escapes; nullopt otherwise.
    std::optional<std::string> abbreviate(std::string_view iri) const;

    const std::vector<std::pair<std::string, std::string>>& entries() const { return m_entries; }
    bool empty() const { return m_entries.empty(); }
    std::size_t size() const { return m_entries.size(); }

private:
    std::vector<std::pair<std::string, std::string>> m_entries;
};

// True when `local` can be written after "prefix:" in Turtle without escaping.
bool isPlainLocalName(std::string_view local);

} // namespace evograph::rdf
