#pragma once
// SPARQL's operators and built-in functions over interned terms (internal to the executor).
// A result is a term id, or nullopt for SPARQL's "error" (which a FILTER treats as false and a
// BIND leaves unbound).

#include "evograph/rdf/dictionary.h"

#include <map>
#include <optional>
#include <regex>
#include <span>
#include <string>

namespace evograph::sparql::detail {

using Value = std::optional<rdf::TermId>;

class Functions {
public:
    explicit Functions(rdf::Dictionary& dictionary);

    // Effective boolean value.
    std::optional<bool> truth(Value v) const;
    Value boolean(bool b);

    Value equals(Value a, Value b) const;
    // "<": numbers, strings, booleans and date-times of the same kind; else an error.
    Value less(Value a, Value b) const;
    Value compare(std::string_view op, Value a, Value b); // = != < > <= >=
    Value arithmetic(char op, Value a, Value b); // + - * /
    Value negate(Value a);
    Value plus(Value a) const;
    // A built-in function by its upper-case name, arguments already evaluated (not IF, COALESCE,
    // BOUND, which need lazy evaluation and live in the executor).
    Value call(const std::string& name, std::span<const Value> args);

private:
    struct Number {
        enum class Type { Integer, Decimal, Float, Double } type = Type::Integer;
        long double value = 0;
    };
    std::optional<Number> number(rdf::TermId id) const;
    Value makeNumber(const Number& n);
    bool isStringLiteral(rdf::TermId id) const; // simple, xsd:string or language-tagged
    Value stringLike(rdf::TermId like, std::string value); // keeps `like`'s language or xsd:string
    const std::regex* regex(const std::string& pattern, const std::string& flags);

    rdf::Dictionary& m_dictionary;
    rdf::TermId m_true, m_false;
    std::map<std::pair<std::string, std::string>, std::optional<std::regex>> m_regexes;
};

} // namespace evograph::sparql::detail
