#include "evograph/agents/graph_monitor_agent.h"

#include "folder_watcher.h"

#include "evograph/agents/action_gate.h"
#include "evograph/net/http_client.h"
#include "evograph/rdf/format.h"
#include "evograph/workspace/agent_records.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <unistd.h>

namespace evograph::agents {

namespace fs = std::filesystem;

namespace {
using SteadyTime = std::chrono::steady_clock::time_point;

// Size and modification time: what tells a new version of a file from the one imported.
std::string stampOf(const fs::path& file, fs::file_time_type& modified)
{
    modified = fs::last_write_time(file);
    return std::to_string(fs::file_size(file)) + ":" + std::to_string(modified.time_since_epoch().count());
}

// The RDF files a source names, oldest first (a folder's versions are imported in the order
// they arrived).
std::vector<fs::path> filesOf(const std::string& source)
{
    std::error_code ec;
    if (!fs::is_directory(source, ec))
        return fs::is_regular_file(source, ec) ? std::vector<fs::path> {source} : std::vector<fs::path> {};
    std::vector<std::pair<fs::file_time_type, fs::path>> found;
    for (const fs::directory_entry& entry : fs::directory_iterator(source, ec))
        if (entry.is_regular_file(ec) && rdf::formatFromExtension(entry.path())
            && entry.path().filename().string().front() != '.')
            found.emplace_back(entry.last_write_time(ec), entry.path());
    std::sort(found.begin(), found.end());
    std::vector<fs::path> files;
    for (auto& [time, path] : found)
        files.push_back(std::move(path));
    return files;
}

std::optional<rdf::Format> formatOfResponse(const std::string& url, const net::HttpResponse& response)
{
    const auto type = response.headers.find("content-type");
    if (type != response.headers.end()) {
        const std::string& t = type->second;
        for (const auto& [mime, format] :
            std::initializer_list<std::pair<const char*, rdf::Format>> {{"text/turtle", rdf::Format::Turtle},
                {"application/n-triples", rdf::Format::NTriples}, {"application/n-quads", rdf::Format::NQuads},
                {"application/trig", rdf::Format::TriG}, {"application/rdf+xml", rdf::Format::RdfXml}})
            if (t.rfind(mime, 0) == 0)
                return format;
    }
    if (auto format = rdf::formatFromExtension(fs::path(url.substr(0, url.find_first_of("?#")))))
        return format;
    return rdf::sniffFormat(std::string_view(response.body).substr(0, 4096));
}
} // namespace

struct GraphMonitorAgent::State {
    std::unique_ptr<FolderWatcher> watcher;
    net::HttpClient http;
    std::mutex mutex; // the fields below: poll() and run() are on different threads
    std::map<std::string, SteadyTime> nextUrlCheck; // absent: at once
    bool lookAgainSoon = false; // a file was still being written
    SteadyTime lookAgainAt;

    explicit State(net::HttpOptions options)
        : http(options)
    {
    }
};

GraphMonitorAgent::GraphMonitorAgent(std::string workspacePath, config::Config settings)
    : WorkspaceAgent(std::move(workspacePath), std::move(settings))
{
    net::HttpOptions http;
    http.timeout = std::chrono::seconds(60);
    http.maxRetries = 2;
    m_state = std::make_unique<State>(http);
    std::vector<fs::path> folders;
    for (const config::WatchSource& source : config().agents.watch)
        if (!source.path.empty()) {
            std::error_code ec;
            folders.push_back(
                fs::is_directory(source.path, ec) ? fs::path(source.path) : fs::path(source.path).parent_path());
        }
    m_state->watcher = std::make_unique<FolderWatcher>(folders);
}

GraphMonitorAgent::~GraphMonitorAgent() = default;

bool GraphMonitorAgent::poll()
{
    const bool changed = m_state->watcher->changed();
    const SteadyTime now = std::chrono::steady_clock::now();
    const std::lock_guard lock(m_state->mutex);
    bool due = changed || (m_state->lookAgainSoon && now >= m_state->lookAgainAt);
    for (const config::WatchSource& source : config().agents.watch)
        if (!source.url.empty()) {
            const auto next = m_state->nextUrlCheck.find(source.url);
            due = due || next == m_state->nextUrlCheck.end() || now >= next->second;
        }
    return due;
}

AgentOutcome GraphMonitorAgent::run(const engine::TaskContext& context)
{
    {
        const std::lock_guard lock(m_state->mutex);
        m_state->lookAgainSoon = false;
    }
    auto ws = openWorkspace();
    nlohmann::json cursor = nlohmann::json::object();
    if (const auto saved = workspace::agentCheckpoint(ws, name()))
        cursor = nlohmann::json::parse(*saved);
    cursor.emplace("files", nlohmann::json::object());
    cursor.emplace("urls", nlohmann::json::object());
    AgentOutcome outcome;
    std::size_t imported = 0, failed = 0;

    // One import through the gate; a file that does not parse is a failed action, not a failed run.
    const auto importVersion = [&](const config::WatchSource& source, const std::string& file, const std::string& label,
                                   std::optional<rdf::Format> format, const nlohmann::json& next) {
        workspace::Workspace::Imported result;
        try {
            const workspace::AgentAction action = performAction(ws, config(),
                {name(), "graph.import", AgentClass::Additive, source.graph, nlohmann::json {{"from", label}}.dump(),
                    next.dump()},
                [&](workspace::Workspace& w) {
                    result = w.importGraph(source.graph, file, label, format, workspace::Progress::of(context));
                    return nlohmann::json {{"from", label}, {"version", result.version.seq}, {"new", result.isNew}}
                        .dump();
                });
            if (action.decision == "proposed")
                return false;
        } catch (const Cancelled&) {
            throw;
        } catch (const std::exception& e) {
            ++failed;
            outcome.events.push_back({"import failed", source.graph + " from " + label + ": " + e.what(), {}, {}});
            workspace::saveAgentCheckpoint(ws, name(), next.dump()); // recorded as failed; not retried until it changes
            return true;
        }
        if (result.isNew) {
            ++imported;
            outcome.events.push_back(
                {"version imported", source.graph + "@" + std::to_string(result.version.seq), {}, {}});
        }
        return true;
    };

    for (const config::WatchSource& source : config().agents.watch) {
        context.checkpoint();
        if (!source.path.empty()) {
            for (const fs::path& file : filesOf(source.path)) {
                context.checkpoint();
                std::error_code ec;
                fs::file_time_type modified;
                std::string stamp;
                try {
                    stamp = stampOf(file, modified);
                } catch (const fs::filesystem_error&) {
                    continue; // gone meanwhile
                }
                // Keyed by the file itself, not by how the config spelled its folder ("./in", "in/").
                const std::string key = fs::weakly_canonical(file, ec).string();
                if (cursor["files"].value(key, std::string()) == stamp)
                    continue;
                if (fs::file_time_type::clock::now() - modified < std::chrono::seconds(1)) {
                    const std::lock_guard lock(m_state->mutex); // may still be written: look again soon
                    m_state->lookAgainSoon = true;
                    m_state->lookAgainAt = std::chrono::steady_clock::now() + std::chrono::seconds(1);
                    continue;
                }
                nlohmann::json next = cursor;
                next["files"][key] = stamp;
                if (!importVersion(source, file.string(), file.filename().string(), std::nullopt, next))
                    return {"import of " + file.string() + " awaits a reviewer", std::move(outcome.events)};
                cursor = std::move(next);
            }
            continue;
        }
        {
            const std::lock_guard lock(m_state->mutex);
            const auto next = m_state->nextUrlCheck.find(source.url);
            if (next != m_state->nextUrlCheck.end() && std::chrono::steady_clock::now() < next->second)
                continue;
            m_state->nextUrlCheck[source.url] = std::chrono::steady_clock::now() + source.interval;
        }
        const nlohmann::json seen = cursor["urls"].value(source.url, nlohmann::json::object());
        net::HttpRequest request {"GET", source.url, {}, {}};
        if (const std::string etag = seen.value("etag", std::string()); !etag.empty())
            request.headers.push_back({"If-None-Match", etag});
        if (const std::string modified = seen.value("last_modified", std::string()); !modified.empty())
            request.headers.push_back({"If-Modified-Since", modified});
        const net::HttpResponse response = m_state->http.send(request, &context.cancellation());
        if (response.status == 304)
            continue;
        if (response.status != 200) {
            ++failed;
            outcome.events.push_back({"import failed",
                source.graph + " from " + net::displayUrl(source.url) + ": HTTP " + std::to_string(response.status), {},
                {}});
            continue;
        }
        // The body goes through a private temporary file: the importer reads files.
        const fs::path temporary = fs::temp_directory_path()
            / ("evograph-monitor-" + std::to_string(getpid()) + "-" + std::to_string(imported + failed) + ".rdf");
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out.write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
            if (!out.flush())
                throw Error("cannot write " + temporary.string());
        }
        const auto header = [&](const char* name) {
            const auto it = response.headers.find(name);
            return it == response.headers.end() ? std::string() : it->second;
        };
        nlohmann::json next = cursor;
        next["urls"][source.url] = {{"etag", header("etag")}, {"last_modified", header("last-modified")}};
        const bool done = importVersion(
            source, temporary.string(), net::displayUrl(source.url), formatOfResponse(source.url, response), next);
        std::error_code ec;
        fs::remove(temporary, ec);
        if (!done)
            return {"import of " + net::displayUrl(source.url) + " awaits a reviewer", std::move(outcome.events)};
        cursor = std::move(next);
    }
    outcome.summary = imported || failed
        ? std::to_string(imported) + " version(s) imported" + (failed ? ", " + std::to_string(failed) + " failed" : "")
        : "nothing new";
    return outcome;
}

} // namespace evograph::agents
