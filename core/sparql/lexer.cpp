#include "lexer.h"

#include <cstdint>

namespace evograph::sparql::detail {

namespace {
bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isNameChar(char c)
{
    return isAlpha(c) || isDigit(c) || c == '_' || c == '-';
}
bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

class Lexer {
public:
    Lexer(std::string_view text, const std::string& name)
        : m_text(text)
        , m_name(name)
    {
    }

    std::vector<Token> run()
    {
        std::vector<Token> tokens;
        for (;;) {
            skipSpaceAndComments();
            Token token;
            token.line = m_line;
            token.column = m_column;
            if (m_pos >= m_text.size()) {
                tokens.push_back(token);
                return tokens;
            }
            readToken(token);
            tokens.push_back(std::move(token));
        }
    }

private:
    [[noreturn]] void fail(const std::string& message, unsigned line, unsigned column) const
    {
        throw Error({m_name, line, column}, message);
    }
    [[noreturn]] void fail(const std::string& message) const { fail(message, m_line, m_column); }

    char peek(std::size_t ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0'; }
    char advance()
    {
        const char c = m_text[m_pos++];
        if (c == '\n')
            ++m_line, m_column = 1;
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) // count code points, not bytes
            ++m_column;
        return c;
    }
    bool startsWith(std::string_view s) const { return m_text.substr(m_pos, s.size()) == s; }

    void skipSpaceAndComments()
    {
        while (m_pos < m_text.size()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                advance();
            } else if (c == '#') {
                while (m_pos < m_text.size() && peek() != '\n')
                    advance();
            } else {
                return;
            }
        }
    }

    void readToken(Token& t)
    {
        const char c = peek();
        if (c == '<' && readIriRef(t))
            return;
        if (c == '?' || c == '$') {
            advance();
            t.kind = Token::Kind::Var;
            while (isNameChar(peek()) && peek() != '-')
                t.text.push_back(advance());
            if (t.text.empty())
                fail("a variable needs a name after '" + std::string(1, c) + "'", t.line, t.column);
            return;
        }
        if (c == '"' || c == '\'')
            return readString(t);
        if (c == '@') {
            advance();
            t.kind = Token::Kind::LangTag;
            while (isNameChar(peek()))
                t.text.push_back(advance());
            if (t.text.empty())
                fail("a language tag needs letters after '@'", t.line, t.column);
            return;
        }
        if (c == '_' && peek(1) == ':') {
            advance(), advance();
            t.kind = Token::Kind::BlankLabel;
            while (isNameChar(peek()) || (peek() == '.' && isNameChar(peek(1))))
                t.text.push_back(advance());
            if (t.text.empty())
                fail("a blank node label needs a name after '_:'", t.line, t.column);
            return;
        }
        if (isDigit(c) || (c == '.' && isDigit(peek(1))))
            return readNumber(t);
        if (isAlpha(c) || c == ':')
            return readName(t);
        static constexpr std::string_view kTwo[] = {"!=", "<=", ">=", "&&", "||", "^^"};
        for (const std::string_view op : kTwo)
            if (startsWith(op)) {
                t.kind = Token::Kind::Punct;
                t.text = op;
                advance(), advance();
                return;
            }
        if (std::string_view("{}()[].,;*/+-!=<>").find(c) != std::string_view::npos) {
            t.kind = Token::Kind::Punct;
            t.text = std::string(1, advance());
            return;
        }
        fail(std::string("unexpected character '") + c + "'");
    }

    // <iri>, or false (nothing consumed) when '<' is the less-than operator.
    bool readIriRef(Token& t)
    {
        std::size_t end = m_pos + 1;
        while (end < m_text.size() && m_text[end] != '>') {
            const auto ch = static_cast<unsigned char>(m_text[end]);
            if (ch <= 0x20 || std::string_view("<\"{}|^`\\").find(static_cast<char>(ch)) != std::string_view::npos)
                return false;
            ++end;
        }
        if (end >= m_text.size())
            return false;
        advance();
        t.kind = Token::Kind::IriRef;
        while (m_pos < end)
            t.text.push_back(advance());
        advance();
        return true;
    }

    void readString(Token& t)
    {
        const char quote = peek();
        const bool longForm = peek(1) == quote && peek(2) == quote;
        t.kind = Token::Kind::String;
        advance();
        if (longForm)
            advance(), advance();
        for (;;) {
            if (m_pos >= m_text.size())
                fail("unterminated string", t.line, t.column);
            const char c = peek();
            if (longForm && c == quote && peek(1) == quote && peek(2) == quote) {
                // """a"""" ends with the last three quotes: the first is content.
                if (peek(3) == quote) {
                    t.text.push_back(advance());
                    continue;
                }
                advance(), advance(), advance();
                return;
            }
            if (!longForm && c == quote) {
                advance();
                return;
            }
            if (!longForm && (c == '\n' || c == '\r'))
                fail("a line break in a short string (use \\n or a \"\"\"long string\"\"\")");
            if (c == '\\') {
                readEscape(t.text);
                continue;
            }
            t.text.push_back(advance());
        }
    }

    void readEscape(std::string& out)
    {
        const unsigned line = m_line, column = m_column;
        advance();
        const char e = m_pos < m_text.size() ? advance() : '\0';
        switch (e) {
        case 't':
            out.push_back('\t');
            return;
        case 'b':
            out.push_back('\b');
            return;
        case 'n':
            out.push_back('\n');
            return;
        case 'r':
            out.push_back('\r');
            return;
        case 'f':
            out.push_back('\f');
            return;
        case '"':
            out.push_back('"');
            return;
        case '\'':
            out.push_back('\'');
            return;
        case '\\':
            out.push_back('\\');
            return;
        case 'u':
        case 'U': {
            const int digits = e == 'u' ? 4 : 8;
            std::uint32_t cp = 0;
            for (int i = 0; i < digits; ++i) {
                if (!isHex(peek()))
                    fail(std::string("\\") + e + " needs " + std::to_string(digits) + " hex digits", line, column);
                cp = cp * 16 + static_cast<std::uint32_t>(std::stoul(std::string(1, advance()), nullptr, 16));
            }
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                fail("\\" + std::string(1, e) + " names no Unicode character", line, column);
            appendUtf8(out, cp);
            return;
        }
        default:
            fail(std::string("unknown escape '\\") + e + "' in a string", line, column);
        }
    }

    void readNumber(Token& t)
    {
        t.kind = Token::Kind::Integer;
        while (isDigit(peek()))
            t.text.push_back(advance());
        if (peek() == '.' && isDigit(peek(1))) {
            t.kind = Token::Kind::Decimal;
            t.text.push_back(advance());
            while (isDigit(peek()))
                t.text.push_back(advance());
        }
        if (peek() == 'e' || peek() == 'E') {
            const std::size_t sign = (peek(1) == '+' || peek(1) == '-') ? 1 : 0;
            if (isDigit(peek(1 + sign))) {
                t.kind = Token::Kind::Double;
                for (std::size_t i = 0; i < 1 + sign; ++i)
                    t.text.push_back(advance());
                while (isDigit(peek()))
                    t.text.push_back(advance());
            }
        }
    }

    // Keywords and function names, or prefix:local (PN_LOCAL with its escapes and %hex).
    void readName(Token& t)
    {
        std::string word;
        while (isNameChar(peek()) || (peek() == '.' && isNameChar(peek(1))))
            word.push_back(advance());
        if (peek() != ':') {
            t.kind = Token::Kind::Word;
            t.text = std::move(word);
            return;
        }
        advance();
        t.kind = Token::Kind::PrefixedName;
        t.text = std::move(word);
        for (;;) {
            const char c = peek();
            if (isNameChar(c) || c == ':' || (c == '.' && (isNameChar(peek(1)) || peek(1) == ':'))) {
                t.local.push_back(advance());
            } else if (c == '%' && isHex(peek(1)) && isHex(peek(2))) {
                t.local.push_back(advance()), t.local.push_back(advance()), t.local.push_back(advance());
            } else if (c == '\\' && std::string_view("_~.-!$&'()*+,;=/?#@%").find(peek(1)) != std::string_view::npos) {
                advance();
                t.local.push_back(advance());
            } else {
                return;
            }
        }
    }

    std::string_view m_text;
    const std::string& m_name;
    std::size_t m_pos = 0;
    unsigned m_line = 1, m_column = 1;
};
} // namespace

std::vector<Token> tokenize(std::string_view text, const std::string& name)
{
    return Lexer(text, name).run();
}

} // namespace evograph::sparql::detail
