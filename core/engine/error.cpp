#include "evograph/error.h"

namespace evograph {

std::string formatPosition(const SourcePosition& where)
{
    std::string out = where.file;
    if (where.line > 0) {
        out += ':' + std::to_string(where.line);
        if (where.column > 0)
            out += ':' + std::to_string(where.column);
    }
    return out;
}

std::string formatError(const std::optional<SourcePosition>& where, const std::string& message)
{
    std::string out;
    if (where)
        out += formatPosition(*where) + ": ";
    out += "error: ";
    out += message;
    return out;
}

Error::Error(std::string message)
    : std::runtime_error(formatError(std::nullopt, message))
    , m_message(std::move(message))
{
}

Error::Error(SourcePosition where, std::string message)
    : std::runtime_error(formatError(where, message))
    , m_where(std::move(where))
    , m_message(std::move(message))
{
}

} // namespace evograph
