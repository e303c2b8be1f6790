#pragma once
// The workspace: one SQLite file (WAL, synchronous=FULL, mode 0600) holding named graphs with
// their history of versions, snapshots of the whole state, and the audit log.
//
// Contents are addressed by the SHA-256 of their RDFC-1.0 canonical N-Quads, so the same
// content is stored once; a new version of a graph is stored as an RDF Patch against its
// predecessor, with a whole copy every kCheckpointInterval patches. Reading a version back
// gives a dataset isomorphic to the one imported.
//
// Every mutating call runs in one SQLite transaction together with its audit record: on an
// error, a cancellation or a kill, the file keeps its previous state. Only one process writes a
// workspace at a time (WorkspaceLock); readers never wait. A Workspace is used from one thread.

#include "evograph/engine/cancellation.h"
#include "evograph/rdf/dataset.h"
#include "evograph/rdf/format.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace evograph::engine {
class TaskContext;
}

namespace evograph::workspace {

// Cancellation and progress for long workspace operations (an engine task's, or none).
struct Progress {
    engine::CancellationToken cancel;
    engine::ProgressCallback report;

    static Progress of(const engine::TaskContext& context);
    void checkpoint() const { cancel.checkpoint(); }
    void operator()(std::uint64_t done, std::uint64_t total) const
    {
        if (report)
            report(done, total);
    }
};

// The hash the workspace addresses a dataset's content by: SHA-256 of its RDFC-1.0 canonical
// N-Quads (lower-case hex). `data` must be finalized.
std::string contentHash(const rdf::Dataset& data, const engine::CancellationToken& cancel = {});

// $XDG_DATA_HOME/evograph/workspace.evograph (~/.local/share/... when XDG_DATA_HOME is unset).
std::string defaultWorkspacePath();

enum class Access { Read, Write };

struct OpenOptions {
    Access access = Access::Read;
    std::chrono::milliseconds lockWait {0}; // how long a writer waits for another one
    std::string purpose; // shown to a writer that has to wait, e.g. "evograph ws import"
};

struct GraphVersion {
    std::int64_t id = 0;
    std::string graph;
    std::int64_t seq = 0; // 1, 2, ... within the graph
    std::string label;
    std::string content; // the content hash
    std::uint64_t triples = 0;
    std::optional<std::uint64_t> added, removed; // against the previous version
    std::vector<std::pair<std::string, std::string>> prefixes;
    std::vector<std::string> ontologyVersions; // owl:versionIRI / owl:versionInfo values
    std::string source; // the imported file, or the operation that made the version
    std::string createdAt, user;
    bool isHead = false;
    bool storedAsDelta = false;
    std::uint64_t storedBytes = 0;
};

// What a snapshot captures: each graph's current content and the settings that are not secret.
struct WorkspaceState {
    std::map<std::string, GraphVersion> graphs; // graphs that have a current version
    std::map<std::string, std::string> settings;
    // SHA-256 over graph names, content hashes and settings: equal states, equal hashes.
    std::string hash() const;
};

class Workspace {
public:
    inline static constexpr int kCheckpointInterval = 8;

    // Creates a new workspace file (refuses an existing file) and opens it for writing.
    static Workspace create(const std::string& path, const OpenOptions& options = {Access::Write, {}, "ws init"});
    // Opens an existing workspace; upgrades an older schema, refuses a newer one.
    static Workspace open(const std::string& path, const OpenOptions& options = {});

    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;
    ~Workspace();

    const std::string& path() const;
    const std::string& user() const; // who the audit log names: the login name

    // Reads FILE and makes it the graph's new current version (creating the graph). Importing the
    // content the graph already has adds no version and returns the current one.
    struct Imported {
        GraphVersion version;
        bool isNew = false; // false: the graph already had this content
    };
    Imported importGraph(const std::string& graph, const std::string& file, const std::string& label,
        std::optional<rdf::Format> format = std::nullopt, const Progress& progress = {});
    // The same for a dataset read elsewhere (a remote store's graph); `source` names where it came
    // from in the version and the audit log. `data` must be finalized.
    Imported importDataset(const std::string& graph, const rdf::Dataset& data, const std::string& label,
        const std::string& source, const Progress& progress = {});

    // Versions, oldest first; of one graph or of all.
    std::vector<GraphVersion> log(const std::optional<std::string>& graph = std::nullopt);
    // A version by label or sequence number; the current one when `version` is empty.
    GraphVersion findVersion(const std::string& graph, const std::string& version = {});
    // The dataset a content hash names, read into `dictionary` (a new one when null).
    rdf::Dataset readContent(const std::string& content, const Progress& progress = {},
        std::shared_ptr<rdf::Dictionary> dictionary = nullptr);

    WorkspaceState state();
    void setSetting(const std::string& key, const std::string& value, bool secret);
    std::map<std::string, std::string> settings(bool includeSecrets);

    // Runs SQLite's integrity check; returns its findings (empty when the file is sound).
    std::vector<std::string> integrityProblems();

    struct Impl;
    Impl& impl() { return *m_impl; }

private:
    explicit Workspace(std::unique_ptr<Impl> impl);
    static Workspace openChecked(const std::string& path, const OpenOptions& options);
    std::unique_ptr<Impl> m_impl;
};

} // namespace evograph::workspace
