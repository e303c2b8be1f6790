#include "evograph/remote/literal_values.h"

#include "evograph/workspace/workspace.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <unordered_map>

namespace evograph::remote {

namespace {
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

bool isIntegerType(std::string_view local)
{
    static constexpr std::array<std::string_view, 13> kTypes
        = {"integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
            "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"};
    for (const std::string_view t : kTypes)
        if (local == t)
            return true;
    return false;
}

bool allDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (const char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

std::string_view stripLeadingZeros(std::string_view digits)
{
    while (digits.size() > 1 && digits.front() == '0')
        digits.remove_prefix(1);
    return digits;
}

// "-0012.3400" -> "-12.34"; "+5" -> "5.0"
std::optional<std::string> decimalForm(std::string_view text, bool integer)
{
    bool negative = false;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const std::size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if (integer && dot != std::string_view::npos)
        return std::nullopt;
    if ((whole.empty() && fraction.empty()) || (!whole.empty() && !allDigits(whole))
        || (!fraction.empty() && !allDigits(fraction)))
        return std::nullopt;
    whole = whole.empty() ? "0" : stripLeadingZeros(whole);
    while (!fraction.empty() && fraction.back() == '0')
        fraction.remove_suffix(1);
    const bool zero = whole == "0" && fraction.empty();
    std::string out = negative && !zero ? "-" : "";
    out += whole;
    if (!integer)
        out += "." + std::string(fraction.empty() ? "0" : fraction);
    return out;
}

template <typename Float> std::optional<std::string> floatForm(std::string_view text)
{
    if (text == "INF" || text == "+INF" || text == "-INF" || text == "NaN")
        return std::string(text.front() == '+' ? text.substr(1) : text);
    Float value {};
    const char* begin = text.data() + (!text.empty() && text.front() == '+' ? 1 : 0);
    const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    char buffer[64];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value); // shortest round trip
    return std::string(buffer, written.ptr);
}
} // namespace

std::optional<std::string> valueForm(std::string_view lexical, std::string_view datatype)
{
    if (!datatype.starts_with(kXsd))
        return std::nullopt;
    const std::string_view local = datatype.substr(kXsd.size());
    if (isIntegerType(local))
        return decimalForm(lexical, true);
    if (local == "decimal")
        return decimalForm(lexical, false);
    if (local == "double")
        return floatForm<double>(lexical);
    if (local == "float")
        return floatForm<float>(lexical);
    if (local == "dateTime" || local == "dateTimeStamp" || local == "time" || local == "date") {
        // UTC written as an offset (Virtuoso writes it as Z); other offsets are kept as written.
        if (lexical.ends_with("+00:00") || lexical.ends_with("-00:00"))
            return std::string(lexical.substr(0, lexical.size() - 6)) + "Z";
        return std::nullopt;
    }
    if (local == "boolean") {
        if (lexical == "true" || lexical == "1")
            return std::string("true");
        if (lexical == "false" || lexical == "0")
            return std::string("false");
    }
    return std::nullopt;
}

rdf::Dataset byValue(const rdf::Dataset& data, std::unordered_map<rdf::TermId, rdf::TermId>* lexical)
{
    rdf::Dataset out(data.sharedDictionary());
    rdf::Dictionary& d = out.dictionary();
    std::unordered_map<rdf::TermId, rdf::TermId> mapped; // literal -> its value form's literal
    auto valueOf = [&](rdf::TermId t) {
        if (d.kind(t) != rdf::TermKind::Literal)
            return t;
        if (const auto it = mapped.find(t); it != mapped.end())
            return it->second;
        const rdf::TermView term = d.term(t);
        const std::optional<std::string> form = valueForm(term.value, term.datatype);
        const std::string datatype(term.datatype);
        const rdf::TermId to = form && *form != term.value ? d.literal(*form, datatype) : t;
        mapped.emplace(t, to);
        if (lexical && to != t)
            lexical->emplace(to, t);
        return to;
    };
    out.reserve(data.size());
    for (rdf::Quad q : data.quads()) {
        q.o = valueOf(q.o);
        out.add(q);
    }
    out.finalize();
    return out;
}

std::string valueHash(const rdf::Dataset& data, const engine::CancellationToken& cancel)
{
    return workspace::contentHash(byValue(data), cancel);
}

} // namespace evograph::remote
