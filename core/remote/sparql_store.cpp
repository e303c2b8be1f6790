#include "evograph/remote/sparql_store.h"

#include "evograph/error.h"
#include "evograph/rdf/reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace evograph::remote {

namespace {
// A private temporary file the body is written to as it arrives; removed on destruction.
class SpoolFile {
public:
    SpoolFile()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "evograph-sparql-XXXXXX.nt").string();
        const int fd = ::mkstemps(pattern.data(), 3);
        if (fd < 0)
            throw Error("cannot create a temporary file in " + std::filesystem::temp_directory_path().string());
        m_file = ::fdopen(fd, "wb");
        m_path = pattern;
    }
    ~SpoolFile()
    {
        if (m_file)
            std::fclose(m_file);
        std::error_code ignored;
        std::filesystem::remove(m_path, ignored);
    }
    SpoolFile(const SpoolFile&) = delete;
    SpoolFile& operator=(const SpoolFile&) = delete;

    // Appends bytes, counting lines (one N-Triples statement each).
    void write(std::string_view bytes)
    {
        if (std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size())
            throw Error({m_path, 0, 0}, "cannot write the store's answer (disk full?)");
        m_bytes += bytes.size();
        for (const char c : bytes)
            m_lines += c == '\n';
    }
    // Forgets what was written (a short GSP answer before paging).
    void clear()
    {
        if (std::fflush(m_file) != 0 || ::ftruncate(::fileno(m_file), 0) != 0 || std::fseek(m_file, 0, SEEK_SET) != 0)
            throw Error({m_path, 0, 0}, "cannot reuse the temporary file");
        m_bytes = m_lines = 0;
    }
    const std::string& close()
    {
        if (std::fclose(m_file) != 0) {
            m_file = nullptr;
            throw Error({m_path, 0, 0}, "cannot write the store's answer (disk full?)");
        }
        m_file = nullptr;
        return m_path;
    }
    std::uint64_t lines() const { return m_lines; }
    std::uint64_t bytes() const { return m_bytes; }

private:
    std::string m_path;
    std::FILE* m_file = nullptr;
    std::uint64_t m_lines = 0, m_bytes = 0;
};

std::string withQuery(const std::string& url, const std::string& query)
{
    return url + (url.find('?') == std::string::npos ? '?' : '&') + query;
}

std::string firstLines(const std::string& body)
{
    std::string text = body.substr(0, 400);
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

bool succeeded(long status)
{
    return status >= 200 && status < 300;
}
} // namespace

std::string StoreEndpoint::display() const
{
    return net::displayUrl(query) + "#" + graph;
}

std::optional<StoreEndpoint> parseSparqlSource(const std::string& source)
{
    constexpr std::string_view kScheme = "sparql:";
    if (!source.starts_with(kScheme))
        return std::nullopt;
    const std::string rest = source.substr(kScheme.size());
    const std::size_t hash = rest.find('#'); // the graph IRI may hold a '#' of its own
    if (hash == std::string::npos || hash + 1 == rest.size() || hash == 0)
        throw Error("'" + source + "': a SPARQL source is sparql:ENDPOINT#GRAPH_IRI (the named graph after '#')");
    StoreEndpoint endpoint;
    endpoint.query = rest.substr(0, hash);
    endpoint.graph = rest.substr(hash + 1);
    return endpoint;
}

SparqlStore::SparqlStore(StoreEndpoint endpoint, StoreOptions options)
    : m_endpoint(std::move(endpoint))
    , m_options(std::move(options))
    , m_http(m_options.http)
{
    if (m_endpoint.query.empty() || m_endpoint.graph.empty())
        throw Error("a remote store needs an endpoint and a graph IRI");
    if (m_options.pageSize == 0)
        throw Error("a remote store's page size must be at least 1");
}

net::HttpResponse SparqlStore::post(const std::string& url, const std::string& field, const std::string& text,
    const std::string& accept, const engine::CancellationToken& cancel, std::function<void(std::string_view)> sink)
{
    net::HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", accept}};
    request.body = field + "=" + net::urlEncode(text);
    request.credentials = m_endpoint.credentials;
    request.sink = std::move(sink);
    net::HttpResponse response = m_http.send(request, &cancel);
    const auto server = response.headers.find("server");
    if (server != response.headers.end() && server->second.starts_with("Virtuoso"))
        m_virtuoso = true;
    m_answered = true;
    return response;
}

void SparqlStore::check(const net::HttpResponse& response, const std::string& url, const std::string& what) const
{
    if (succeeded(response.status))
        return;
    const std::string where = net::displayUrl(url);
    if (response.status == 401 || response.status == 403)
        throw Error(what + " at " + where + ": authentication failed (HTTP " + std::to_string(response.status) + ")"
            + (m_endpoint.credentials.empty() ? "; the store asks for a user and password (--user, --password-env)"
                                              : " for user '" + m_endpoint.credentials.user
                        + "'; check the user and the password in its variable"));
    throw Error(what + " at " + where + ": HTTP " + std::to_string(response.status)
        + (response.body.empty() ? std::string() : ": " + firstLines(response.body)));
}

std::uint64_t SparqlStore::count(const engine::CancellationToken& cancel)
{
    const std::string query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + m_endpoint.graph + "> { ?s ?p ?o } }";
    const net::HttpResponse response
        = post(m_endpoint.query, "query", query, "application/sparql-results+json", cancel);
    check(response, m_endpoint.query, "counting the triples of <" + m_endpoint.graph + ">");
    try {
        const auto json = nlohmann::json::parse(response.body);
        const auto& value = json.at("results").at("bindings").at(0).at("n").at("value");
        return std::stoull(value.get<std::string>());
    } catch (const std::exception& e) {
        throw Error("counting the triples of <" + m_endpoint.graph + "> at " + net::displayUrl(m_endpoint.query)
            + ": not a SPARQL JSON result with a count (" + e.what() + ")");
    }
}

StoreRead SparqlStore::read(
    rdf::Dataset& into, const engine::CancellationToken& cancel, const engine::ProgressCallback& progress)
{
    const auto start = std::chrono::steady_clock::now();
    StoreRead result;
    const std::uint64_t expected = count(cancel);
    ++result.requests;
    SpoolFile spool;
    auto sink = [&](std::string_view bytes) {
        spool.write(bytes);
        if (progress)
            progress(std::min(spool.lines(), expected), expected);
    };

    bool complete = expected == 0;
    if (!complete && !m_endpoint.gsp.empty()) {
        net::HttpRequest get;
        get.url = withQuery(m_endpoint.gsp, "graph=" + net::urlEncode(m_endpoint.graph));
        get.headers = {{"Accept", "application/n-triples"}};
        get.credentials = m_endpoint.credentials;
        get.sink = sink;
        const net::HttpResponse response = m_http.send(get, &cancel);
        ++result.requests;
        check(response, m_endpoint.gsp, "reading <" + m_endpoint.graph + "> (Graph Store Protocol)");
        complete = spool.lines() == expected;
        if (!complete)
            spool.clear(); // capped without a word (Virtuoso does): read it in pages instead
    }
    if (!complete) {
        // Partitions of the subjects by the first hex digits of MD5(STR(?s)), each read whole and
        // checked against its own COUNT, split 16 ways while the store's cap (Virtuoso's
        // ResultSetMaxRows) cuts it short. No ORDER BY, no OFFSET: nothing here meets the sorted-row
        // limit (MaxSortedTopRows) that paging through a large graph trips over.
        result.paged = true;
        const std::string where = "GRAPH <" + m_endpoint.graph + "> { ?s ?p ?o }";
        const auto partitionCounts = [&](const std::string& prefix) {
            const std::string filter = prefix.empty() ? "" : " FILTER(STRSTARTS(MD5(STR(?s)), \"" + prefix + "\"))";
            const std::string query = "SELECT ?h (COUNT(*) AS ?n) WHERE { " + where + filter
                + " BIND(SUBSTR(MD5(STR(?s)), 1, " + std::to_string(prefix.size() + 1) + ") AS ?h) } GROUP BY ?h";
            const net::HttpResponse response
                = post(m_endpoint.query, "query", query, "application/sparql-results+json", cancel);
            ++result.requests;
            check(response, m_endpoint.query, "counting the partitions of <" + m_endpoint.graph + ">");
            std::vector<std::pair<std::string, std::uint64_t>> counts;
            try {
                const auto json = nlohmann::json::parse(response.body); // kept: the loop reads into it
                for (const auto& row : json.at("results").at("bindings"))
                    counts.emplace_back(row.at("h").at("value").get<std::string>(),
                        std::stoull(row.at("n").at("value").get<std::string>()));
            } catch (const std::exception& e) {
                throw Error("counting the partitions of <" + m_endpoint.graph + "> at "
                    + net::displayUrl(m_endpoint.query) + ": not a SPARQL JSON result (" + e.what() + ")");
            }
            return counts;
        };
        std::vector<std::pair<std::string, std::uint64_t>> pending = partitionCounts("");
        std::size_t largest = 0; // the most triples one answer held: the store's cap, at least
        while (!pending.empty()) {
            const auto [prefix, want] = pending.back();
            pending.pop_back();
            cancel.checkpoint();
            if (want > m_options.pageSize && prefix.size() < 32) { // more than one answer is asked to hold
                for (auto& part : partitionCounts(prefix))
                    pending.push_back(std::move(part));
                continue;
            }
            const std::string query
                = "CONSTRUCT { ?s ?p ?o } WHERE { " + where + " FILTER(STRSTARTS(MD5(STR(?s)), \"" + prefix + "\")) }";
            std::string answer;
            const net::HttpResponse response = post(m_endpoint.query, "query", query, "application/n-triples", cancel,
                [&](std::string_view bytes) { answer.append(bytes); });
            ++result.requests;
            check(response, m_endpoint.query, "reading <" + m_endpoint.graph + "> (partition " + prefix + ")");
            const auto got = static_cast<std::uint64_t>(std::count(answer.begin(), answer.end(), '\n'));
            if (got == want) {
                sink(answer);
                largest = std::max<std::size_t>(largest, got);
            } else if (got < want && prefix.size() < 32) {
                for (auto& part : partitionCounts(prefix)) // cut short by a cap: sixteen smaller ones
                    pending.push_back(std::move(part));
            } else {
                throw Error("reading <" + m_endpoint.graph + "> from " + net::displayUrl(m_endpoint.query)
                    + ": partition " + prefix + " gave " + std::to_string(got) + " triples where the store counts "
                    + std::to_string(want) + "; refusing a partial graph");
            }
        }
        result.pageSize = largest;
    }
    result.bytes = spool.bytes();
    const std::string& file = spool.close();

    rdf::Dataset part(into.sharedDictionary());
    rdf::ReadOptions options;
    options.format = rdf::Format::NTriples;
    options.cancel = cancel;
    try {
        rdf::readFile(file, part, options);
    } catch (const Error& e) {
        throw Error("the answer of " + m_endpoint.display() + " is not valid N-Triples: " + e.what());
    }
    if (part.size() != expected)
        throw Error("reading <" + m_endpoint.graph + "> from " + net::displayUrl(m_endpoint.query) + ": read "
            + std::to_string(part.size()) + " distinct triples of the " + std::to_string(expected)
            + " the store counts; refusing a partial graph");
    into.reserve(into.size() + part.size());
    for (const rdf::Quad& q : part.quads())
        into.add(q);
    into.finalize();
    result.triples = expected;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

void SparqlStore::update(const std::string& request, const engine::CancellationToken& cancel)
{
    if (!m_answered) // learn what the server is before the first update
        count(cancel);
    const std::string text = m_virtuoso ? "DEFINE sql:big-data-const 1\n" + request : request;
    net::HttpResponse response = post(m_endpoint.updateUrl(), "update", text, "*/*", cancel);
    // Some literals (xsd:duration) cannot go through big-data-const; Virtuoso says so and asks for 0.
    if (m_virtuoso && !succeeded(response.status) && response.body.find("big-data-const 0") != std::string::npos)
        response = post(m_endpoint.updateUrl(), "update", request, "*/*", cancel);
    check(response, m_endpoint.updateUrl(), "updating <" + m_endpoint.graph + ">");
}

void SparqlStore::merge(const std::string& ntriples, const engine::CancellationToken& cancel)
{
    if (m_endpoint.gsp.empty())
        throw Error("merging into <" + m_endpoint.graph + "> needs the store's Graph Store Protocol endpoint");
    net::HttpRequest request;
    request.method = "POST";
    request.url = withQuery(m_endpoint.gsp, "graph=" + net::urlEncode(m_endpoint.graph));
    request.headers = {{"Content-Type", "application/n-triples"}};
    request.body = ntriples;
    request.credentials = m_endpoint.credentials;
    const net::HttpResponse response = m_http.send(request, &cancel);
    check(response, m_endpoint.gsp, "adding to <" + m_endpoint.graph + "> (Graph Store Protocol)");
}

} // namespace evograph::remote
