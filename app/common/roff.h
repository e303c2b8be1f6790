#pragma once
// Text for a man page (roff), shared by evograph(1) and evograph-studio(1): backslashes escaped,
// hyphens made minus signs (so they copy as '-'), and no line that roff would read as a request.

#include <string>
#include <string_view>

namespace evograph::app {

inline std::string roffText(std::string_view text)
{
    std::string out;
    bool lineStart = true;
    for (char c : text) {
        if (lineStart && (c == '.' || c == '\''))
            out += "\\&";
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
        lineStart = c == '\n';
    }
    return out;
}

} // namespace evograph::app
