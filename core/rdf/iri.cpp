#include "evograph/rdf/iri.h"

#include <filesystem>
#include <optional>

namespace evograph::rdf {

namespace {
struct IriParts {
    std::optional<std::string_view> scheme;
    std::optional<std::string_view> authority;
    std::string_view path;
    std::optional<std::string_view> query;
    std::optional<std::string_view> fragment;
};

// RFC 3986 appendix B, without regular expressions.
IriParts split(std::string_view iri)
{
    IriParts parts;
    if (hasScheme(iri)) {
        const auto colon = iri.find(':');
        parts.scheme = iri.substr(0, colon);
        iri.remove_prefix(colon + 1);
    }
    if (const auto hash = iri.find('#'); hash != std::string_view::npos) {
        parts.fragment = iri.substr(hash + 1);
        iri = iri.substr(0, hash);
    }
    if (const auto question = iri.find('?'); question != std::string_view::npos) {
        parts.query = iri.substr(question + 1);
        iri = iri.substr(0, question);
    }
    if (iri.starts_with("//")) {
        iri.remove_prefix(2);
        const auto slash = iri.find('/');
        parts.authority = iri.substr(0, slash);
        iri = slash == std::string_view::npos ? std::string_view {} : iri.substr(slash);
    }
    parts.path = iri;
    return parts;
}

// RFC 3986 §5.2.4.
std::string removeDotSegments(std::string_view input)
{
    std::string output;
    while (!input.empty()) {
        if (input.starts_with("../")) {
            input.remove_prefix(3);
        } else if (input.starts_with("./")) {
            input.remove_prefix(2);
        } else if (input.starts_with("/./")) {
            input.remove_prefix(2);
        } else if (input == "/.") {
            input = "/";
        } else if (input.starts_with("/../") || input == "/..") {
            input = input.size() == 3 ? std::string_view("/") : input.substr(3);
            const auto last = output.rfind('/');
            output.erase(last == std::string::npos ? 0 : last);
        } else if (input == "." || input == "..") {
            input = {};
        } else {
            const auto next = input.find('/', input.front() == '/' ? 1 : 0);
            output.append(input.substr(0, next));
            input = next == std::string_view::npos ? std::string_view {} : input.substr(next);
        }
    }
    return output;
}

// RFC 3986 §5.2.3.
std::string mergePaths(const IriParts& base, std::string_view reference)
{
    if (base.authority && base.path.empty())
        return "/" + std::string(reference);
    const auto slash = base.path.rfind('/');
    if (slash == std::string_view::npos)
        return std::string(reference);
    return std::string(base.path.substr(0, slash + 1)) + std::string(reference);
}

std::string recompose(const IriParts& parts, const std::string& path)
{
    std::string out;
    if (parts.scheme)
        out.append(*parts.scheme).push_back(':');
    if (parts.authority)
        out.append("//").append(*parts.authority);
    out.append(path);
    if (parts.query)
        out.append("?").append(*parts.query);
    if (parts.fragment)
        out.append("#").append(*parts.fragment);
    return out;
}
} // namespace

bool hasScheme(std::string_view iri)
{
    // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
    if (iri.empty() || !((iri[0] >= 'a' && iri[0] <= 'z') || (iri[0] >= 'A' && iri[0] <= 'Z')))
        return false;
    for (std::size_t i = 1; i < iri.size(); ++i) {
        const char c = iri[i];
        if (c == ':')
            return true;
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
            || c == '-' || c == '.';
        if (!ok)
            return false;
    }
    return false;
}

std::string resolveIri(std::string_view base, std::string_view reference)
{
    const IriParts ref = split(reference);
    if (ref.scheme) {
        IriParts target = ref;
        return recompose(target, removeDotSegments(ref.path));
    }
    if (base.empty())
        return std::string(reference);
    const IriParts b = split(base);
    IriParts target;
    target.scheme = b.scheme;
    target.fragment = ref.fragment;
    std::string path;
    if (ref.authority) {
        target.authority = ref.authority;
        target.query = ref.query;
        path = removeDotSegments(ref.path);
    } else {
        target.authority = b.authority;
        if (ref.path.empty()) {
            path = std::string(b.path);
            target.query = ref.query ? ref.query : b.query;
        } else {
            path = removeDotSegments(ref.path.front() == '/' ? std::string(ref.path) : mergePaths(b, ref.path));
            target.query = ref.query;
        }
    }
    return recompose(target, path);
}

std::string fileUri(const std::string& path)
{
    std::error_code ec;
    auto absolute = std::filesystem::absolute(path, ec);
    const std::string text = ec ? path : absolute.lexically_normal().string();
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "file://";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/'
            || c == '-' || c == '_' || c == '.' || c == '~' || c >= 0x80;
        if (plain) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

} // namespace evograph::rdf
