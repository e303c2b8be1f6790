#pragma once
// Escaping text for XML and HTML output (internal to the core: release notes, JUnit reports).
#include <string>
#include <string_view>

namespace evograph::detail {

inline std::string escapeMarkup(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace evograph::detail
