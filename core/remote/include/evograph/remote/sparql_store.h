#pragma once
// A named graph in a remote triple store, spoken to only through the W3C SPARQL 1.1 Protocol,
// SPARQL 1.1 Update and the Graph Store Protocol (GSP), over the one HTTP layer (net::HttpClient:
// timeouts, retries, TLS, Basic or Digest auth, secrets never shown). Works with any conforming
// store; tested against Virtuoso 7.2 on loopback.
//
// Reading never truncates silently. Stores cap result sets (Virtuoso: ResultSetMaxRows, 10,000 by
// default) and Virtuoso caps even GSP GET and CONSTRUCT without saying so, so the triples are
// counted first (a one-row SELECT no cap touches) and whatever is read is checked against the
// count: GSP GET as N-Triples where the store has it, else (or when it came back short) CONSTRUCT
// pages ordered by subject, predicate and object whose size shrinks to the cap the store applies.
// A read that still comes back short is an error naming the store, never a partial graph.
//
// The body goes to a temporary file as it arrives and is parsed from there: memory holds the
// dataset, not the document (about 60 MB per million triples for the quads and their terms).
//
// Virtuoso's quirks, handled here: queries and updates are POSTed form-encoded (a POST with
// Content-Type application/sparql-query hangs on 7.2.5); an update answers 200 with a result set;
// INSERT DATA refuses blank nodes (the update batches use INSERT {...} WHERE {} for those); DATA
// blocks past a few hundred triples fail to compile ("generated SQL text has exceeded 10000 lines")
// unless the request starts with Virtuoso's own DEFINE sql:big-data-const 1, which update() adds
// when the server says it is Virtuoso (its Server header) and never otherwise; ORDER BY pages end
// at MaxSortedTopRows (10,000 by default), hence the default page size.

#include "evograph/engine/cancellation.h"
#include "evograph/net/http_client.h"
#include "evograph/rdf/dataset.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

namespace evograph::remote {

struct StoreEndpoint {
    std::string query; // the SPARQL endpoint
    std::string update; // the update endpoint ("" : the query endpoint)
    std::string gsp; // the Graph Store Protocol endpoint ("" : none, CONSTRUCT pages are used)
    std::string graph; // the named graph's IRI
    net::HttpCredentials credentials;

    std::string updateUrl() const { return update.empty() ? query : update; }
    // "ENDPOINT#GRAPH", for messages (no credentials).
    std::string display() const;
};

// "sparql:ENDPOINT#GRAPH_IRI" as a source; nullopt when `source` does not start with "sparql:".
// Throws evograph::Error for one without a graph IRI.
std::optional<StoreEndpoint> parseSparqlSource(const std::string& source);

struct StoreOptions {
    // The most triples one CONSTRUCT answer is asked for: a graph read without (or past a capped)
    // Graph Store Protocol comes in partitions by MD5(STR(?s)), each checked against its COUNT.
    std::size_t pageSize = 10'000;
    net::HttpOptions http; // timeouts and retries
};

struct StoreRead {
    std::uint64_t triples = 0, bytes = 0;
    std::size_t requests = 0;
    bool paged = false; // read in CONSTRUCT partitions (no GSP, or GSP came back short)
    std::size_t pageSize = 0; // the most triples one partition held (when paged)
    double seconds = 0;
};

// Thread-safe: batches of a push may be sent from several threads at once.
class SparqlStore {
public:
    explicit SparqlStore(StoreEndpoint endpoint, StoreOptions options = {});

    const StoreEndpoint& endpoint() const { return m_endpoint; }

    // The named graph's triple count.
    std::uint64_t count(const engine::CancellationToken& cancel = {});
    // Adds the named graph's triples to `into` (default graph) and finalizes it. `progress` gets
    // triples read and the count. Throws evograph::Error on a short read, an HTTP or auth error.
    StoreRead read(rdf::Dataset& into, const engine::CancellationToken& cancel = {},
        const engine::ProgressCallback& progress = {});
    // Runs a SPARQL 1.1 Update request.
    void update(const std::string& request, const engine::CancellationToken& cancel = {});
    // Merges N-Triples into the named graph (Graph Store Protocol POST); needs the GSP endpoint.
    void merge(const std::string& ntriples, const engine::CancellationToken& cancel = {});

private:
    net::HttpResponse post(const std::string& url, const std::string& field, const std::string& text,
        const std::string& accept, const engine::CancellationToken& cancel,
        std::function<void(std::string_view)> sink = {});
    void check(const net::HttpResponse& response, const std::string& url, const std::string& what) const;

    StoreEndpoint m_endpoint;
    StoreOptions m_options;
    net::HttpClient m_http;
    // What its Server header said (see above), learnt from the first answer; batches may run concurrently.
    std::atomic<bool> m_answered = false, m_virtuoso = false;
};

} // namespace evograph::remote
