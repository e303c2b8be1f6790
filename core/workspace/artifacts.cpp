#include "evograph/workspace/artifacts.h"

#include "evograph/engine/digest.h"
#include "evograph/error.h"
#include "workspace_impl.h"
#include "zstd_codec.h"

#include <nlohmann/json.hpp>

namespace evograph::workspace {

namespace {
Artifact artifactAt(const sql::Statement& row)
{
    return {row.text(0), row.integer(1), row.text(2), static_cast<std::uint64_t>(row.integer(3)), row.text(4),
        row.text(5), row.text(6)};
}
} // namespace

Artifact storeArtifact(Workspace& workspace, const std::string& graph, const std::string& version,
    const std::string& name, std::string_view bytes)
{
    Workspace::Impl& ws = workspace.impl();
    ws.requireWrite("storing an artifact");
    if (name.empty())
        throw Error("an artifact needs a name");
    const GraphVersion target = workspace.findVersion(graph, version);
    const std::string hash = engine::hexDigest(engine::HashAlgorithm::Sha256, bytes);
    sql::Transaction transaction(ws.db);
    const std::string state = workspace.state().hash(); // artifacts are no part of the state
    const Artifact stored {graph, target.seq, name, bytes.size(), hash, utcNow(), ws.user};
    sql::Statement(ws.db,
        "INSERT INTO artifacts(version, name, size, data, data_hash, created_at, user) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(version, name) DO UPDATE SET size = excluded.size, data = excluded.data, "
        "data_hash = excluded.data_hash, created_at = excluded.created_at, user = excluded.user")
        .bind(target.id)
        .bind(name)
        .bind(static_cast<std::int64_t>(bytes.size()))
        .bindBlob(compress(bytes))
        .bind(hash)
        .bind(stored.createdAt)
        .bind(ws.user)
        .run();
    const nlohmann::json details
        = {{"graph", graph}, {"version", target.seq}, {"name", name}, {"size", bytes.size()}, {"hash", hash}};
    appendAudit(
        ws, {"artifact.store", graph + "@" + std::to_string(target.seq) + "/" + name, state, state, details.dump()});
    transaction.commit();
    return stored;
}

std::optional<std::string> loadArtifact(
    Workspace& workspace, const std::string& graph, const std::string& version, const std::string& name)
{
    const GraphVersion target = workspace.findVersion(graph, version);
    sql::Statement row(workspace.impl().db, "SELECT data, data_hash FROM artifacts WHERE version = ? AND name = ?");
    row.bind(target.id).bind(name);
    if (!row.step())
        return std::nullopt;
    const std::string what = "artifact " + name + " of " + graph + " version " + std::to_string(target.seq);
    std::string bytes = decompress(row.blob(0), what);
    if (engine::hexDigest(engine::HashAlgorithm::Sha256, bytes) != row.text(1))
        throw Error(workspace.path() + ": " + what + " fails its checksum");
    return bytes;
}

std::vector<Artifact> listArtifacts(Workspace& workspace, const std::string& graph)
{
    sql::Statement rows(workspace.impl().db,
        "SELECT v.graph, v.seq, a.name, a.size, a.data_hash, a.created_at, a.user FROM artifacts a "
        "JOIN versions v ON v.id = a.version WHERE ? = '' OR v.graph = ? ORDER BY v.graph, v.seq, a.name");
    rows.bind(graph).bind(graph);
    std::vector<Artifact> out;
    while (rows.step())
        out.push_back(artifactAt(rows));
    return out;
}

} // namespace evograph::workspace
