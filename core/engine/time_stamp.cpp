#include "evograph/engine/time_stamp.h"

#include <cstdio>
#include <ctime>

namespace evograph::engine {

namespace {
std::tm utcFields(WallTime time)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm fields {};
    ::gmtime_r(&seconds, &fields);
    return fields;
}

// The seconds since the epoch of a UTC calendar time (timegm without its locale and TZ baggage).
std::int64_t secondsSinceEpoch(int year, unsigned month, unsigned day, int hour, int minute, int second)
{
    const std::chrono::sys_days days = std::chrono::year(year) / std::chrono::month(month) / std::chrono::day(day);
    return days.time_since_epoch().count() * 86400LL + hour * 3600LL + minute * 60LL + second;
}
} // namespace

std::string utcTimestamp(WallTime time)
{
    const std::tm f = utcFields(time);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count() % 1000;
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", f.tm_year + 1900, f.tm_mon + 1, f.tm_mday,
        f.tm_hour, f.tm_min, f.tm_sec, static_cast<int>(millis < 0 ? millis + 1000 : millis));
    return text;
}

std::string utcReadable(WallTime time)
{
    const std::tm f = utcFields(time);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &f);
    return text;
}

std::optional<WallTime> parseUtcTimestamp(std::string_view text)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, consumed = 0;
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second, &consumed)
            != 6
        || consumed != 19)
        return std::nullopt;
    const std::chrono::year_month_day date {std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
        std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok() || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    std::string_view rest = text.substr(19);
    long long millis = 0;
    if (!rest.empty() && rest.front() == '.') {
        std::size_t digits = 1;
        long long scale = 100;
        for (; digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9'; ++digits, scale /= 10)
            millis += scale > 0 ? (rest[digits] - '0') * scale : 0;
        if (digits == 1)
            return std::nullopt;
        rest.remove_prefix(digits);
    }
    if (rest == "Z")
        rest.remove_prefix(1);
    if (!rest.empty())
        return std::nullopt;
    const std::int64_t seconds
        = secondsSinceEpoch(year, static_cast<unsigned>(month), static_cast<unsigned>(day), hour, minute, second);
    return WallTime(std::chrono::seconds(seconds)) + std::chrono::milliseconds(millis);
}

} // namespace evograph::engine
