#include "evograph/net/http_client.h"

#include "evograph/error.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>

namespace evograph::net {

namespace {
void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    HttpResponse response;
    std::size_t limit = 0;
    bool oversized = false;
    const engine::CancellationToken* cancel = nullptr;
    const std::function<void(std::string_view)>* sink = nullptr;
    long status = 0; // of the response whose headers came last
    bool delivered = false; // bytes went to the sink
    std::exception_ptr sinkError;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (t->sink && *t->sink && t->status >= 200 && t->status < 300) {
        t->delivered = true;
        try {
            (*t->sink)(std::string_view(data, bytes));
        } catch (...) {
            t->sinkError = std::current_exception(); // a full disk, say: abort and rethrow it
            return 0;
        }
        return bytes;
    }
    if (t->response.body.size() + bytes > t->limit) {
        t->oversized = true;
        return 0; // aborts the transfer
    }
    t->response.body.append(data, bytes);
    return bytes;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    const std::string_view line(data, bytes);
    if (line.rfind("HTTP/", 0) == 0) { // a new response (after a 100 Continue, a redirect or an auth challenge)
        t->response.headers.clear();
        const std::size_t space = line.find(' ');
        t->status = space == std::string_view::npos ? 0 : std::atol(std::string(line.substr(space + 1, 3)).c_str());
        return bytes;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos)
        return bytes;
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
        value.remove_suffix(1);
    t->response.headers[name] = std::string(value);
    return bytes;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto* t = static_cast<Transfer*>(user);
    return t->cancel && t->cancel->isCancelled() ? 1 : 0;
}

bool isRetriedTransportError(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default:
        return false;
    }
}

void sleepFor(std::chrono::milliseconds wait, const engine::CancellationToken* cancel)
{
    const auto until = std::chrono::steady_clock::now() + wait;
    while (std::chrono::steady_clock::now() < until) {
        if (cancel)
            cancel->checkpoint();
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
            std::chrono::milliseconds(50), until - std::chrono::steady_clock::now()));
    }
    if (cancel)
        cancel->checkpoint();
}

std::string attemptsText(unsigned attempts)
{
    return attempts == 1 ? std::string() : " (" + std::to_string(attempts) + " attempts)";
}
} // namespace

struct HttpClient::Attempt {
    HttpResponse response;
    CURLcode code = CURLE_OK;
    std::string error; // curl's own words when code is not CURLE_OK
    bool oversized = false;
    bool delivered = false; // part of the body reached the request's sink
    std::exception_ptr sinkError;
};

bool isRetriedStatus(long status)
{
    return status == 408 || status == 409 || status == 429 || status >= 500;
}

std::string displayUrl(const std::string& url)
{
    std::string shown = url;
    const std::size_t scheme = shown.find("://");
    const std::size_t hostStart = scheme == std::string::npos ? 0 : scheme + 3;
    const std::size_t pathStart = shown.find_first_of("/?#", hostStart);
    const std::size_t at = shown.rfind('@', pathStart == std::string::npos ? shown.size() : pathStart);
    if (at != std::string::npos && at >= hostStart)
        shown.erase(hostStart, at + 1 - hostStart);
    const std::size_t cut = shown.find_first_of("?#", hostStart);
    if (cut != std::string::npos)
        shown.erase(cut);
    return shown;
}

std::string urlEncode(std::string_view text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
            out += static_cast<char>(c);
        else
            out.append({'%', kHex[c >> 4], kHex[c & 15]});
    }
    return out;
}

std::optional<std::chrono::milliseconds> retryAfter(const std::map<std::string, std::string>& headers)
{
    if (const auto ms = headers.find("retry-after-ms"); ms != headers.end()) {
        char* end = nullptr;
        const double value = std::strtod(ms->second.c_str(), &end);
        if (end != ms->second.c_str() && value >= 0)
            return std::chrono::milliseconds(static_cast<std::int64_t>(value));
    }
    const auto after = headers.find("retry-after");
    if (after == headers.end() || after->second.empty())
        return std::nullopt;
    if (std::all_of(after->second.begin(), after->second.end(), [](unsigned char c) { return std::isdigit(c); }))
        return std::chrono::seconds(std::stoll(after->second.substr(0, 9)));
    const time_t when = curl_getdate(after->second.c_str(), nullptr);
    if (when < 0)
        return std::nullopt;
    const auto wait = std::chrono::system_clock::from_time_t(when) - std::chrono::system_clock::now();
    return std::max(std::chrono::milliseconds(0), std::chrono::duration_cast<std::chrono::milliseconds>(wait));
}

HttpClient::HttpClient(HttpOptions options)
    : m_options(std::move(options))
    , m_random(m_options.jitterSeed
              ? m_options.jitterSeed
              : static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()))
{
    initCurlOnce();
}

HttpClient::~HttpClient() = default;

void HttpClient::waitForRateLimit(const engine::CancellationToken* cancel)
{
    if (m_options.requestsPerSecond <= 0)
        return;
    const auto spacing = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(1.0 / m_options.requestsPerSecond));
    std::chrono::steady_clock::time_point slot;
    {
        const std::lock_guard lock(m_mutex);
        slot = std::max(m_nextSlot, std::chrono::steady_clock::now());
        m_nextSlot = slot + spacing;
    }
    const auto wait = slot - std::chrono::steady_clock::now();
    if (wait > std::chrono::steady_clock::duration::zero())
        sleepFor(std::chrono::duration_cast<std::chrono::milliseconds>(wait), cancel);
}

std::chrono::milliseconds HttpClient::backoff(unsigned attempt)
{
    // Exponential, capped, with "equal jitter": half the step fixed, half random, so that
    // clients that failed together do not come back together.
    const double step = std::min<double>(static_cast<double>(m_options.maxBackoff.count()),
        static_cast<double>(m_options.initialBackoff.count()) * static_cast<double>(1u << std::min(attempt - 1, 20u)));
    double unit;
    {
        const std::lock_guard lock(m_mutex);
        m_random += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = m_random;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        unit = static_cast<double>((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
    }
    return std::chrono::milliseconds(static_cast<std::int64_t>(step / 2 + unit * step / 2));
}

HttpClient::Attempt HttpClient::attempt(const HttpRequest& request, const engine::CancellationToken* cancel)
{
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl)
        throw Error("cannot start an HTTP transfer (libcurl)");
    curl_slist* list = nullptr;
    for (const HttpHeader& h : request.headers)
        list = curl_slist_append(list, (h.name + ": " + h.value).c_str());
    list = curl_slist_append(list, "Expect:"); // no 100-continue round trip for large bodies
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(list, &curl_slist_free_all);

    Transfer transfer;
    transfer.limit = m_options.maxResponseBytes;
    transfer.cancel = cancel;
    transfer.sink = &request.sink;
    char errorText[CURL_ERROR_SIZE] = {};
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    if (request.method == "POST" || !request.body.empty()) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    if (request.method == "HEAD")
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    else if (request.method != "GET" && request.method != "POST")
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.timeout.count()));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!m_options.caFile.empty())
        curl_easy_setopt(h, CURLOPT_CAINFO, m_options.caFile.c_str());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorText);
    if (!request.credentials.empty()) {
        curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BASIC | CURLAUTH_DIGEST);
        curl_easy_setopt(h, CURLOPT_USERNAME, request.credentials.user.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, request.credentials.password.c_str());
    }

    Attempt result;
    result.code = curl_easy_perform(h);
    if (result.code == CURLE_OK)
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &transfer.response.status);
    else
        result.error = errorText[0] ? errorText : curl_easy_strerror(result.code);
    result.oversized = transfer.oversized;
    result.delivered = transfer.delivered;
    result.sinkError = transfer.sinkError;
    result.response = std::move(transfer.response);
    return result;
}

HttpResponse HttpClient::send(const HttpRequest& request, const engine::CancellationToken* cancel)
{
    const std::string where = request.method + " " + displayUrl(request.url);
    for (unsigned attemptNo = 1;; ++attemptNo) {
        if (cancel)
            cancel->checkpoint();
        waitForRateLimit(cancel);
        Attempt a = attempt(request, cancel);
        const bool last = attemptNo > m_options.maxRetries;
        if (a.code == CURLE_ABORTED_BY_CALLBACK)
            throw Cancelled();
        if (a.sinkError)
            std::rethrow_exception(a.sinkError);
        if (a.oversized)
            throw Error(where + ": the answer is larger than " + std::to_string(m_options.maxResponseBytes >> 20)
                + " MiB; refused");
        std::string reason;
        std::chrono::milliseconds wait = backoff(attemptNo);
        if (a.code != CURLE_OK) {
            if (!isRetriedTransportError(a.code) || last || a.delivered)
                throw Error(where + ": " + a.error + attemptsText(attemptNo));
            reason = a.error;
        } else if (isRetriedStatus(a.response.status) && !last) {
            reason = "HTTP " + std::to_string(a.response.status);
            if (const auto asked = retryAfter(a.response.headers))
                wait = std::min(std::max(wait, *asked), m_options.maxBackoff * 4);
        } else {
            a.response.attempts = attemptNo;
            return std::move(a.response);
        }
        if (m_observer)
            m_observer(attemptNo, reason, wait);
        sleepFor(wait, cancel);
    }
}

} // namespace evograph::net
