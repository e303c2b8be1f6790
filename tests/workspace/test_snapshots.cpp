// Snapshots: create, verify (quick and full), diff, restore with its backup, delete, prune,
// and the portable file, including damage anywhere in it.

#include "evograph/workspace/sqlite.h"
#include "workspace_fixture.h"

#include "evograph/error.h"
#include "evograph/workspace/audit.h"
#include "evograph/workspace/snapshots.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <random>

using namespace evograph;
using namespace evograph::workspace;
using Catch::Matchers::ContainsSubstring;
using evograph::test::ScratchDir;

namespace {
struct TwoStates {
    ScratchDir dir;
    std::string path = dir / "ws.evograph";
    Workspace ws = Workspace::create(path);
    std::string v1 = test::writeText(dir / "v1.ttl", test::ontology(40, 0));
    std::string v2 = test::writeText(dir / "v2.ttl", test::ontology(40, 1));
    std::string data = test::writeText(dir / "data.ttl", "<http://e/a> <http://e/b> \"c\" .\n");
    std::string first, second;

    TwoStates()
    {
        ws.importGraph("onto", v1, "");
        ws.setSetting("policy", "strict", false);
        first = createSnapshot(ws, "first", {"manual"});
        ws.importGraph("onto", v2, "");
        ws.importGraph("data", data, "");
        ws.setSetting("policy", "permissive", false);
        second = createSnapshot(ws, "second");
    }
};
} // namespace

TEST_CASE("a snapshot records the state; ids are unique and may be abbreviated", "[snapshot]")
{
    TwoStates t;
    CHECK(t.first.size() == 16);
    CHECK(t.first != t.second);
    const SnapshotSummary info = snapshotInfo(t.ws, t.second.substr(0, 6));
    CHECK(info.manifest.id == t.second);
    CHECK(info.manifest.state == t.ws.state().hash());
    REQUIRE(info.manifest.graphs.size() == 2);
    CHECK(info.manifest.graphs[1].name == "onto");
    CHECK(info.manifest.graphs[1].content == t.ws.findVersion("onto").content);
    CHECK(info.manifest.graphs[1].ontologyVersions == std::vector<std::string> {"http://example.com/o/1"});
    CHECK(info.manifest.settings.at("policy") == "permissive");
    CHECK(listSnapshots(t.ws).size() == 2);
    CHECK_THROWS_WITH(snapshotInfo(t.ws, "zz"), ContainsSubstring("not a snapshot id"));
    CHECK_THROWS_WITH(snapshotInfo(t.ws, "0000"), ContainsSubstring("no snapshot"));
}

TEST_CASE("verify: quick and full pass on a sound workspace and name what is damaged", "[snapshot]")
{
    TwoStates t;
    CHECK(verifySnapshot(t.ws, t.first, false).ok());
    CHECK(verifySnapshot(t.ws, t.second, true).ok());
    CHECK(listSnapshots(t.ws)[1].verifiedMode == "full");

    sql::Connection db(t.path, sql::OpenMode::ReadWrite);
    SECTION("a changed byte in a stored content fails the full check, naming the graph")
    {
        const std::string hash = t.ws.findVersion("onto", "1").content;
        db.execute(
            "UPDATE contents SET data = substr(data, 1, 20) || x'00' || substr(data, 22) WHERE hash = '" + hash + "'");
        CHECK(verifySnapshot(t.ws, t.first, false).ok()); // quick does not read the contents
        const VerifyReport report = verifySnapshot(t.ws, t.first, true);
        REQUIRE_FALSE(report.ok());
        CHECK_THAT(report.problems.front(), ContainsSubstring("graph 'onto'") && ContainsSubstring("do not match"));
    }
    SECTION("an edited manifest fails the quick check")
    {
        db.execute("UPDATE snapshots SET manifest = replace(manifest, 'first', 'frist') WHERE id = '" + t.first + "'");
        const VerifyReport report = verifySnapshot(t.ws, t.first, false);
        REQUIRE_FALSE(report.ok());
        CHECK_THAT(report.problems.front(), ContainsSubstring("does not match its hash"));
    }
    SECTION("a missing content fails the quick check")
    {
        db.execute("PRAGMA foreign_keys = OFF");
        db.execute("DELETE FROM contents WHERE hash = (SELECT content FROM snapshot_contents WHERE snapshot = '"
            + t.second + "' AND graph = 'data')");
        const VerifyReport report = verifySnapshot(t.ws, t.second, false);
        REQUIRE_FALSE(report.ok());
        CHECK_THAT(report.problems.front(), ContainsSubstring("graph 'data'") && ContainsSubstring("missing"));
    }
}

TEST_CASE("diff and restore dry run count triples per graph; restore switches and keeps a backup", "[snapshot]")
{
    TwoStates t;
    const StateDiff same = diffSnapshots(t.ws, t.second, "", false);
    CHECK(same.empty());
    const StateDiff between = diffSnapshots(t.ws, t.first, t.second, true);
    REQUIRE(between.graphs.size() == 2);
    CHECK(between.graphs[0].status == GraphChange::Status::Created);
    CHECK(between.graphs[1].status == GraphChange::Status::Changed);
    CHECK(between.graphs[1].added == 5); // four labels and the version IRI
    CHECK(between.graphs[1].removedStatements.size() == 5);
    CHECK(between.settings.at("policy").second == "permissive");

    const std::string before = t.ws.state().hash();
    const StateDiff plan = planRestore(t.ws, t.first);
    CHECK(plan.graphs[0].status == GraphChange::Status::Removed);
    CHECK(plan.graphs[0].removed == 1);
    CHECK(plan.graphs[1].added == 5);
    CHECK(t.ws.state().hash() == before); // the dry run changed nothing

    const RestoreResult result = restoreSnapshot(t.ws, t.first);
    CHECK(result.graphsChanged == 2);
    CHECK(t.ws.state().hash() == snapshotInfo(t.ws, t.first).manifest.state);
    CHECK(t.ws.settings(false).at("policy") == "strict");
    const SnapshotSummary backup = snapshotInfo(t.ws, result.backup);
    CHECK(backup.manifest.state == before);
    CHECK(backup.manifest.tags == std::vector<std::string> {"backup"});
    CHECK(verifySnapshot(t.ws, result.backup, true).ok());
    CHECK(t.ws.log("onto").back().source == "restore of snapshot " + t.first);

    // Restoring the backup undoes the restore.
    restoreSnapshot(t.ws, result.backup);
    CHECK(t.ws.state().hash() == before);
    CHECK(verifyAudit(t.ws).ok());
}

TEST_CASE("delete frees only contents nothing else reads", "[snapshot]")
{
    TwoStates t;
    sql::Connection db(t.path, sql::OpenMode::ReadWrite);
    const auto contents = sql::queryInteger(db, "SELECT count(*) FROM contents");
    deleteSnapshot(t.ws, t.first);
    CHECK(sql::queryInteger(db, "SELECT count(*) FROM contents") == contents); // the versions still read them
    CHECK(listSnapshots(t.ws).size() == 1);
    CHECK(verifySnapshot(t.ws, t.second, true).ok());
}

TEST_CASE("retention keeps the newest, one per day and one per ISO week", "[snapshot]")
{
    auto snapshot = [](const std::string& id, const std::string& time) {
        SnapshotSummary s;
        s.manifest.id = id;
        s.manifest.createdAt = time;
        return s;
    };
    const std::vector<SnapshotSummary> list = {snapshot("a", "2025-12-28T10:00:00.000Z"), // Sunday, 2025-W52
        snapshot("b", "2025-12-29T10:00:00.000Z"), // Monday, 2026-W01 (ISO year starts early)
        snapshot("c", "2026-01-01T09:00:00.000Z"), snapshot("d", "2026-01-01T18:00:00.000Z"),
        snapshot("e", "2026-01-02T08:00:00.000Z")};
    auto kept = [&](const RetentionPolicy& policy) {
        std::string ids;
        for (const PruneDecision& d : applyRetention(list, policy))
            if (d.kept())
                ids += d.id;
        return ids;
    };
    CHECK(kept({1, 0, 0}) == "e");
    CHECK(kept({0, 2, 0}) == "ed");
    CHECK(kept({0, 0, 2}) == "ea");
    CHECK(kept({0, 10, 0}) == "edba");
    CHECK(kept({2, 0, 1}) == "ed");
    const auto decisions = applyRetention(list, {0, 0, 2});
    CHECK(decisions[0].reasons == std::vector<std::string> {"weekly 2026-W01"});
    CHECK(decisions[4].reasons == std::vector<std::string> {"weekly 2025-W52"});
}

TEST_CASE("prune applies the policy, with a dry run first", "[snapshot]")
{
    TwoStates t;
    const std::string third = createSnapshot(t.ws, "third");
    CHECK_THROWS_WITH(pruneSnapshots(t.ws, {}, true), ContainsSubstring("keeps nothing"));
    const auto dry = pruneSnapshots(t.ws, {1, 0, 0}, true);
    CHECK(std::count_if(dry.begin(), dry.end(), [](const PruneDecision& d) { return !d.kept(); }) == 2);
    CHECK(listSnapshots(t.ws).size() == 3);
    pruneSnapshots(t.ws, {1, 0, 0}, false);
    const auto left = listSnapshots(t.ws);
    REQUIRE(left.size() == 1);
    CHECK(left[0].manifest.id == third);
    CHECK(auditRecords(t.ws).back().operation == "snapshot.prune");
}

TEST_CASE("export and import carry a snapshot to another workspace", "[snapshot]")
{
    TwoStates t;
    const std::string file = t.dir / "second.evosnap";
    exportSnapshot(t.ws, t.second, file);
    CHECK(verifySnapshotFile(file).ok());

    Workspace other = Workspace::create(t.dir / "other.evograph");
    CHECK(importSnapshot(other, file) == t.second);
    CHECK_THROWS_WITH(importSnapshot(other, file), ContainsSubstring("already in"));
    CHECK(verifySnapshot(other, t.second, true).ok());
    restoreSnapshot(other, t.second);
    CHECK(other.state().hash() == t.ws.state().hash());
    CHECK(test::canonicalHash(other.readContent(other.findVersion("onto").content)) == test::canonicalHashOfFile(t.v2));
    CHECK(verifyAudit(other).ok());
}

namespace {
// Every damaged copy must be refused by verify and by import, and import must write nothing.
void requireDetected(Workspace& target, const std::string& damaged, const std::string& what)
{
    INFO(what);
    const VerifyReport report = verifySnapshotFile(damaged);
    REQUIRE_FALSE(report.ok());
    const std::string before = target.state().hash();
    REQUIRE_THROWS_AS(importSnapshot(target, damaged), Error);
    REQUIRE(listSnapshots(target).empty());
    REQUIRE(target.state().hash() == before);
}
} // namespace

TEST_CASE("any flipped byte or truncation of an exported snapshot is detected", "[snapshot][corruption]")
{
    ScratchDir dir;
    Workspace ws = Workspace::create(dir / "ws.evograph");
    ws.importGraph("onto", test::writeText(dir / "o.ttl", test::ontology(3)), "");
    const std::string id = createSnapshot(ws, "small");
    const std::string file = dir / "small.evosnap";
    exportSnapshot(ws, id, file);
    const std::string bytes = test::readBytes(file);
    Workspace target = Workspace::create(dir / "target.evograph");
    const std::string damaged = dir / "damaged.evosnap";
    std::size_t checked = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        for (const unsigned char mask : {0x01, 0x80}) {
            std::string copy = bytes;
            copy[i] = static_cast<char>(copy[i] ^ mask);
            test::writeText(damaged, copy);
            requireDetected(target, damaged, "byte " + std::to_string(i) + " xor " + std::to_string(mask));
            ++checked;
        }
    }
    for (std::size_t size = 0; size < bytes.size(); size += 7) {
        test::writeText(damaged, bytes.substr(0, size));
        requireDetected(target, damaged, "truncated to " + std::to_string(size) + " bytes");
        ++checked;
    }
    CHECK(checked > 2 * bytes.size());
    CHECK(importSnapshot(target, file) == id); // and the intact file still imports
}

TEST_CASE("flipped bytes sampled over a large exported snapshot are detected", "[snapshot][corruption]")
{
    ScratchDir dir;
    Workspace ws = Workspace::create(dir / "ws.evograph");
    ws.importGraph("onto", test::writeText(dir / "o.ttl", test::ontology(5000)), "");
    const std::string file = dir / "large.evosnap";
    exportSnapshot(ws, createSnapshot(ws, "large"), file);
    const std::string bytes = test::readBytes(file);
    REQUIRE(bytes.size() > 50'000);
    Workspace target = Workspace::create(dir / "target.evograph");
    std::mt19937_64 random(20261123);
    const std::string damaged = dir / "damaged.evosnap";
    for (int sample = 0; sample < 200; ++sample) {
        std::string copy = bytes;
        const std::size_t at = random() % copy.size();
        copy[at] = static_cast<char>(copy[at] ^ (1u << (random() % 8)));
        test::writeText(damaged, copy);
        requireDetected(target, damaged, "byte " + std::to_string(at));
    }
}

TEST_CASE("a reader's verify is recorded when no writer holds the lock, and never waits for one", "[snapshot]")
{
    TwoStates t;
    Workspace reader = Workspace::open(t.path);
    CHECK(verifySnapshot(reader, t.first, false).ok()); // t.ws, a writer, holds the lock
    CHECK_FALSE(listSnapshots(reader)[0].verifiedAt);
    {
        Workspace released = std::move(t.ws); // the writer closes, and with it its lock
    }
    CHECK(verifySnapshot(reader, t.first, true).ok());
    CHECK(listSnapshots(reader)[0].verifiedMode == "full");
}
