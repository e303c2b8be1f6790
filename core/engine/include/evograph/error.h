#pragma once
// Errors in evograph's engine are exceptions: the engine throws evograph::Error (with the
// source position when there is one) and evograph::Cancelled; the front ends catch them at their
// boundary (CLI: exit codes, GUI: a message) and never lose the position on the way.

#include <optional>
#include <stdexcept>
#include <string>

namespace evograph {

struct SourcePosition {
    std::string file;
    unsigned line = 0; // 1-based; 0 when unknown
    unsigned column = 0; // 1-based; 0 when unknown
};

class Error : public std::runtime_error {
public:
    explicit Error(std::string message);
    Error(SourcePosition where, std::string message);

    // The message without the position prefix.
    const std::string& message() const noexcept { return m_message; }
    const std::optional<SourcePosition>& where() const noexcept { return m_where; }

private:
    std::optional<SourcePosition> m_where;
    std::string m_message;
};

// Thrown at a cancellation checkpoint after the work was cancelled.
class Cancelled : public std::runtime_error {
public:
    Cancelled()
        : std::runtime_error("cancelled")
    {
    }
};

// "FILE:LINE:COL" (parts that are unknown are left out).
std::string formatPosition(const SourcePosition& where);
// "FILE:LINE:COL: error: MESSAGE" (parts that are unknown are left out).
std::string formatError(const std::optional<SourcePosition>& where, const std::string& message);

} // namespace evograph
