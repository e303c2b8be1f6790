#include "evograph/rdf/prefix_map.h"

namespace evograph::rdf {

void PrefixMap::set(std::string prefix, std::string iri)
{
    for (auto& [name, value] : m_entries) {
        if (name == prefix) {
            value = std::move(iri);
            return;
        }
    }
    m_entries.emplace_back(std::move(prefix), std::move(iri));
}

void PrefixMap::remove(std::string_view prefix)
{
    std::erase_if(m_entries, [&](const auto& entry) { return entry.first == prefix; });
}

std::optional<std::string_view> PrefixMap::iriFor(std::string_view prefix) const
{
    for (const auto& [name, value] : m_entries) {
        if (name == prefix)
            return std::string_view(value);
    }
    return std::nullopt;
}

std::optional<std::string> PrefixMap::abbreviate(std::string_view iri) const
{
    const std::pair<std::string, std::string>* best = nullptr;
    for (const auto& entry : m_entries) {
        const auto& ns = entry.second;
        if (ns.empty() || iri.size() < ns.size() || iri.compare(0, ns.size(), ns) != 0)
            continue;
        if (!isPlainLocalName(iri.substr(ns.size())))
            continue;
        if (!best || ns.size() > best->second.size())
            best = &entry;
    }
    if (!best)
        return std::nullopt;
    return best->first + ':' + std::string(iri.substr(best->second.size()));
}

bool isPlainLocalName(std::string_view local)
{
    // A conservative subset of PN_LOCAL: ASCII letters, digits, '_' anywhere, '-' and '.' inside
    // (not last), (ASCII only: that keeps clear of the excluded Unicode ranges).
    for (std::size_t i = 0; i < local.size(); ++i) {
        const auto c = static_cast<unsigned char>(local[i]);
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || c == '_')
            continue;
        if ((c == '-' || c == '.') && i > 0 && i + 1 < local.size())
            continue;
        return false;
    }
    return true;
}

} // namespace evograph::rdf
