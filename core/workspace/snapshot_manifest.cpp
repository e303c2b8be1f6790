#include "snapshot_manifest.h"

#include "evograph/engine/digest.h"
#include "evograph/error.h"

#include <nlohmann/json.hpp>

namespace evograph::workspace {

namespace {
constexpr const char* kFormat = "evograph-snapshot-manifest/1";
constexpr std::size_t kIdLength = 16;
} // namespace

std::uint64_t SnapshotManifest::triples() const
{
    std::uint64_t total = 0;
    for (const SnapshotGraph& g : graphs)
        total += g.triples;
    return total;
}

std::string manifestText(const SnapshotManifest& m)
{
    nlohmann::json graphs = nlohmann::json::array();
    for (const SnapshotGraph& g : m.graphs)
        graphs.push_back({{"name", g.name}, {"content", g.content}, {"version", g.version}, {"label", g.label},
            {"triples", g.triples}, {"prefixes", g.prefixes}, {"ontology_versions", g.ontologyVersions}});
    const nlohmann::json json = {{"format", kFormat}, {"created_at", m.createdAt}, {"user", m.user}, {"name", m.name},
        {"tags", m.tags}, {"graphs", graphs}, {"settings", m.settings}, {"state", m.state},
        {"audit_head", {{"seq", m.auditSeq}, {"hash", m.auditHash}}}};
    return json.dump();
}

std::string snapshotIdOf(const std::string& manifestHash)
{
    return manifestHash.substr(0, kIdLength);
}

SnapshotManifest parseManifest(const std::string& text, const std::string& hash, const std::string& what)
{
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        throw Error(what + ": the manifest is not a JSON object");
    SnapshotManifest m;
    try {
        if (json.value("format", std::string()) != kFormat) // inside: a 'format' of another type throws
            throw Error(what + ": field 'format' is not " + kFormat);
        m.id = snapshotIdOf(hash);
        m.createdAt = json.at("created_at").get<std::string>();
        m.user = json.at("user").get<std::string>();
        m.name = json.at("name").get<std::string>();
        m.tags = json.at("tags").get<std::vector<std::string>>();
        m.settings = json.value("settings", std::map<std::string, std::string>());
        m.state = json.at("state").get<std::string>();
        m.auditSeq = json.at("audit_head").at("seq").get<std::int64_t>();
        m.auditHash = json.at("audit_head").at("hash").get<std::string>();
        for (const auto& g : json.at("graphs")) {
            m.graphs.push_back({g.at("name").get<std::string>(), g.at("content").get<std::string>(),
                g.at("version").get<std::int64_t>(), g.at("label").get<std::string>(),
                g.at("triples").get<std::uint64_t>(), g.at("prefixes").get<decltype(SnapshotGraph::prefixes)>(),
                g.at("ontology_versions").get<std::vector<std::string>>()});
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(what + ": the manifest is malformed: " + e.what());
    }
    return m;
}

SnapshotGraph snapshotGraphOf(const GraphVersion& v)
{
    return {v.graph, v.content, v.seq, v.label, v.triples, v.prefixes, v.ontologyVersions};
}

SnapshotManifest storedManifest(sql::Connection& db, const std::string& id, bool check)
{
    sql::Statement row(db, "SELECT manifest, manifest_hash FROM snapshots WHERE id = ?");
    row.bind(id);
    if (!row.step())
        throw Error("no snapshot " + id);
    const std::string text = row.text(0), hash = row.text(1);
    if (check) {
        if (engine::hexDigest(engine::HashAlgorithm::Sha256, text) != hash)
            throw Error("snapshot " + id + ": the manifest does not match its hash (it was changed)");
        if (snapshotIdOf(hash) != id)
            throw Error("snapshot " + id + ": the id does not match the manifest's hash");
    }
    return parseManifest(text, hash, "snapshot " + id);
}

} // namespace evograph::workspace
