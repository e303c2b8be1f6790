#pragma once
// Tokens of SPARQL 1.1 (internal to the migration executor), each with its line and column so
// that every parse error points at the text that caused it.

#include "evograph/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace evograph::sparql::detail {

struct Token {
    enum class Kind {
        IriRef, // text: the IRI between < and >
        PrefixedName, // text: prefix, local: the local part (escapes removed)
        Var, // text: the name without ? or $
        String, // text: the value (escapes removed)
        LangTag, // text: without @
        Integer,
        Decimal,
        Double, // text: as written
        BlankLabel, // text: the label without _:
        Word, // keywords, function names, 'a', true, false
        Punct, // { } ( ) [ ] . , ; * / + - ! = != < > <= >= && || ^^
        End,
    };
    Kind kind = Kind::End;
    std::string text, local;
    unsigned line = 1, column = 1;

    bool is(Kind k, std::string_view t) const { return kind == k && text == t; }
    bool punct(std::string_view t) const { return is(Kind::Punct, t); }
};

// Throws evograph::Error at NAME:LINE:COL for text that is no SPARQL token (an unterminated
// string or IRI, a stray character).
std::vector<Token> tokenize(std::string_view text, const std::string& name);

} // namespace evograph::sparql::detail
