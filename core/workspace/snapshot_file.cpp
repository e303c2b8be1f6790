// The portable snapshot file:
//   evograph-snapshot-file 1\n
//   manifest <sha256 of the manifest text>\n <manifest text>\n
//   content <hash> <triples> <byte count>\n <zstd of the canonical N-Quads>\n     (one per content)
//   end <sha256 of every byte before this line>\n
// The closing hash makes any changed, added or missing byte detectable before anything is
// parsed; the manifest and content hashes then prove each part is what the manifest says.
#include "evograph/engine/file_read.h"
#include "evograph/workspace/snapshots.h"

#include "content_store.h"
#include "evograph/engine/atomic_file.h"
#include "evograph/engine/digest.h"
#include "evograph/error.h"
#include "evograph/rdf/reader.h"
#include "snapshot_manifest.h"
#include "workspace_impl.h"
#include "zstd_codec.h"

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

namespace evograph::workspace {

namespace {
constexpr std::string_view kMagic = "evograph-snapshot-file 1\n";

std::string sha256(std::string_view data)
{
    return engine::hexDigest(engine::HashAlgorithm::Sha256, data);
}

struct FileContent {
    std::string hash;
    std::uint64_t triples = 0;
    std::string compressed;
    std::uint64_t rawSize = 0; // of the N-Quads, found while checking
};

struct SnapshotFile {
    std::string manifestText, manifestHash;
    SnapshotManifest manifest;
    std::vector<FileContent> contents;
};

// Reads "WORD ARG...\n" at `offset`; throws naming the file and the byte offset.
std::vector<std::string> headerLine(std::string_view bytes, std::size_t& offset, const std::string& file)
{
    const std::size_t end = bytes.find('\n', offset);
    if (end == std::string_view::npos)
        throw Error(file + ": byte " + std::to_string(offset) + ": the file ends inside a section header");
    std::istringstream words {std::string(bytes.substr(offset, end - offset))};
    std::vector<std::string> out;
    for (std::string w; words >> w;)
        out.push_back(w);
    offset = end + 1;
    return out;
}

std::string_view section(std::string_view bytes, std::size_t& offset, std::uint64_t size, const std::string& file)
{
    if (size > bytes.size() || offset + size + 1 > bytes.size() || bytes[offset + size] != '\n')
        throw Error(file + ": byte " + std::to_string(offset) + ": a section is cut short or has the wrong length");
    const std::string_view out = bytes.substr(offset, size);
    offset += size + 1;
    return out;
}

std::uint64_t number(const std::string& text, const std::string& file, const std::string& what)
{
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 15)
        throw Error(file + ": " + what + " '" + text + "' is not a number");
    return std::stoull(text);
}

// Parses and checks the whole file; throws evograph::Error naming the first thing wrong.
SnapshotFile readSnapshotFile(const std::string& file, const Progress& progress)
{
    const std::string bytes = engine::readWholeFile(file, "the snapshot file");
    if (!bytes.starts_with(kMagic))
        throw Error(file + ": not an evograph snapshot file (it does not start with '"
            + std::string(kMagic.substr(0, 24)) + "')");
    const std::size_t endLine = bytes.rfind("\nend ");
    if (endLine == std::string::npos || bytes.back() != '\n')
        throw Error(file + ": the file is truncated (no closing 'end' line)");
    const std::string_view body(bytes.data(), endLine + 1);
    const std::string recorded = bytes.substr(endLine + 5, bytes.size() - endLine - 6);
    if (sha256(body) != recorded)
        throw Error(file + ": the file's content does not match its closing hash (it is damaged or was changed)");

    SnapshotFile out;
    std::size_t offset = kMagic.size();
    const auto manifestHeader = headerLine(body, offset, file);
    if (manifestHeader.size() != 3 || manifestHeader[0] != "manifest")
        throw Error(file + ": expected 'manifest HASH SIZE' after the first line");
    out.manifestHash = manifestHeader[1];
    out.manifestText = std::string(section(body, offset, number(manifestHeader[2], file, "manifest size"), file));
    if (sha256(out.manifestText) != out.manifestHash)
        throw Error(file + ": the manifest does not match its hash");
    out.manifest = parseManifest(out.manifestText, out.manifestHash, file);
    while (offset < body.size()) {
        progress.checkpoint();
        const auto header = headerLine(body, offset, file);
        if (header.size() != 4 || header[0] != "content")
            throw Error(file + ": byte " + std::to_string(offset) + ": expected 'content HASH TRIPLES SIZE'");
        FileContent content {header[1], number(header[2], file, "triple count"), {}};
        content.compressed = std::string(section(body, offset, number(header[3], file, "content size"), file));
        out.contents.push_back(std::move(content));
    }
    std::set<std::string> present;
    for (std::size_t i = 0; i < out.contents.size(); ++i) {
        progress(i, out.contents.size());
        progress.checkpoint();
        FileContent& c = out.contents[i];
        const std::string what = file + ": content " + c.hash.substr(0, 12);
        const std::string nquads = decompress(c.compressed, what);
        if (sha256(nquads) != c.hash)
            throw Error(what + ": its N-Quads do not match its hash");
        rdf::Dataset data;
        rdf::ReadOptions read;
        read.cancel = progress.cancel;
        rdf::readString(nquads, rdf::Format::NQuads, data, {}, what, read);
        if (data.size() != c.triples)
            throw Error(what + ": holds " + std::to_string(data.size()) + " triples, the file says "
                + std::to_string(c.triples));
        c.rawSize = nquads.size();
        present.insert(c.hash);
    }
    for (const SnapshotGraph& g : out.manifest.graphs)
        if (!present.contains(g.content))
            throw Error(file + ": graph '" + g.name + "' has no content in the file");
    return out;
}
} // namespace

void exportSnapshot(
    Workspace& workspace, const std::string& idOrPrefix, const std::string& file, const Progress& progress)
{
    sql::Connection& db = workspace.impl().db;
    const std::string id = resolveSnapshotId(workspace, idOrPrefix);
    if (auto problems = snapshotProblems(db, id, false, progress); !problems.empty())
        throw Error("snapshot " + id + " is damaged, not exporting it: " + problems.front());
    sql::Statement row(db, "SELECT manifest, manifest_hash FROM snapshots WHERE id = ?");
    row.bind(id).step();
    const std::string text = row.text(0);
    std::string out(kMagic);
    out += "manifest " + row.text(1) + " " + std::to_string(text.size()) + "\n" + text + "\n";
    const SnapshotManifest manifest = parseManifest(text, row.text(1), "snapshot " + id);
    std::set<std::string> written;
    std::uint64_t done = 0;
    for (const SnapshotGraph& g : manifest.graphs) {
        progress(done++, manifest.graphs.size());
        progress.checkpoint();
        if (!written.insert(g.content).second)
            continue;
        // A whole stored content is already zstd of the canonical N-Quads; a delta is rebuilt.
        std::string compressed;
        sql::Statement stored(db, "SELECT data FROM contents WHERE hash = ? AND encoding = 'nquads'");
        if (stored.bind(g.content).step()) {
            compressed = stored.blob(0);
        } else {
            const rdf::Dataset data = workspace.readContent(g.content, {progress.cancel, {}});
            compressed = compress(canonicalContent(data, progress.cancel).nquads);
        }
        out += "content " + g.content + " " + std::to_string(g.triples) + " " + std::to_string(compressed.size())
            + "\n";
        out += compressed;
        out += '\n';
    }
    out += "end " + sha256(out) + "\n";
    engine::writeFileAtomically(file, out);
}

VerifyReport verifySnapshotFile(const std::string& file, const Progress& progress)
{
    VerifyReport report {file, true, {}};
    try {
        report.id = readSnapshotFile(file, progress).manifest.id;
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& e) {
        report.problems.push_back(e.message());
    }
    return report;
}

std::string importSnapshot(Workspace& workspace, const std::string& file, const Progress& progress)
{
    workspace.impl().requireWrite("snapshot import");
    const SnapshotFile parsed = readSnapshotFile(file, progress);
    const std::string& id = parsed.manifest.id;
    sql::Connection& db = workspace.impl().db;
    sql::Transaction transaction(db);
    if (sql::queryInteger(db, "SELECT 1 FROM snapshots WHERE id = ?", id))
        throw Error("snapshot " + id + " is already in " + workspace.path());
    const std::string state = workspace.state().hash();
    sql::Statement insert(db,
        "INSERT OR IGNORE INTO contents(hash, triples, encoding, base, depth, raw_size, data, data_hash) "
        "VALUES (?, ?, 'nquads', NULL, 0, ?, ?, ?)");
    for (const FileContent& c : parsed.contents) {
        insert.bind(c.hash)
            .bind(static_cast<std::int64_t>(c.triples))
            .bind(static_cast<std::int64_t>(c.rawSize))
            .bindBlob(c.compressed)
            .bind(sha256(c.compressed))
            .run();
        insert.reset();
    }
    const SnapshotManifest& m = parsed.manifest;
    storeSnapshotRows(db, m, parsed.manifestText, parsed.manifestHash);
    const nlohmann::json details = {{"file", file}, {"graphs", m.graphs.size()}};
    appendAudit(workspace.impl(), {"snapshot.import", id, state, state, details.dump()});
    transaction.commit();
    return id;
}

} // namespace evograph::workspace
