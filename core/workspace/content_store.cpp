#include "content_store.h"

#include "evograph/canon/rdfc10.h"
#include "evograph/diff/rdf_patch.h"
#include "evograph/engine/digest.h"
#include "evograph/error.h"
#include "evograph/rdf/reader.h"
#include "zstd_codec.h"

#include <vector>

namespace evograph::workspace {

namespace {
// A patch is kept instead of the whole content only when it is well under half its size: reading
// a version back replays its chain, and a big patch saves little space for that cost.
constexpr std::size_t kDeltaShare = 2;

struct StoredRow {
    std::string hash, encoding, data, dataHash;
    std::optional<std::string> base;
    std::int64_t depth = 0;
    std::uint64_t triples = 0, rawSize = 0;
};

std::optional<StoredRow> findRow(sql::Connection& db, const std::string& hash, bool withData)
{
    sql::Statement row(db,
        withData ? "SELECT encoding, base, depth, triples, raw_size, data, data_hash FROM contents WHERE hash = ?"
                 : "SELECT encoding, base, depth, triples, raw_size, NULL, data_hash FROM contents WHERE hash = ?");
    row.bind(hash);
    if (!row.step())
        return std::nullopt;
    StoredRow r;
    r.hash = hash;
    r.encoding = row.text(0);
    r.base = row.optionalText(1);
    r.depth = row.integer(2);
    r.triples = static_cast<std::uint64_t>(row.integer(3));
    r.rawSize = static_cast<std::uint64_t>(row.integer(4));
    r.data = row.blob(5);
    r.dataHash = row.text(6);
    return r;
}

std::string sha256(std::string_view data)
{
    return engine::hexDigest(engine::HashAlgorithm::Sha256, data);
}

// The rows from `hash` down to the whole content it is read from, nearest first. Throws when the
// chain is broken, loops, or is longer than the depths recorded say.
std::vector<StoredRow> chainOf(sql::Connection& db, const std::string& hash, bool withData)
{
    std::vector<StoredRow> chain;
    std::string next = hash;
    for (;;) {
        auto row = findRow(db, next, withData);
        if (!row)
            throw Error(chain.empty() ? "content " + hash + " is missing"
                                      : "content " + hash + " reads through " + next + ", which is missing");
        if (!chain.empty() && row->depth != chain.back().depth - 1)
            throw Error("content " + hash + ": its chain of patches is inconsistent at " + next);
        chain.push_back(std::move(*row));
        const StoredRow& last = chain.back();
        if (last.encoding == "nquads")
            return chain;
        if (!last.base || last.depth <= 0)
            throw Error("content " + last.hash + " is a patch without a base");
        next = *last.base;
    }
}

std::string label(const StoredRow& row)
{
    return "content " + row.hash.substr(0, 12);
}
} // namespace

CanonicalContent canonicalContent(const rdf::Dataset& data, const engine::CancellationToken& cancel)
{
    canon::CanonOptions options;
    options.cancel = cancel;
    CanonicalContent content;
    content.nquads = canon::canonicalize(data, options).nquads;
    content.hash = sha256(content.nquads);
    return content;
}

bool hasContent(sql::Connection& db, const std::string& hash)
{
    return sql::queryInteger(db, "SELECT 1 FROM contents WHERE hash = ?", hash).has_value();
}

void storeContent(sql::Connection& db, const rdf::Dataset& data, const CanonicalContent& content,
    std::optional<DeltaCandidate> delta, const Progress& progress)
{
    if (hasContent(db, content.hash))
        return;
    std::string encoding = "nquads", raw = content.nquads;
    std::optional<std::string> base;
    std::int64_t depth = 0;
    if (delta && delta->patch.size() * kDeltaShare < content.nquads.size()) {
        const auto baseDepth = sql::queryInteger(db, "SELECT depth FROM contents WHERE hash = ?", delta->baseHash);
        if (baseDepth && *baseDepth + 1 < Workspace::kCheckpointInterval) {
            progress.checkpoint();
            diff::applyPatch(delta->base, delta->patch, "patch to " + content.hash.substr(0, 12), progress.cancel);
            if (canonicalContent(delta->base, progress.cancel).hash == content.hash) {
                encoding = "patch";
                raw = std::move(delta->patch);
                base = delta->baseHash;
                depth = *baseDepth + 1;
            }
        }
    }
    progress.checkpoint();
    const std::string compressed = compress(raw);
    sql::Statement insert(db,
        "INSERT INTO contents(hash, triples, encoding, base, depth, raw_size, data, data_hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(content.hash)
        .bind(static_cast<std::int64_t>(data.size()))
        .bind(encoding)
        .bind(base)
        .bind(depth)
        .bind(static_cast<std::int64_t>(raw.size()))
        .bindBlob(compressed)
        .bind(sha256(compressed))
        .run();
}

void loadContent(sql::Connection& db, const std::string& hash, rdf::Dataset& into, const Progress& progress)
{
    const std::vector<StoredRow> chain = chainOf(db, hash, true);
    for (auto row = chain.rbegin(); row != chain.rend(); ++row) {
        progress.checkpoint();
        progress(static_cast<std::uint64_t>(row - chain.rbegin()), chain.size());
        const std::string raw = decompress(row->data, label(*row));
        if (row->encoding == "nquads") {
            rdf::ReadOptions options;
            options.cancel = progress.cancel;
            rdf::readString(raw, rdf::Format::NQuads, into, {}, label(*row), options);
        } else {
            diff::applyPatch(into, raw, label(*row), progress.cancel);
        }
    }
    progress(chain.size(), chain.size());
}

std::optional<std::string> verifyContent(
    sql::Connection& db, const std::string& hash, bool full, const Progress& progress, std::set<std::string>& verified)
{
    try {
        const std::vector<StoredRow> chain = chainOf(db, hash, full);
        if (!full || verified.contains(hash))
            return std::nullopt;
        for (const StoredRow& row : chain) {
            progress.checkpoint();
            if (sha256(row.data) != row.dataHash)
                return label(row) + ": the stored bytes do not match their hash";
            const std::string raw = decompress(row.data, label(row));
            if (raw.size() != row.rawSize)
                return label(row) + ": " + std::to_string(raw.size()) + " bytes stored, " + std::to_string(row.rawSize)
                    + " recorded";
            if (row.encoding == "nquads" && sha256(raw) != row.hash)
                return label(row) + ": its N-Quads no longer hash to its address";
        }
        if (chain.front().encoding == "patch") {
            rdf::Dataset data;
            loadContent(db, hash, data, {progress.cancel, {}});
            if (data.size() != chain.front().triples)
                return label(chain.front()) + ": reads back " + std::to_string(data.size()) + " triples, "
                    + std::to_string(chain.front().triples) + " recorded";
            if (canonicalContent(data, progress.cancel).hash != hash)
                return label(chain.front()) + ": reads back a graph with a different canonical hash";
        }
        verified.insert(hash);
        return std::nullopt;
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& e) {
        return e.message();
    }
}

std::size_t collectGarbage(sql::Connection& db)
{
    db.execute(R"sql(
WITH RECURSIVE live(hash) AS (
  SELECT content FROM versions UNION SELECT content FROM snapshot_contents
  UNION SELECT c.base FROM contents c JOIN live l ON c.hash = l.hash WHERE c.base IS NOT NULL)
DELETE FROM contents WHERE hash NOT IN (SELECT hash FROM live))sql");
    return static_cast<std::size_t>(db.changes());
}

std::uint64_t storedBytes(sql::Connection& db, const std::string& snapshotId)
{
    return static_cast<std::uint64_t>(sql::queryInteger(db, R"sql(
WITH RECURSIVE used(hash) AS (
  SELECT content FROM snapshot_contents WHERE snapshot = ?
  UNION SELECT c.base FROM contents c JOIN used u ON c.hash = u.hash WHERE c.base IS NOT NULL)
SELECT coalesce(sum(length(data)), 0) FROM contents WHERE hash IN (SELECT hash FROM used))sql",
        snapshotId)
                                          .value_or(0));
}

} // namespace evograph::workspace
