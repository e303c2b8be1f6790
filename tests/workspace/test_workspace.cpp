// The workspace file: versions read back isomorphic, content stored once, deltas, schema
// upgrades, the writer's lock, cancellation leaving the file as it was.

#include "evograph/workspace/sqlite.h"
#include "schema.h"
#include "workspace_fixture.h"

#include "evograph/error.h"
#include "evograph/workspace/artifacts.h"
#include "evograph/workspace/audit.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <atomic>
#include <mutex>
#include <sys/stat.h>
#include <thread>

using namespace evograph;
using namespace evograph::workspace;
using Catch::Matchers::ContainsSubstring;
using evograph::test::ScratchDir;

TEST_CASE("a new workspace is a private SQLite file in WAL mode at the current schema", "[workspace]")
{
    ScratchDir dir;
    const std::string path = dir / "ws.evograph";
    {
        Workspace::create(path);
    }
    struct stat info { };
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    sql::Connection db(path, sql::OpenMode::ReadWrite);
    CHECK(sql::queryText(db, "PRAGMA journal_mode") == "wal");
    CHECK(schemaVersion(db) == kSchemaVersion);
    CHECK_THROWS_WITH(Workspace::create(path), ContainsSubstring("already exists"));
    CHECK_THROWS_WITH(Workspace::open(dir / "missing.evograph"), ContainsSubstring("ws init"));
}

TEST_CASE("imported versions read back isomorphic, unchanged content adds no version", "[workspace]")
{
    ScratchDir dir;
    const std::string path = dir / "ws.evograph";
    Workspace ws = Workspace::create(path);
    const std::string v1 = test::writeText(dir / "v1.ttl", test::ontology(50, 0));
    const std::string v2 = test::writeText(dir / "v2.ttl", test::ontology(50, 1));

    const auto first = ws.importGraph("onto", v1, "1.0");
    CHECK(first.isNew);
    CHECK(first.version.seq == 1);
    CHECK(first.version.triples == 50 * 6 + 3);
    CHECK(first.version.ontologyVersions == std::vector<std::string> {"http://example.com/o/0"});
    const auto second = ws.importGraph("onto", v2, "");
    CHECK(second.version.label == "v2");
    CHECK(second.version.added == 6u); // five labels and the version IRI
    CHECK(second.version.removed == 6u);
    const auto again = ws.importGraph("onto", v2, "");
    CHECK_FALSE(again.isNew);
    CHECK(again.version.id == second.version.id);
    CHECK(ws.log("onto").size() == 2);

    CHECK(test::canonicalHash(ws.readContent(ws.findVersion("onto", "1.0").content)) == test::canonicalHashOfFile(v1));
    CHECK(test::canonicalHash(ws.readContent(ws.findVersion("onto").content)) == test::canonicalHashOfFile(v2));
    CHECK(ws.findVersion("onto", "1").label == "1.0");
    CHECK_THROWS_WITH(ws.findVersion("onto", "9.9"), ContainsSubstring("no version '9.9'"));
    CHECK_THROWS_WITH(ws.importGraph("onto", v1, "1.0"), ContainsSubstring("already has a version labelled '1.0'"));
}

TEST_CASE("a small change is stored as a delta, with a whole copy every few versions", "[workspace]")
{
    ScratchDir dir;
    Workspace ws = Workspace::create(dir / "ws.evograph");
    std::vector<std::string> hashes;
    for (int variant = 0; variant < Workspace::kCheckpointInterval + 2; ++variant) {
        const std::string file
            = test::writeText(dir / ("v" + std::to_string(variant) + ".ttl"), test::ontology(400, variant));
        ws.importGraph("onto", file, "");
        hashes.push_back(test::canonicalHashOfFile(file));
    }
    const auto log = ws.log("onto");
    REQUIRE(log.size() == hashes.size());
    CHECK_FALSE(log[0].storedAsDelta);
    CHECK(log[1].storedAsDelta);
    CHECK(log[1].storedBytes * 5 < log[0].storedBytes);
    CHECK_FALSE(log[Workspace::kCheckpointInterval].storedAsDelta); // the chain is cut here
    CHECK(log[Workspace::kCheckpointInterval + 1].storedAsDelta);
    for (std::size_t i = 0; i < log.size(); ++i) {
        INFO("version " << i + 1);
        CHECK(log[i].content == hashes[i]);
        CHECK(test::canonicalHash(ws.readContent(log[i].content)) == hashes[i]);
    }
}

TEST_CASE("the same content is stored once, whichever graph imports it", "[workspace]")
{
    ScratchDir dir;
    const std::string path = dir / "ws.evograph";
    Workspace ws = Workspace::create(path);
    const std::string file = test::writeText(dir / "o.ttl", test::ontology(20));
    ws.importGraph("a", file, "");
    ws.importGraph("b", file, "");
    sql::Connection db(path, sql::OpenMode::ReadWrite);
    CHECK(sql::queryInteger(db, "SELECT count(*) FROM contents") == 1);
    CHECK(ws.state().graphs.size() == 2);
}

TEST_CASE("bad input names the file and position and changes nothing", "[workspace]")
{
    ScratchDir dir;
    Workspace ws = Workspace::create(dir / "ws.evograph");
    const std::string good = test::writeText(dir / "good.ttl", test::ontology(5));
    ws.importGraph("onto", good, "");
    const std::string state = ws.state().hash();
    const std::string bad
        = test::writeText(dir / "bad.ttl", "@prefix : <http://e/> .\n:a :b :c .\n:d :e .\n:f :g :h .\n");
    try {
        ws.importGraph("onto", bad, "");
        FAIL("a malformed file was imported");
    } catch (const Error& e) {
        REQUIRE(e.where());
        CHECK(e.where()->file == bad);
        CHECK(e.where()->line == 3);
        CHECK(e.where()->column > 0);
    }
    CHECK(ws.state().hash() == state);
    CHECK(ws.log().size() == 1);
}

TEST_CASE("a cancelled import leaves the workspace as it was", "[workspace]")
{
    ScratchDir dir;
    Workspace ws = Workspace::create(dir / "ws.evograph");
    ws.importGraph("onto", test::writeText(dir / "v1.ttl", test::ontology(30)), "");
    const std::string state = ws.state().hash();
    const std::size_t records = auditRecords(ws).size();
    Progress cancelled;
    cancelled.cancel.cancel();
    CHECK_THROWS_AS(
        ws.importGraph("onto", test::writeText(dir / "v2.ttl", test::ontology(30, 1)), "", {}, cancelled), Cancelled);
    CHECK(ws.state().hash() == state);
    CHECK(auditRecords(ws).size() == records);
}

TEST_CASE("an older workspace file is upgraded in place; a newer one is refused", "[workspace]")
{
    ScratchDir dir;
    const std::string path = dir / "old.evograph";
    {
        sql::Connection db(path, sql::OpenMode::Create);
        db.execute("PRAGMA journal_mode = WAL");
        createSchema(db, 1); // what the first release wrote
        db.execute("INSERT INTO meta(key, value) VALUES ('created_at', '2026-01-01T00:00:00.000Z')");
    }
    {
        Workspace ws = Workspace::open(path);
        ws.state(); // reads the settings table, which version 1 did not have
    }
    {
        sql::Connection db(path, sql::OpenMode::ReadWrite);
        CHECK(schemaVersion(db) == kSchemaVersion);
        CHECK(sql::queryText(db, "SELECT value FROM meta WHERE key = 'created_at'") == "2026-01-01T00:00:00.000Z");
        db.execute("PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH(Workspace::open(path), ContainsSubstring("schema version 99, newer than this evograph"));
}

TEST_CASE("a second writer waits for the first or fails naming its PID", "[workspace]")
{
    ScratchDir dir;
    const std::string path = dir / "ws.evograph";
    auto first = std::make_unique<Workspace>(Workspace::create(path));
    CHECK_THROWS_WITH(test::openForWriting(path),
        ContainsSubstring("is locked by PID " + std::to_string(::getpid())) && ContainsSubstring("--wait"));
    Workspace reader = Workspace::open(path); // readers never wait
    CHECK(reader.log().empty());

    std::thread release([&first] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        first.reset();
    });
    const auto start = std::chrono::steady_clock::now();
    Workspace second = Workspace::open(path, {Access::Write, std::chrono::seconds(10), "test"});
    release.join();
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(150));
}

TEST_CASE("settings: secrets stay out of the state and the audit log", "[workspace]")
{
    ScratchDir dir;
    Workspace ws = Workspace::create(dir / "ws.evograph");
    ws.setSetting("policy", "strict", false);
    ws.setSetting("token", "s3cr3t", true);
    CHECK(ws.settings(false) == std::map<std::string, std::string> {{"policy", "strict"}});
    CHECK(ws.settings(true).at("token") == "s3cr3t");
    CHECK(ws.state().settings.count("token") == 0);
    for (const AuditRecord& r : auditRecords(ws))
        CHECK(r.details.find("s3cr3t") == std::string::npos);
}

TEST_CASE("a workspace opened for reading refuses to write", "[workspace]")
{
    ScratchDir dir;
    const std::string path = dir / "ws.evograph";
    {
        Workspace::create(path);
    }
    Workspace ws = Workspace::open(path);
    CHECK_THROWS_WITH(ws.setSetting("a", "b", false), ContainsSubstring("opened for writing"));
}

TEST_CASE("artifacts are kept per graph version, checked on read, and leave the state alone", "[workspace]")
{
    ScratchDir dir;
    const std::string path = dir / "ws.evograph";
    Workspace ws = Workspace::create(path);
    ws.importGraph("onto", test::writeText(dir / "v1.ttl", test::ontology(5, 0)), "1.0");
    const std::string before = ws.state().hash();
    const std::string bytes(100000, 'x');
    const Artifact stored = storeArtifact(ws, "onto", "", "vectors.hnsw", bytes);
    CHECK(stored.versionSeq == 1);
    CHECK(stored.size == bytes.size());
    CHECK(ws.state().hash() == before); // derived data, not state
    ws.importGraph("onto", test::writeText(dir / "v2.ttl", test::ontology(5, 1)), "2.0");
    CHECK(loadArtifact(ws, "onto", "1.0", "vectors.hnsw") == bytes);
    CHECK(!loadArtifact(ws, "onto", "", "vectors.hnsw")); // none built for the current version yet
    storeArtifact(ws, "onto", "1.0", "vectors.hnsw", "replaced");
    CHECK(loadArtifact(ws, "onto", "1.0", "vectors.hnsw") == "replaced");
    REQUIRE(listArtifacts(ws).size() == 1);
    CHECK(listArtifacts(ws, "onto").front().name == "vectors.hnsw");
    CHECK_THROWS_WITH(storeArtifact(ws, "nowhere", "", "x", "y"), ContainsSubstring("no graph named 'nowhere'"));
    // Damaged in the file: the checksum refuses it.
    {
        sql::Connection db(path, sql::OpenMode::ReadWrite);
        db.execute("UPDATE artifacts SET data_hash = 'bad'");
    }
    CHECK_THROWS_WITH(loadArtifact(ws, "onto", "1.0", "vectors.hnsw"), ContainsSubstring("fails its checksum"));
}

TEST_CASE("readers and a writer opening the workspace at once never see 'database is locked'", "[workspace]")
{
    // The studio's views each open the workspace on a worker of their own, at the same moment.
    ScratchDir dir;
    const std::string path = dir / "ws.evograph";
    {
        Workspace w = Workspace::create(path);
        w.importGraph("g", test::writeText(dir / "g.ttl", test::ontology(200, 0)), "v1");
    }
    std::atomic<int> failures {0};
    std::string firstFailure;
    std::mutex mutex;
    auto worker = [&](Access access, int rounds) {
        for (int i = 0; i < rounds; ++i) {
            try {
                Workspace w = Workspace::open(path, {access, std::chrono::seconds(10), "test"});
                if (access == Access::Write)
                    w.setSetting("round", std::to_string(i), false);
                else
                    (void)w.state();
            } catch (const Error& e) {
                const std::lock_guard lock(mutex);
                if (failures++ == 0)
                    firstFailure = e.message();
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back(worker, Access::Read, 150);
    threads.emplace_back(worker, Access::Write, 60);
    for (auto& t : threads)
        t.join();
    // Two readers opening a closed workspace at the same instant, as the Snapshots view's two jobs
    // do when it first shows (both then find no -wal or -shm file).
    for (int round = 0; round < 100; ++round) {
        std::atomic<int> ready {0};
        auto both = [&] {
            ++ready;
            while (ready < 2) { }
            worker(Access::Read, 1);
        };
        std::thread a(both), b(both);
        a.join();
        b.join();
    }
    INFO(firstFailure);
    CHECK(failures == 0);
}
