#include "evograph/config/alert_rule.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <utility>

namespace evograph::config {

namespace {
using Function = AlertExpression::Function;
using Comparison = AlertExpression::Comparison;

constexpr std::array<std::pair<std::string_view, Function>, 13> kFunctions {{{"p50", Function::P50},
    {"p90", Function::P90}, {"p95", Function::P95}, {"p99", Function::P99}, {"min", Function::Min},
    {"max", Function::Max}, {"avg", Function::Avg}, {"rate", Function::Rate}, {"min_over_time", Function::MinOverTime},
    {"max_over_time", Function::MaxOverTime}, {"avg_over_time", Function::AvgOverTime},
    {"sum_over_time", Function::SumOverTime}, {"count_over_time", Function::CountOverTime}}};

constexpr std::array<std::pair<std::string_view, Comparison>, 6> kComparisons {
    {{">=", Comparison::GreaterOrEqual}, {"<=", Comparison::LessOrEqual}, {"==", Comparison::Equal},
        {"!=", Comparison::NotEqual}, {">", Comparison::Greater}, {"<", Comparison::Less}}};

std::string functionNames()
{
    std::string names;
    for (const auto& [name, function] : kFunctions)
        names += (names.empty() ? "" : ", ") + std::string(name);
    return names;
}

// A cursor over the expression that reports errors at the character it stands on.
class Parser {
public:
    Parser(std::string_view text, SourcePosition where)
        : m_text(text)
        , m_where(std::move(where))
    {
    }

    AlertExpression parse()
    {
        AlertExpression e;
        skipSpace();
        const std::string first = identifier("a metric or a function (" + functionNames() + ")");
        skipSpace();
        if (accept('(')) {
            e.function = function(first);
            skipSpace();
            e.metric = identifier("a metric name");
            skipSpace();
            if (accept('[')) {
                const std::size_t start = m_at;
                while (m_at < m_text.size() && m_text[m_at] != ']')
                    ++m_at;
                e.window = parseDuration(m_text.substr(start, m_at - start), at(start));
                expect(']');
            }
            skipSpace();
            expect(')');
        } else {
            e.metric = first;
        }
        skipSpace();
        e.comparison = comparison();
        skipSpace();
        e.threshold = number();
        skipSpace();
        if (m_at != m_text.size())
            fail("unexpected \"" + std::string(m_text.substr(m_at)) + "\" after the threshold");
        return e;
    }

    [[noreturn]] void fail(const std::string& message) const
    {
        throw Error(at(m_at), "alert expression \"" + std::string(m_text) + "\": " + message);
    }

private:
    SourcePosition at(std::size_t offset) const
    {
        SourcePosition p = m_where;
        if (p.column) // inside the TOML string: after its opening quote
            p.column += static_cast<unsigned>(offset) + 1;
        return p;
    }
    void skipSpace()
    {
        while (m_at < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_at])))
            ++m_at;
    }
    bool accept(char c)
    {
        if (m_at < m_text.size() && m_text[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }
    void expect(char c)
    {
        if (!accept(c))
            fail(std::string("expected '") + c + "'");
    }
    std::string identifier(const std::string& expected)
    {
        const std::size_t start = m_at;
        while (m_at < m_text.size()
            && (std::isalnum(static_cast<unsigned char>(m_text[m_at])) || m_text[m_at] == '_' || m_text[m_at] == '.'))
            ++m_at;
        if (m_at == start)
            fail("expected " + expected);
        return std::string(m_text.substr(start, m_at - start));
    }
    Function function(const std::string& name) const
    {
        for (const auto& [known, function] : kFunctions)
            if (known == name)
                return function;
        throw Error(m_where,
            "alert expression \"" + std::string(m_text) + "\": no function \"" + name + "\" (evograph has "
                + functionNames() + ")");
    }
    Comparison comparison()
    {
        for (const auto& [op, comparison] : kComparisons)
            if (m_text.substr(m_at, op.size()) == op) {
                m_at += op.size();
                return comparison;
            }
        fail("expected a comparison (>, >=, <, <=, ==, !=)");
    }
    double number()
    {
        double value = 0;
        const char* begin = m_text.data() + m_at;
        const auto [end, error] = std::from_chars(begin, m_text.data() + m_text.size(), value);
        if (error != std::errc() || !std::isfinite(value))
            fail("expected a number");
        m_at += static_cast<std::size_t>(end - begin);
        return value;
    }

    std::string_view m_text;
    SourcePosition m_where;
    std::size_t m_at = 0;
};

std::string durationText(std::chrono::seconds d)
{
    const auto s = d.count();
    if (s && s % 86400 == 0)
        return std::to_string(s / 86400) + "d";
    if (s && s % 3600 == 0)
        return std::to_string(s / 3600) + "h";
    if (s && s % 60 == 0)
        return std::to_string(s / 60) + "m";
    return std::to_string(s) + "s";
}
} // namespace

bool AlertExpression::holds(double value) const
{
    switch (comparison) {
    case Comparison::Greater:
        return value > threshold;
    case Comparison::GreaterOrEqual:
        return value >= threshold;
    case Comparison::Less:
        return value < threshold;
    case Comparison::LessOrEqual:
        return value <= threshold;
    case Comparison::Equal:
        return value == threshold;
    case Comparison::NotEqual:
        return value != threshold;
    }
    return false;
}

std::string AlertExpression::text() const
{
    std::string out = metric;
    if (function != Function::Latest)
        for (const auto& [name, f] : kFunctions)
            if (f == function)
                out = std::string(name) + "(" + metric + "[" + durationText(window) + "])";
    for (const auto& [op, c] : kComparisons)
        if (c == comparison)
            out += " " + std::string(op) + " ";
    char number[32];
    const auto [end, error] = std::to_chars(number, number + sizeof number, threshold);
    return out + std::string(number, error == std::errc() ? end : number);
}

AlertExpression parseAlertExpression(std::string_view text, const SourcePosition& where)
{
    return Parser(text, where).parse();
}

std::chrono::seconds parseDuration(std::string_view text, const SourcePosition& where)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    const std::string_view unit = text.substr(static_cast<std::size_t>(end - text.data()));
    std::int64_t scale = 0;
    if (unit.empty() || unit == "s")
        scale = 1;
    else if (unit == "m")
        scale = 60;
    else if (unit == "h")
        scale = 3600;
    else if (unit == "d")
        scale = 86400;
    if (error != std::errc() || value < 0 || scale == 0)
        throw Error(
            where, "\"" + std::string(text) + "\" is not a duration (write e.g. \"30s\", \"5m\", \"2h\", \"1d\")");
    return std::chrono::seconds(value * scale);
}

} // namespace evograph::config
