#pragma once
// evograph's one HTTP layer (libcurl): every request any domain sends (embedding providers,
// remote stores, webhooks) goes through HttpClient, so timeouts, retries, TLS and the handling of
// secrets are the same everywhere.
//
// - Timeouts: a connect timeout and a total one per attempt.
// - Retries with exponential backoff and full jitter on transport failures (refused, reset, timed
//   out) and on 408, 409, 429 and 5xx; Retry-After (seconds or an HTTP date) and retry-after-ms
//   are honoured (capped at maxBackoff × 4).
// - A rate limit per client: requests are spaced at least 1 / requestsPerSecond apart.
// - TLS verification is always on (peer and host name); caFile adds a CA bundle. Proxies come from
//   the environment (http_proxy, https_proxy, no_proxy), as curl reads them.
// - Secrets: headers marked secret (Authorization, keys) are sent and never appear in an error,
//   a log line or a debug dump; URLs in messages lose their user info and query.
// - Bodies larger than maxResponseBytes are cut off with an error, not buffered; a request with a
//   sink streams a successful (2xx) body to it instead, without a limit. Once bytes reached the
//   sink a failure is not retried (the sink would see them twice): it throws.
// - Credentials (user and password) answer Basic or Digest authentication, whichever the server
//   asks for; the password is a secret like the headers marked so.
// - Cancellation: the transfer stops at the token's next check (every ~100 ms) with Cancelled.
//
// A transport failure that outlasts the retries is an evograph::Error ("POST http://host/path:
// Connection refused (3 attempts)"). Any HTTP status is returned, not thrown, once no retry is
// left (400, 401, 404, or a 503 that stayed): the caller names its service and reads the
// service's own message from the body.

#include "evograph/engine/cancellation.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace evograph::net {

struct HttpHeader {
    std::string name, value;
    bool secret = false; // never shown anywhere
};

struct HttpCredentials {
    std::string user, password; // password: never shown anywhere
    bool empty() const { return user.empty(); }
};

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<HttpHeader> headers;
    std::string body;
    HttpCredentials credentials; // Basic or Digest, as the server asks
    // When set, a 2xx body goes here in pieces as it arrives (HttpResponse::body stays empty).
    std::function<void(std::string_view)> sink;
};

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers; // names in lower case; the last of repeated ones
    std::string body;
    unsigned attempts = 1;
};

struct HttpOptions {
    std::chrono::milliseconds connectTimeout {10'000};
    std::chrono::milliseconds timeout {60'000}; // per attempt
    unsigned maxRetries = 4;
    std::chrono::milliseconds initialBackoff {250};
    std::chrono::milliseconds maxBackoff {8'000};
    double requestsPerSecond = 0; // 0: no limit
    std::string caFile;
    std::size_t maxResponseBytes = std::size_t(64) << 20;
    std::uint64_t jitterSeed = 0; // 0: from the clock
};

// A status worth another attempt: 408, 409, 429 and 5xx.
bool isRetriedStatus(long status);

// "http://host:port/path" of a URL: user info, query and fragment removed (for messages).
std::string displayUrl(const std::string& url);

// `text` percent-encoded for a URL query or a form body (RFC 3986 unreserved characters kept).
std::string urlEncode(std::string_view text);

// The wait a Retry-After (delta-seconds or HTTP date) or retry-after-ms header asks for.
std::optional<std::chrono::milliseconds> retryAfter(const std::map<std::string, std::string>& headers);

class HttpClient {
public:
    explicit HttpClient(HttpOptions options = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Sends with retries; thread-safe (each call its own transfer). Throws evograph::Error after
    // the last failed attempt, Cancelled when `cancel` is set.
    HttpResponse send(const HttpRequest& request, const engine::CancellationToken* cancel = nullptr);

    const HttpOptions& options() const { return m_options; }

    // Called before each retry with the attempt that failed, its reason and the wait (for logs and tests).
    using RetryObserver
        = std::function<void(unsigned attempt, const std::string& reason, std::chrono::milliseconds wait)>;
    void setRetryObserver(RetryObserver observer) { m_observer = std::move(observer); }

private:
    struct Attempt;
    Attempt attempt(const HttpRequest& request, const engine::CancellationToken* cancel);
    void waitForRateLimit(const engine::CancellationToken* cancel);
    std::chrono::milliseconds backoff(unsigned attempt);

    HttpOptions m_options;
    RetryObserver m_observer;
    std::mutex m_mutex; // guards the two below
    std::chrono::steady_clock::time_point m_nextSlot {};
    std::uint64_t m_random;
};

} // namespace evograph::net
