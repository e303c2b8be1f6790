#pragma once
// How the views write sizes and times for people: one way everywhere.

#include <QString>

#include <cstdint>
#include <string>

namespace evograph::ui {

// 1234567 → "1.2 MB" (SI units, as the user's locale writes numbers).
QString humanBytes(std::uint64_t bytes);
// "2026-11-23T10:15:02Z" → local time as the user's locale writes it (the text itself when unreadable).
QString localTime(const std::string& utc);

} // namespace evograph::ui
