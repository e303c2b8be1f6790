#pragma once
// The one way an enum meets its names in files, options and JSON: a table of (value, name) pairs,
// read both ways. A value may have several names (aliases: "ttl" and "turtle"); the first one
// listed is the name it is written with.
//
//   constexpr auto kMetricNames = engine::enumNames<Metric>({{Metric::L2, "l2"}, {Metric::Cosine, "cos"}});
//   kMetricNames.name(Metric::L2) == "l2";  kMetricNames.parse("cos") == Metric::Cosine;
//   kMetricNames.choices() == "l2, cos"      (for "expected one of ..." errors)

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace evograph::engine {

template <typename Enum, std::size_t N> struct EnumNames {
    std::array<std::pair<Enum, std::string_view>, N> entries;

    // The value's (first) name; "?" for a value the table lacks (a bug: every value is listed).
    constexpr std::string_view name(Enum value) const
    {
        for (const auto& [v, n] : entries)
            if (v == value)
                return n;
        return "?";
    }

    constexpr std::optional<Enum> parse(std::string_view name) const
    {
        for (const auto& [v, n] : entries)
            if (n == name)
                return v;
        return std::nullopt;
    }

    // Every name, in the table's order, separated by ", ".
    std::string choices() const
    {
        std::string text;
        for (const auto& [v, n] : entries)
            text.append(text.empty() ? "" : ", ").append(n);
        return text;
    }
};

template <typename Enum, std::size_t N>
constexpr EnumNames<Enum, N> enumNames(const std::pair<Enum, std::string_view> (&entries)[N])
{
    EnumNames<Enum, N> table {};
    for (std::size_t i = 0; i < N; ++i)
        table.entries[i] = entries[i];
    return table;
}

} // namespace evograph::engine
