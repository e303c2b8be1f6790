#pragma once
// Time stamps as evograph writes and reads them, in one format everywhere a time is stored or sent
// (the workspace, the journal, the audit log, alerts, JSON): ISO 8601 in UTC with milliseconds and
// a Z, "2026-11-23T10:15:02.123Z". Times are compared as times (parseUtcTimestamp), never as text.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace evograph::engine {

using WallTime = std::chrono::system_clock::time_point;

// "2026-11-23T10:15:02.123Z"
std::string utcTimestamp(WallTime time);
inline std::string utcNow()
{
    return utcTimestamp(std::chrono::system_clock::now());
}
// For people, in reports: "2026-11-23 10:15 UTC".
std::string utcReadable(WallTime time);
// Reads "2026-11-23T10:15:02Z", with or without fractional seconds ("…02.123Z") and with or without
// the Z (UTC either way); nullopt for anything else.
std::optional<WallTime> parseUtcTimestamp(std::string_view text);

} // namespace evograph::engine
