// The SPARQL store client against a loopback server that caps its answers without a word, one
// that lost triples it still counts, and one that wants a password (tests/remote/capping_store.py;
// the real store, Virtuoso, is met in tests/cli/remote.sh). Reading must page past a cap, refuse
// a partial graph, and say what went wrong.

#include "../embed/fake_provider.h"
#include "evograph/error.h"
#include "evograph/remote/sparql_store.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace evograph;
using Catch::Matchers::ContainsSubstring;

namespace {
remote::SparqlStore storeAt(const test::FakeProvider& server, const std::string& behaviour, bool gsp)
{
    remote::StoreEndpoint endpoint;
    endpoint.query = server.url("/" + behaviour + "/sparql");
    endpoint.gsp = gsp ? server.url("/" + behaviour + "/gsp") : "";
    endpoint.graph = "http://example.org/g";
    remote::StoreOptions options;
    options.pageSize = 10;
    options.http.maxRetries = 0;
    return remote::SparqlStore(endpoint, options);
}
} // namespace

TEST_CASE("sparql store: a silently capped answer is detected and read in partitions under the cap", "[remote]")
{
    const test::FakeProvider server(EVOGRAPH_CAPPING_STORE);
    for (const bool gsp : {true, false}) {
        remote::SparqlStore store = storeAt(server, "cap3", gsp);
        rdf::Dataset data;
        const remote::StoreRead read = store.read(data);
        CHECK(data.size() == 20);
        CHECK(read.triples == 20);
        CHECK(read.paged);
        CHECK((read.pageSize > 0 && read.pageSize <= 3)); // no partition came back cut
        CHECK(read.requests > 7); // 20 triples, at most 3 an answer, and the counts
    }
    remote::SparqlStore whole = storeAt(server, "all", true);
    rdf::Dataset data;
    CHECK_FALSE(whole.read(data).paged); // GSP gave all 20 at once
    CHECK(data.size() == 20);
}

TEST_CASE("sparql store: a store that returns fewer triples than it counts is refused", "[remote]")
{
    const test::FakeProvider server(EVOGRAPH_CAPPING_STORE);
    remote::SparqlStore store = storeAt(server, "liar", true);
    rdf::Dataset data;
    CHECK_THROWS_WITH(store.read(data),
        ContainsSubstring("read 20 distinct triples of the 25") && ContainsSubstring("refusing a partial graph"));
    CHECK(data.empty());
}

TEST_CASE("sparql store: an authentication failure names the user, never the password", "[remote]")
{
    const test::FakeProvider server(EVOGRAPH_CAPPING_STORE);
    remote::StoreEndpoint endpoint {server.url("/auth/sparql"), {}, {}, "http://example.org/g", {"alice", "s3cret-pw"}};
    remote::SparqlStore store(endpoint);
    try {
        store.count();
        FAIL("no error");
    } catch (const Error& e) {
        CHECK_THAT(e.what(), ContainsSubstring("authentication failed (HTTP 401) for user 'alice'"));
        CHECK_THAT(e.what(), !ContainsSubstring("s3cret-pw"));
    }
}

TEST_CASE("sparql store: a source is sparql:ENDPOINT#GRAPH", "[remote]")
{
    const auto e = remote::parseSparqlSource("sparql:http://host:8890/sparql#http://example.org/g#frag");
    REQUIRE(e);
    CHECK(e->query == "http://host:8890/sparql");
    CHECK(e->graph == "http://example.org/g#frag");
    CHECK_FALSE(remote::parseSparqlSource("file.ttl"));
    CHECK_THROWS_WITH(
        remote::parseSparqlSource("sparql:http://host/sparql"), ContainsSubstring("sparql:ENDPOINT#GRAPH_IRI"));
}
