#include "workspace_impl.h"

#include "content_store.h"
#include "evograph/diff/graph_diff.h"
#include "evograph/diff/rdf_patch.h"
#include "evograph/engine/digest.h"
#include "evograph/engine/thread_pool.h"
#include "evograph/error.h"
#include "evograph/rdf/reader.h"
#include "evograph/rdf/statistics.h"
#include "schema.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace evograph::workspace {

namespace {
std::string loginName()
{
    if (const passwd* entry = ::getpwuid(::geteuid()); entry && entry->pw_name)
        return entry->pw_name;
    if (const char* user = std::getenv("USER"))
        return user;
    return "uid " + std::to_string(::geteuid());
}

// Creates the file with mode 0600 before SQLite opens it (SQLite gives -wal and -shm the same
// mode); returns the path.
const std::string& createPrivateFile(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(path
            + (errno == EEXIST ? ": already exists; open it, or choose another path"
                               : ": cannot create: " + std::string(std::strerror(errno))));
    ::close(fd);
    return path;
}

// Why the workspace file cannot be written (a read-only file, folder or file system), if so. SQLite
// also writes -wal and -shm files beside it, so the folder must be writable too.
std::optional<std::string> whyNotWritable(const std::string& path)
{
    if (::access(path.c_str(), W_OK) != 0)
        return errno == EROFS ? "read-only file system"
                              : "the file is not writable: " + std::string(std::strerror(errno));
    const std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
    if (::access(folder.c_str(), W_OK) != 0)
        return errno == EROFS ? "read-only file system"
                              : "its folder " + folder.string() + " is not writable: " + std::strerror(errno);
    return std::nullopt;
}

void configure(sql::Connection& db)
{
    // First, so that the pragmas below wait too: setting the journal mode needs a lock, which
    // another connection's closing checkpoint may hold for a moment.
    db.execute("PRAGMA busy_timeout = 10000"); // readers and the rare checkpoint wait, never fail
    if (db.readOnly())
        return; // nothing to set for a file that is only read
    db.execute("PRAGMA journal_mode = WAL");
    db.execute("PRAGMA synchronous = FULL"); // a commit reaches the disk before it returns
    db.execute("PRAGMA foreign_keys = ON");
}

std::optional<GraphVersion> headOf(sql::Connection& db, const std::string& graph)
{
    sql::Statement row(db,
        std::string("SELECT ") + kVersionColumns + " FROM versions v JOIN graphs g ON g.head = v.id WHERE g.name = ?");
    row.bind(graph);
    if (!row.step())
        return std::nullopt;
    return versionAt(row);
}
} // namespace

Progress Progress::of(const engine::TaskContext& context)
{
    return {context.cancellation(), context.progressCallback()};
}

std::string contentHash(const rdf::Dataset& data, const engine::CancellationToken& cancel)
{
    return canonicalContent(data, cancel).hash;
}

std::string defaultWorkspacePath()
{
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "share";
    else
        base = ".";
    return (base / "evograph" / "workspace.evograph").string();
}

GraphVersion versionAt(const sql::Statement& row)
{
    GraphVersion v;
    v.id = row.integer(0);
    v.graph = row.text(1);
    v.seq = row.integer(2);
    v.label = row.text(3);
    v.content = row.text(4);
    v.triples = static_cast<std::uint64_t>(row.integer(5));
    if (!row.isNull(6))
        v.added = static_cast<std::uint64_t>(row.integer(6));
    if (!row.isNull(7))
        v.removed = static_cast<std::uint64_t>(row.integer(7));
    v.prefixes = nlohmann::json::parse(row.text(8)).get<decltype(v.prefixes)>();
    v.ontologyVersions = nlohmann::json::parse(row.text(9)).get<std::vector<std::string>>();
    v.source = row.text(10);
    v.createdAt = row.text(11);
    v.user = row.text(12);
    v.isHead = row.integer(13) != 0;
    v.storedAsDelta = row.integer(14) != 0;
    v.storedBytes = static_cast<std::uint64_t>(row.integer(15));
    return v;
}

std::int64_t nextVersionSeq(sql::Connection& db, const std::string& graph)
{
    return sql::queryInteger(db, "SELECT coalesce(max(seq), 0) + 1 FROM versions WHERE graph = ?", graph).value_or(1);
}

bool hasVersionLabel(sql::Connection& db, const std::string& graph, const std::string& label)
{
    sql::Statement taken(db, "SELECT 1 FROM versions WHERE graph = ? AND label = ?");
    return taken.bind(graph).bind(label).step();
}

GraphVersion appendVersion(Workspace::Impl& ws, const GraphVersion& v)
{
    sql::Connection& db = ws.db;
    const std::string now = utcNow();
    sql::Statement(db, "INSERT OR IGNORE INTO graphs(name, head, created_at) VALUES (?, NULL, ?)")
        .bind(v.graph)
        .bind(now)
        .run();
    auto count = [](const std::optional<std::uint64_t>& n) {
        return n ? std::optional<std::int64_t>(static_cast<std::int64_t>(*n)) : std::nullopt;
    };
    sql::Statement(db,
        "INSERT INTO versions(graph, seq, label, content, triples, added, removed, prefixes, ontology_versions, "
        "source, created_at, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(v.graph)
        .bind(v.seq)
        .bind(v.label)
        .bind(v.content)
        .bind(static_cast<std::int64_t>(v.triples))
        .bind(count(v.added))
        .bind(count(v.removed))
        .bind(nlohmann::json(v.prefixes).dump())
        .bind(nlohmann::json(v.ontologyVersions).dump())
        .bind(v.source)
        .bind(now)
        .bind(ws.user)
        .run();
    const std::int64_t id = db.lastInsertId();
    sql::Statement(db, "UPDATE graphs SET head = ? WHERE name = ?").bind(id).bind(v.graph).run();
    sql::Statement row(db, std::string("SELECT ") + kVersionColumns + " FROM versions v WHERE v.id = ?");
    row.bind(id).step();
    return versionAt(row);
}

Workspace::Impl::Impl(const std::string& path_, const OpenOptions& options, sql::OpenMode mode)
    : path(path_)
    , lock(options.access == Access::Write
              ? std::optional<WorkspaceLock>(std::in_place, path_, options.lockWait, options.purpose)
              : std::nullopt)
    , db(mode == sql::OpenMode::Create ? createPrivateFile(path_) : path_, mode)
    , user(loginName())
{
}

void Workspace::Impl::requireWrite(const std::string& operation) const
{
    if (!lock)
        throw Error(operation + " needs the workspace opened for writing");
}

Workspace::Workspace(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Workspace Workspace::create(const std::string& path, const OpenOptions& options)
{
    OpenOptions writing = options;
    writing.access = Access::Write;
    if (const auto parent = std::filesystem::path(path).parent_path(); !parent.empty()) {
        std::error_code error; // a directory that cannot be made shows as the file that cannot be
        std::filesystem::create_directories(parent, error);
    }
    auto impl = std::make_unique<Impl>(path, writing, sql::OpenMode::Create);
    configure(impl->db);
    sql::Transaction transaction(impl->db);
    createSchema(impl->db);
    sql::Statement(impl->db, "INSERT INTO meta(key, value) VALUES ('created_at', ?)").bind(utcNow()).run();
    Workspace workspace(std::move(impl));
    const std::string state = workspace.state().hash();
    appendAudit(workspace.impl(), {"workspace.init", path, state, state, "{}"});
    transaction.commit();
    return workspace;
}

namespace {
// A workspace is an SQLite file: say so plainly for any other file, before SQLite's "file is not a
// database" and before a lock file is made beside it. An empty file is an empty database.
void requireSqliteFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    if (in.gcount() > 0
        && std::string_view(header, static_cast<std::size_t>(in.gcount())) != std::string_view("SQLite format 3\0", 16))
        throw Error(
            path + ": not an evograph workspace (not an SQLite database); create one with 'evograph ws init FILE'");
}
} // namespace

Workspace Workspace::open(const std::string& path, const OpenOptions& options)
{
    std::error_code error; // a name too long to look up is no workspace either, not an exception
    if (!std::filesystem::is_regular_file(path, error))
        throw Error(path + ": no workspace here; create one with 'evograph ws init " + path + "'");
    requireSqliteFile(path);
    // A lock file this call creates goes again when the file turns out to be no workspace: nothing
    // is left beside the user's data.
    const std::string lockFile = path + ".lock";
    const bool lockFileExisted = std::filesystem::exists(lockFile, error);
    try {
        return openChecked(path, options);
    } catch (...) {
        if (!lockFileExisted)
            std::filesystem::remove(lockFile, error);
        throw;
    }
}

Workspace Workspace::openChecked(const std::string& path, const OpenOptions& options)
{
    const std::optional<std::string> readOnly = whyNotWritable(path);
    if (readOnly && options.access == Access::Write)
        throw Error(path + ": the workspace is read-only (" + *readOnly + "); "
            + (options.purpose.empty() ? std::string("writing") : options.purpose)
            + " needs to write to it. Commands that only read it still work.");
    auto impl = std::make_unique<Impl>(path, options, readOnly ? sql::OpenMode::ReadOnly : sql::OpenMode::ReadWrite);
    configure(impl->db);
    const int version = schemaVersion(impl->db);
    if (version < 1)
        throw Error(path + ": not an evograph workspace (an SQLite database without evograph's tables)");
    if (version != kSchemaVersion) {
        if (version < kSchemaVersion && readOnly)
            throw Error(path + ": the workspace has schema " + std::to_string(version) + " and is read-only ("
                + *readOnly + "); this evograph reads schema " + std::to_string(kSchemaVersion)
                + " after upgrading it, which needs to write");
        if (version < kSchemaVersion && !impl->lock) // upgrading writes: take the writer's lock for it
            impl->lock.emplace(path, options.lockWait, "schema upgrade");
        sql::Transaction transaction(impl->db);
        upgradeSchema(impl->db);
        transaction.commit();
        if (options.access == Access::Read)
            impl->lock.reset();
    }
    return Workspace(std::move(impl));
}

const std::string& Workspace::path() const
{
    return m_impl->path;
}

const std::string& Workspace::user() const
{
    return m_impl->user;
}

PreparedVersion prepareVersion(
    Workspace::Impl& ws, const std::string& graph, const rdf::Dataset& data, const Progress& progress)
{
    PreparedVersion prepared {graph, &data, canonicalContent(data, progress.cancel), headOf(ws.db, graph), {}, {}, {}};
    if (!prepared.changes())
        return prepared;
    if (prepared.current) {
        rdf::Dataset base(data.sharedDictionary());
        loadContent(ws.db, prepared.current->content, base, progress);
        const diff::GraphDiff changes = diff::diffDatasets(base, data, {progress.cancel, {}});
        prepared.added = changes.added.size();
        prepared.removed = changes.removed.size();
        if (!hasContent(
                ws.db, prepared.content.hash)) { // content stored before (an older version again) needs no patch
            std::string patch = diff::writePatch(changes, base, data);
            prepared.delta = DeltaCandidate {prepared.current->content, std::move(base), std::move(patch)};
        }
    }
    return prepared;
}

GraphVersion commitVersion(Workspace::Impl& ws, PreparedVersion prepared, const std::string& label,
    const std::string& source, const Progress& progress)
{
    storeContent(ws.db, *prepared.data, prepared.content, std::move(prepared.delta), progress);
    GraphVersion version;
    version.graph = prepared.graph;
    version.seq = nextVersionSeq(ws.db, prepared.graph);
    version.label = label.empty() ? "v" + std::to_string(version.seq) : label;
    if (hasVersionLabel(ws.db, prepared.graph, version.label))
        throw Error("graph '" + prepared.graph + "' already has a version labelled '" + version.label + "'");
    version.content = prepared.content.hash;
    version.triples = prepared.data->size();
    version.added = prepared.added;
    version.removed = prepared.removed;
    version.prefixes = prepared.data->prefixes().entries();
    version.ontologyVersions = rdf::computeStatistics(*prepared.data).versionIris;
    version.source = source;
    return appendVersion(ws, version);
}

Workspace::Imported Workspace::importGraph(const std::string& graph, const std::string& file, const std::string& label,
    std::optional<rdf::Format> format, const Progress& progress)
{
    m_impl->requireWrite("import");
    auto data = rdf::Dataset(std::make_shared<rdf::Dictionary>());
    rdf::ReadOptions read;
    read.format = format;
    read.cancel = progress.cancel;
    rdf::readFile(file, data, read);
    progress(1, 4);
    return importDataset(graph, data, label, std::filesystem::absolute(file).string(), progress);
}

Workspace::Imported Workspace::importDataset(const std::string& graph, const rdf::Dataset& data,
    const std::string& label, const std::string& source, const Progress& progress)
{
    m_impl->requireWrite("import");
    if (graph.empty())
        throw Error("a graph needs a name (--graph NAME)");
    // Stages, for progress: read (the caller's), canonicalize, load and diff the previous version, store.
    constexpr std::uint64_t kStages = 4;
    PreparedVersion prepared = prepareVersion(*m_impl, graph, data, {progress.cancel, {}});
    progress(3, kStages);
    if (!prepared.changes())
        return {*prepared.current, false};

    sql::Transaction transaction(m_impl->db);
    const std::string before = state().hash();
    GraphVersion version = commitVersion(*m_impl, std::move(prepared), label, source, progress);
    const nlohmann::json details = {{"version", version.seq}, {"label", version.label}, {"content", version.content},
        {"triples", version.triples}, {"source", source}};
    appendAudit(*m_impl, {"graph.import", graph, before, state().hash(), details.dump()});
    transaction.commit();
    progress(kStages, kStages);
    return {version, true};
}

std::vector<GraphVersion> Workspace::log(const std::optional<std::string>& graph)
{
    sql::Statement rows(m_impl->db,
        std::string("SELECT ") + kVersionColumns + " FROM versions v WHERE ? IS NULL OR v.graph = ? ORDER BY v.id");
    rows.bind(graph).bind(graph);
    std::vector<GraphVersion> versions;
    while (rows.step())
        versions.push_back(versionAt(rows));
    return versions;
}

GraphVersion Workspace::findVersion(const std::string& graph, const std::string& version)
{
    if (version.empty()) {
        if (auto head = headOf(m_impl->db, graph))
            return *head;
        throw Error("no graph named '" + graph + "' in " + m_impl->path);
    }
    sql::Statement row(m_impl->db,
        std::string("SELECT ") + kVersionColumns
            + " FROM versions v WHERE v.graph = ? AND (v.label = ? OR CAST(v.seq AS TEXT) = ?) "
              "ORDER BY v.label = ? DESC LIMIT 1");
    row.bind(graph).bind(version).bind(version).bind(version);
    if (!row.step())
        throw Error("graph '" + graph + "' has no version '" + version + "' (see evograph ws log)");
    return versionAt(row);
}

rdf::Dataset Workspace::readContent(
    const std::string& content, const Progress& progress, std::shared_ptr<rdf::Dictionary> dictionary)
{
    rdf::Dataset data(dictionary ? std::move(dictionary) : std::make_shared<rdf::Dictionary>());
    loadContent(m_impl->db, content, data, progress);
    return data;
}

WorkspaceState Workspace::state()
{
    WorkspaceState state;
    sql::Statement rows(m_impl->db,
        std::string("SELECT ") + kVersionColumns + " FROM versions v JOIN graphs g ON g.head = v.id ORDER BY g.name");
    while (rows.step()) {
        GraphVersion v = versionAt(rows);
        state.graphs.emplace(v.graph, std::move(v));
    }
    state.settings = settings(false);
    return state;
}

std::string stateHash(
    const std::map<std::string, std::string>& contents, const std::map<std::string, std::string>& settings)
{
    const nlohmann::json json = {{"graphs", contents}, {"settings", settings}};
    return engine::hexDigest(engine::HashAlgorithm::Sha256, json.dump());
}

std::string WorkspaceState::hash() const
{
    std::map<std::string, std::string> contents;
    for (const auto& [name, version] : graphs)
        contents.emplace(name, version.content);
    return stateHash(contents, settings);
}

void Workspace::setSetting(const std::string& key, const std::string& value, bool secret)
{
    m_impl->requireWrite("changing a setting");
    if (key.empty())
        throw Error("a setting needs a name");
    sql::Transaction transaction(m_impl->db);
    const std::string before = state().hash();
    sql::Statement(m_impl->db,
        "INSERT INTO settings(key, value, secret) VALUES (?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value, secret = excluded.secret")
        .bind(key)
        .bind(value)
        .bind(std::int64_t {secret})
        .run();
    // The audit log never holds a secret's value.
    const nlohmann::json details = {{"key", key}, {"secret", secret}};
    appendAudit(*m_impl, {"settings.set", key, before, state().hash(), details.dump()});
    transaction.commit();
}

std::map<std::string, std::string> Workspace::settings(bool includeSecrets)
{
    std::map<std::string, std::string> out;
    sql::Statement rows(m_impl->db, "SELECT key, value FROM settings WHERE secret = 0 OR ? ORDER BY key");
    rows.bind(std::int64_t {includeSecrets});
    while (rows.step())
        out.emplace(rows.text(0), rows.text(1));
    return out;
}

std::vector<std::string> Workspace::integrityProblems()
{
    std::vector<std::string> problems;
    sql::Statement rows(m_impl->db, "PRAGMA integrity_check");
    while (rows.step())
        if (rows.text(0) != "ok")
            problems.push_back(rows.text(0));
    sql::Statement keys(m_impl->db, "PRAGMA foreign_key_check");
    while (keys.step())
        problems.push_back("a row of " + keys.text(0) + " refers to a missing row of " + keys.text(2));
    return problems;
}

} // namespace evograph::workspace
