#include "functions.h"

#include "evograph/rdf/vocabulary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace evograph::sparql::detail {

namespace {
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view kDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
constexpr std::string_view kFloat = "http://www.w3.org/2001/XMLSchema#float";

bool isIntegerType(std::string_view local)
{
    static constexpr std::string_view kTypes[]
        = {"integer", "int", "long", "short", "byte", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger",
            "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"};
    return std::find(std::begin(kTypes), std::end(kTypes), local) != std::end(kTypes);
}

std::string upperAscii(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}
std::string lowerAscii(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::size_t codePoints(std::string_view s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
} // namespace

Functions::Functions(rdf::Dictionary& dictionary)
    : m_dictionary(dictionary)
    , m_true(dictionary.literal("true", rdf::vocab::xsdBoolean))
    , m_false(dictionary.literal("false", rdf::vocab::xsdBoolean))
{
}

Value Functions::boolean(bool b)
{
    return b ? m_true : m_false;
}

std::optional<Functions::Number> Functions::number(rdf::TermId id) const
{
    const rdf::TermView t = m_dictionary.term(id);
    if (!t.isLiteral() || !t.datatype.starts_with(kXsd))
        return std::nullopt;
    const std::string_view local = t.datatype.substr(kXsd.size());
    Number n;
    if (isIntegerType(local))
        n.type = Number::Type::Integer;
    else if (local == "decimal")
        n.type = Number::Type::Decimal;
    else if (local == "float")
        n.type = Number::Type::Float;
    else if (local == "double")
        n.type = Number::Type::Double;
    else
        return std::nullopt;
    const std::string text(t.value);
    char* end = nullptr;
    n.value = std::strtold(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) {
        if (n.type == Number::Type::Double || n.type == Number::Type::Float) {
            if (text == "INF" || text == "+INF")
                return n.value = INFINITY, n;
            if (text == "-INF")
                return n.value = -INFINITY, n;
            if (text == "NaN")
                return n.value = NAN, n;
        }
        return std::nullopt;
    }
    return n;
}

Value Functions::makeNumber(const Number& n)
{
    // Any finite long double, printed whole (xsd:integer and xsd:decimal have no bounds).
    const auto print = [](const char* format, long double value) {
        std::string text(static_cast<std::size_t>(std::snprintf(nullptr, 0, format, value)), '\0');
        std::snprintf(text.data(), text.size() + 1, format, value);
        return text;
    };
    const bool exact = n.type == Number::Type::Integer || n.type == Number::Type::Decimal;
    if (exact && !std::isfinite(n.value))
        return std::nullopt; // an overflowed integer or decimal is an error, not INF (found by fuzzing)
    switch (n.type) {
    case Number::Type::Integer: {
        // A cast outside long long's range is undefined: the whole value is printed instead.
        const bool fits = n.value >= -9.2e18L && n.value <= 9.2e18L;
        const std::string text = fits ? std::to_string(static_cast<long long>(n.value)) : print("%.0Lf", n.value);
        return m_dictionary.literal(text, rdf::vocab::xsdInteger);
    }
    case Number::Type::Decimal: {
        std::string s = print("%.15Lf", n.value); // canonical: no trailing zeros, but one digit after the point
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.')
            s.push_back('0');
        return m_dictionary.literal(s, rdf::vocab::xsdDecimal);
    }
    case Number::Type::Float:
    case Number::Type::Double:
        return m_dictionary.literal(
            print("%.17LE", n.value), n.type == Number::Type::Float ? kFloat : rdf::vocab::xsdDouble);
    }
    return std::nullopt;
}

bool Functions::isStringLiteral(rdf::TermId id) const
{
    const rdf::TermView t = m_dictionary.term(id);
    return t.isLiteral() && (t.datatype == rdf::vocab::xsdString || t.datatype == rdf::vocab::rdfLangString);
}

Value Functions::stringLike(rdf::TermId like, std::string value)
{
    const rdf::TermView t = m_dictionary.term(like);
    return m_dictionary.literal(value, {}, t.isLiteral() ? std::string(t.language) : std::string());
}

std::optional<bool> Functions::truth(Value v) const
{
    if (!v)
        return std::nullopt;
    const rdf::TermView t = m_dictionary.term(*v);
    if (!t.isLiteral())
        return std::nullopt;
    if (t.datatype == rdf::vocab::xsdBoolean)
        return t.value == "true" || t.value == "1";
    if (isStringLiteral(*v))
        return !t.value.empty();
    if (const auto n = number(*v))
        return n->value != 0 && !std::isnan(n->value);
    return std::nullopt;
}

Value Functions::equals(Value a, Value b) const
{
    if (!a || !b)
        return std::nullopt;
    if (*a == *b)
        return m_true;
    const auto na = number(*a), nb = number(*b);
    if (na && nb)
        return na->value == nb->value ? m_true : m_false;
    const rdf::TermView x = m_dictionary.term(*a), y = m_dictionary.term(*b);
    if (!x.isLiteral() || !y.isLiteral())
        return m_false;
    const bool xKnown = x.datatype.starts_with(kXsd) || x.datatype == rdf::vocab::rdfLangString;
    const bool yKnown = y.datatype.starts_with(kXsd) || y.datatype == rdf::vocab::rdfLangString;
    if (x.datatype == rdf::vocab::xsdBoolean && y.datatype == rdf::vocab::xsdBoolean)
        return truth(a) == truth(b) ? m_true : m_false;
    if (xKnown && yKnown)
        return m_false; // different values of known types
    return std::nullopt; // two literals of unknown types: cannot tell
}

Value Functions::less(Value a, Value b) const
{
    if (!a || !b)
        return std::nullopt;
    const auto na = number(*a), nb = number(*b);
    if (na && nb)
        return na->value < nb->value ? m_true : m_false;
    const rdf::TermView x = m_dictionary.term(*a), y = m_dictionary.term(*b);
    if (!x.isLiteral() || !y.isLiteral())
        return std::nullopt;
    const bool strings = x.datatype == rdf::vocab::xsdString && y.datatype == rdf::vocab::xsdString;
    const bool sameOrdered = x.datatype == y.datatype
        && (x.datatype == rdf::vocab::xsdBoolean || x.datatype == kDateTime
            || (x.datatype == rdf::vocab::rdfLangString && x.language == y.language));
    if (x.datatype == rdf::vocab::xsdBoolean && sameOrdered)
        return !*truth(a) && *truth(b) ? m_true : m_false;
    if (strings || sameOrdered)
        return x.value < y.value ? m_true : m_false;
    return std::nullopt;
}

Value Functions::compare(std::string_view op, Value a, Value b)
{
    const auto invert = [&](Value v) -> Value { return v ? boolean(*v == m_false) : v; };
    if (op == "=")
        return equals(a, b);
    if (op == "!=")
        return invert(equals(a, b));
    if (op == "<")
        return less(a, b);
    if (op == ">")
        return less(b, a);
    if (op == "<=") // not (b < a), when both are comparable
        return invert(less(b, a));
    return invert(less(a, b)); // >=
}

Value Functions::arithmetic(char op, Value a, Value b)
{
    if (!a || !b)
        return std::nullopt;
    const auto x = number(*a), y = number(*b);
    if (!x || !y)
        return std::nullopt;
    Number r;
    r.type = std::max(x->type, y->type);
    if (op == '/' && r.type == Number::Type::Integer)
        r.type = Number::Type::Decimal;
    if (op == '/' && y->value == 0 && r.type == Number::Type::Decimal)
        return std::nullopt;
    switch (op) {
    case '+':
        r.value = x->value + y->value;
        break;
    case '-':
        r.value = x->value - y->value;
        break;
    case '*':
        r.value = x->value * y->value;
        break;
    default:
        r.value = x->value / y->value;
        break;
    }
    return makeNumber(r);
}

Value Functions::negate(Value a)
{
    if (!a)
        return a;
    auto n = number(*a);
    if (!n)
        return std::nullopt;
    n->value = -n->value;
    return makeNumber(*n);
}

Value Functions::plus(Value a) const
{
    return a && number(*a) ? a : std::nullopt;
}

const std::regex* Functions::regex(const std::string& pattern, const std::string& flags)
{
    auto [it, inserted] = m_regexes.try_emplace({pattern, flags});
    if (inserted) {
        try {
            auto options = std::regex::ECMAScript;
            if (flags.find('i') != std::string::npos)
                options |= std::regex::icase;
            it->second.emplace(pattern, options);
        } catch (const std::regex_error&) {
            it->second.reset(); // an invalid pattern is an error value, every time
        }
    }
    return it->second ? &*it->second : nullptr;
}

Value Functions::call(const std::string& name, std::span<const Value> args)
{
    for (const Value& v : args)
        if (!v)
            return std::nullopt;
    const auto term = [&](std::size_t i) { return m_dictionary.term(*args[i]); };
    const auto isString = [&](std::size_t i) { return isStringLiteral(*args[i]); };
    // Two string arguments whose languages allow CONTAINS and its kin.
    const auto compatible = [&] {
        return isString(0) && isString(1) && (term(1).language.empty() || term(0).language == term(1).language);
    };

    if (name == "SAMETERM")
        return boolean(*args[0] == *args[1]);
    if (name == "ISIRI" || name == "ISURI")
        return boolean(term(0).isIri());
    if (name == "ISBLANK")
        return boolean(term(0).isBlank());
    if (name == "ISLITERAL")
        return boolean(term(0).isLiteral());
    if (name == "ISNUMERIC")
        return boolean(number(*args[0]).has_value());
    if (name == "STR") {
        if (term(0).isBlank())
            return std::nullopt;
        return m_dictionary.literal(std::string(term(0).value));
    }
    if (name == "LANG")
        return term(0).isLiteral() ? Value(m_dictionary.literal(std::string(term(0).language))) : std::nullopt;
    if (name == "DATATYPE")
        return term(0).isLiteral() ? Value(m_dictionary.iri(std::string(term(0).datatype))) : std::nullopt;
    if (name == "IRI" || name == "URI") {
        if (term(0).isIri())
            return args[0];
        if (!isString(0) || !term(0).language.empty())
            return std::nullopt;
        const std::string value(term(0).value);
        const bool valid = !value.empty() && std::none_of(value.begin(), value.end(), [](unsigned char c) {
            return c <= 0x20 || std::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos;
        });
        return valid ? Value(m_dictionary.iri(value)) : std::nullopt;
    }
    if (name == "STRLEN")
        return isString(0) ? makeNumber({Number::Type::Integer, static_cast<long double>(codePoints(term(0).value))})
                           : std::nullopt;
    if (name == "UCASE" || name == "LCASE") {
        if (!isString(0))
            return std::nullopt;
        const std::string value(term(0).value);
        return stringLike(*args[0], name == "UCASE" ? upperAscii(value) : lowerAscii(value));
    }
    if (name == "CONTAINS" || name == "STRSTARTS" || name == "STRENDS") {
        if (!compatible())
            return std::nullopt;
        const std::string_view text = term(0).value, part = term(1).value;
        if (name == "CONTAINS")
            return boolean(text.find(part) != std::string_view::npos);
        return boolean(name == "STRSTARTS" ? text.starts_with(part) : text.ends_with(part));
    }
    if (name == "CONCAT") {
        std::string value;
        std::optional<std::string> language;
        bool sameLanguage = true;
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (!isString(i))
                return std::nullopt;
            value += term(i).value;
            const std::string lang(term(i).language);
            if (language && *language != lang)
                sameLanguage = false;
            language = lang;
        }
        return m_dictionary.literal(value, {}, sameLanguage && language ? *language : std::string());
    }
    if (name == "REGEX") {
        if (!isString(0) || !isString(1) || (args.size() == 3 && !isString(2)))
            return std::nullopt;
        const std::regex* pattern
            = regex(std::string(term(1).value), args.size() == 3 ? std::string(term(2).value) : std::string());
        if (!pattern)
            return std::nullopt;
        const std::string text(term(0).value);
        return boolean(std::regex_search(text, *pattern));
    }
    if (name == "LANGMATCHES") {
        if (!isString(0) || !isString(1))
            return std::nullopt;
        const std::string tag = lowerAscii(std::string(term(0).value)), range = lowerAscii(std::string(term(1).value));
        if (range == "*")
            return boolean(!tag.empty());
        return boolean(
            tag == range || (tag.starts_with(range) && tag.size() > range.size() && tag[range.size()] == '-'));
    }
    if (name == "STRDT") {
        if (!isString(0) || !term(0).language.empty() || !term(1).isIri())
            return std::nullopt;
        return m_dictionary.literal(std::string(term(0).value), std::string(term(1).value));
    }
    if (name == "STRLANG") {
        if (!isString(0) || !term(0).language.empty() || !isString(1) || term(1).value.empty())
            return std::nullopt;
        return m_dictionary.literal(std::string(term(0).value), {}, lowerAscii(std::string(term(1).value)));
    }
    return std::nullopt;
}

} // namespace evograph::sparql::detail
