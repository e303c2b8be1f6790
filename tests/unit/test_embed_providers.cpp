// The HTTP layer and the embedding providers against a real local server that misbehaves on
// request (tests/embed/fake_provider.py): retries, Retry-After, timeouts, resets, malformed
// answers, wrong dimensions, oversized bodies, rate limits, cancellation, the cache staying clean,
// and the API key never leaving the request.
#include "../embed/fake_provider.h"

#include "evograph/embed/cached_embedder.h"
#include "evograph/embed/http_embedder.h"
#include "evograph/embed/providers.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace evograph;
using Catch::Matchers::ContainsSubstring;

namespace {
config::ProviderConfig providerFor(const test::FakeProvider& server, const std::string& model, bool ollama = false)
{
    config::ProviderConfig p;
    p.name = "local";
    p.kind = ollama ? config::ProviderKind::Ollama : config::ProviderKind::OpenAi;
    p.url = ollama ? server.url() : server.url("/v1");
    p.model = model;
    p.timeoutSeconds = 10;
    p.maxRetries = 3;
    return p;
}

nlohmann::json serverStats(const test::FakeProvider& server)
{
    net::HttpClient client;
    return nlohmann::json::parse(client.send({"GET", server.url("/stats"), {}, {}}).body);
}

int requestsFor(const test::FakeProvider& server, const std::string& model)
{
    const nlohmann::json stats = serverStats(server);
    return stats["requests"].contains(model) ? stats["requests"][model].get<int>() : 0;
}

std::string errorOf(embed::Embedder& embedder, const std::vector<std::string>& texts)
{
    try {
        embedder.embed(texts);
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

const std::vector<std::string> kTexts {"person", "postal address", "member of", "a", "date of birth"};

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
} // namespace

TEST_CASE("providers: OpenAI and Ollama answers become one vector per text, in order, in batches", "[embed][http]")
{
    test::FakeProvider server;
    for (const bool ollama : {false, true}) {
        config::ProviderConfig p = providerFor(server, ollama ? "dim-16" : "ok", ollama);
        p.maxBatch = 2;
        embed::HttpEmbedder embedder(p, "");
        const vector::VectorSet v = embedder.embed(kTexts);
        REQUIRE(v.size() == kTexts.size());
        CHECK(v.dim() == (ollama ? 16u : 8u));
        for (std::size_t j = 0; j < kTexts.size(); ++j) {
            CHECK(v.row(j)[0] == static_cast<float>(kTexts[j].size()));
            CHECK(v.row(j)[1] == static_cast<float>(j % 2)); // its place in its batch of 2
        }
        CHECK(embedder.model().dimension == v.dim());
    }
    CHECK(requestsFor(server, "ok") == 3); // 5 texts, batches of 2
    CHECK(requestsFor(server, "dim-16") == 3);
}

TEST_CASE("providers: 5xx, 429 and resets are retried; Retry-After and retry-after-ms are honoured", "[embed][http]")
{
    test::FakeProvider server;
    std::vector<std::string> reasons;
    const auto run = [&](const std::string& model) {
        embed::HttpEmbedder embedder(providerFor(server, model), "");
        embedder.client().setRetryObserver(
            [&](unsigned, const std::string& reason, std::chrono::milliseconds) { reasons.push_back(reason); });
        return embedder.embed(kTexts).size();
    };
    CHECK(run("flaky-500") == kTexts.size());
    CHECK(requestsFor(server, "flaky-500") == 3);
    CHECK(reasons == std::vector<std::string> {"HTTP 500", "HTTP 500"});

    reasons.clear();
    auto started = std::chrono::steady_clock::now();
    CHECK(run("retry-after") == kTexts.size());
    CHECK(secondsSince(started) >= 1.0); // Retry-After: 1
    started = std::chrono::steady_clock::now();
    CHECK(run("retry-after-ms") == kTexts.size());
    CHECK(secondsSince(started) >= 0.3);
    CHECK(reasons == std::vector<std::string> {"HTTP 429", "HTTP 429"});

    reasons.clear();
    CHECK(run("reset") == kTexts.size());
    CHECK(reasons.size() == 2);
    CHECK(requestsFor(server, "reset") == 3);
}

TEST_CASE("providers: failures name the provider, the status and the provider's message", "[embed][http]")
{
    test::FakeProvider server;
    config::ProviderConfig p = providerFor(server, "always-500");
    p.maxRetries = 1;
    embed::HttpEmbedder failing(p, "");
    CHECK_THAT(errorOf(failing, kTexts),
        ContainsSubstring("provider local (openai, http://127.0.0.1:")
            && ContainsSubstring("/v1/embeddings): HTTP 500: the model crashed"));
    CHECK(requestsFor(server, "always-500") == 2);

    embed::HttpEmbedder reset(providerFor(server, "always-reset"), "");
    CHECK_THAT(errorOf(reset, kTexts), ContainsSubstring("provider local") && ContainsSubstring("(4 attempts)"));

    embed::HttpEmbedder malformed(providerFor(server, "malformed"), "");
    CHECK_THAT(errorOf(malformed, kTexts), ContainsSubstring("malformed answer: not a JSON object"));

    embed::HttpEmbedder nan(providerFor(server, "nan"), "");
    CHECK_THAT(errorOf(nan, {"x"}), ContainsSubstring("malformed answer"));

    config::ProviderConfig wrong = providerFor(server, "wrong-dim");
    wrong.maxBatch = 2;
    embed::HttpEmbedder wrongDim(wrong, "");
    CHECK_THAT(
        errorOf(wrongDim, kTexts), ContainsSubstring("the model gave vectors of 4 dimensions; earlier answers had 8"));
    config::ProviderConfig declared = providerFor(server, "ok");
    declared.dimensions = 384;
    embed::HttpEmbedder declaredDim(declared, "");
    CHECK_THAT(errorOf(declaredDim, kTexts), ContainsSubstring("8 dimensions; the config says 384"));

    config::ProviderConfig slow = providerFor(server, "slow");
    slow.timeoutSeconds = 0.3;
    slow.maxRetries = 0;
    embed::HttpEmbedder timedOut(slow, "");
    const auto started = std::chrono::steady_clock::now();
    CHECK_THAT(errorOf(timedOut, kTexts), ContainsSubstring("timed out"));
    CHECK(secondsSince(started) < 2.5);

    config::ProviderConfig nowhere = providerFor(server, "ok");
    nowhere.url = "http://127.0.0.1:9/v1";
    nowhere.maxRetries = 1;
    embed::HttpEmbedder refused(nowhere, "");
    CHECK_THAT(
        errorOf(refused, kTexts), ContainsSubstring("127.0.0.1:9/v1/embeddings") && ContainsSubstring("(2 attempts)"));
}

TEST_CASE("http: oversized answers are refused, the rate limit spaces requests, cancellation stops a transfer",
    "[embed][http]")
{
    test::FakeProvider server;
    net::HttpOptions small;
    small.maxResponseBytes = 1 << 20;
    net::HttpClient client(small);
    const std::string body = R"({"model": "oversized", "input": ["x"]})";
    CHECK_THROWS_WITH(
        client.send({"POST", server.url("/v1/embeddings"), {}, body}), ContainsSubstring("larger than 1 MiB"));

    net::HttpOptions limited;
    limited.requestsPerSecond = 10;
    net::HttpClient paced(limited);
    auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i)
        paced.send({"GET", server.url("/stats"), {}, {}});
    CHECK(secondsSince(started) >= 0.39);

    net::HttpClient patient;
    engine::CancellationToken cancel;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancel.cancel();
    });
    started = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(
        patient.send({"POST", server.url("/v1/embeddings"), {}, R"({"model": "slow", "input": ["x"]})"}, &cancel),
        Cancelled);
    canceller.join();
    CHECK(secondsSince(started) < 1.5);

    CHECK(net::displayUrl("https://user:pw@host:8080/v1/embeddings?key=secret#x") == "https://host:8080/v1/embeddings");
    CHECK(net::retryAfter({{"retry-after", "2"}}) == std::chrono::milliseconds(2000));
    CHECK(net::retryAfter({{"retry-after-ms", "150"}, {"retry-after", "2"}}) == std::chrono::milliseconds(150));
    CHECK(net::isRetriedStatus(503));
    CHECK_FALSE(net::isRetriedStatus(404));
}

TEST_CASE("providers: the response cache answers repeats and keeps nothing of a failed request", "[embed][http][cache]")
{
    test::FakeProvider server;
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "evograph-cache-test";
    std::filesystem::remove_all(dir);
    config::ResponseCacheConfig settings;
    settings.path = (dir / "cache.sqlite").string();
    auto cache = std::make_shared<embed::ResponseCache>(settings);

    embed::CachedEmbedder cached(std::make_unique<embed::HttpEmbedder>(providerFor(server, "ok"), ""), cache);
    const vector::VectorSet first = cached.embed(kTexts);
    CHECK(requestsFor(server, "ok") == 1);
    const std::vector<std::string> more {"person", "new text"};
    const vector::VectorSet second = cached.embed(more);
    CHECK(requestsFor(server, "ok") == 2); // only "new text" was sent
    CHECK(second.row(0)[0] == first.row(0)[0]);
    CHECK(second.row(1)[0] == 8.0f);
    CHECK(cached.embed(kTexts).values() == first.values());
    CHECK(requestsFor(server, "ok") == 2);
    embed::CacheStats s = cache->stats();
    CHECK(s.entries == 6);
    CHECK(s.hits == 1 + 5);
    CHECK(s.misses == 5 + 1);
    CHECK(s.averageLookupMs > 0);

    // A request that fails half-way stores nothing.
    config::ProviderConfig p = providerFor(server, "fail-second");
    p.maxBatch = 2;
    p.maxRetries = 0;
    embed::CachedEmbedder failing(std::make_unique<embed::HttpEmbedder>(p, ""), cache);
    CHECK_THROWS_AS(failing.embed(kTexts), Error);
    CHECK(cache->stats().entries == 6);

    // Past max_size_mb the least recently used go.
    settings.maxSizeMb = 1;
    embed::ResponseCache tight(settings);
    std::vector<std::string> many;
    vector::VectorSet big(512);
    for (int i = 0; i < 800; ++i) {
        many.push_back("text " + std::to_string(i));
        big.append(std::vector<float>(512, 1.0f));
    }
    tight.store({"local", "ok", 512}, many, big);
    s = tight.stats();
    CHECK(s.evictions > 0);
    CHECK(s.bytes <= s.maxBytes);
    tight.clear();
    CHECK(tight.stats().entries == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("providers: the API key is sent, and appears in no error, cache or message", "[embed][http][secrets]")
{
    test::FakeProvider server;
    const std::string canary = "sk-canary-7f3a9c2e51d84b06";
    setenv("EVOGRAPH_TEST_CANARY_KEY", canary.c_str(), 1);
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "evograph-canary-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "evograph.toml") << "[ai.providers.local]\nkind = \"openai\"\nurl = \"" << server.url("/v1")
                                         << "\"\nmodel = \"ok\"\napi_key_env = \"EVOGRAPH_TEST_CANARY_KEY\"\n"
                                         << "[cache.ai_responses]\npath = \"" << (dir / "cache.sqlite").string()
                                         << "\"\n";
    const config::Config c = config::loadConfig(dir / "evograph.toml");
    auto embedder = embed::makeProviderEmbedder(c, "local");
    CHECK(embedder->embed(kTexts).size() == kTexts.size());
    CHECK(serverStats(server)["authorization"][0] == "Bearer " + canary);

    // A service that quotes the key back: the message is masked.
    config::ProviderConfig echo = c.providers.at("local");
    echo.model = "echo-key";
    embed::HttpEmbedder echoing(echo, embed::apiKeyFromEnvironment(echo));
    const std::string message = errorOf(echoing, kTexts);
    CHECK_THAT(message, ContainsSubstring("HTTP 401: Incorrect API key provided: Bearer [key]"));
    CHECK(message.find(canary) == std::string::npos);

    embedder.reset();
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        INFO(entry.path());
        CHECK(bytes.str().find(canary) == std::string::npos);
    }
    unsetenv("EVOGRAPH_TEST_CANARY_KEY");
    config::ProviderConfig unset = c.providers.at("local");
    CHECK_THROWS_WITH(
        embed::apiKeyFromEnvironment(unset), ContainsSubstring("EVOGRAPH_TEST_CANARY_KEY (api_key_env) is not set"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("providers: auto routing picks by the rules, builtin when none holds", "[embed]")
{
    const config::Config c = config::parseConfig(R"(
[ai.providers.small]
kind = "ollama"
url = "http://127.0.0.1:1"
model = "m"
[[ai.routing.rules]]
condition = "request.texts <= 10"
provider = "small"
)",
        "routing.toml");
    CHECK(embed::chooseProvider(c, "auto", 3, 100) == "small");
    CHECK(embed::chooseProvider(c, "auto", 11, 100) == "builtin");
    CHECK(embed::chooseProvider(c, "builtin", 3, 100) == "builtin");
    CHECK_THROWS_AS(embed::chooseProvider(c, "nope", 3, 100), Error);
}
