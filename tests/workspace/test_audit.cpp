// The audit log: one record per mutating operation, hash-chained so that a changed, deleted or
// added record is found.

#include "evograph/workspace/sqlite.h"
#include "workspace_fixture.h"

#include "evograph/workspace/audit.h"
#include "evograph/workspace/snapshots.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace evograph;
using namespace evograph::workspace;
using Catch::Matchers::ContainsSubstring;
using evograph::test::ScratchDir;

namespace {
struct Logged {
    ScratchDir dir;
    std::string path = dir / "ws.evograph";
    Workspace ws = Workspace::create(path);
    std::string snapshot;

    Logged()
    {
        ws.importGraph("onto", test::writeText(dir / "v1.ttl", test::ontology(5)), "");
        snapshot = createSnapshot(ws, "s");
        ws.importGraph("onto", test::writeText(dir / "v2.ttl", test::ontology(5, 1)), "");
    }
};
} // namespace

TEST_CASE("every mutating operation appends a record with the states before and after", "[audit]")
{
    Logged t;
    const std::string before = t.ws.state().hash();
    restoreSnapshot(t.ws, t.snapshot);
    const auto records = auditRecords(t.ws);
    std::vector<std::string> operations;
    for (const auto& r : records)
        operations.push_back(r.operation);
    CHECK(operations
        == std::vector<std::string> {"workspace.init", "graph.import", "snapshot.create", "graph.import",
            "snapshot.create", "snapshot.restore"});
    CHECK(records.back().beforeState == before);
    CHECK(records.back().afterState == t.ws.state().hash());
    CHECK(records.back().user == t.ws.user());
    CHECK(records[1].prevHash == records[0].hash);
    const auto result = verifyAudit(t.ws);
    CHECK(result.ok());
    CHECK(result.records == 6);
}

TEST_CASE("editing, deleting or appending records outside evograph is detected", "[audit]")
{
    Logged t;
    sql::Connection db(t.path, sql::OpenMode::ReadWrite);
    std::string expected;
    SECTION("a changed field")
    {
        db.execute("UPDATE audit SET user = 'mallory' WHERE seq = 2");
        expected = "record 2 (graph.import";
    }
    SECTION("a deleted record in the middle")
    {
        db.execute("DELETE FROM audit WHERE seq = 2");
        expected = "record 3: follows record 1";
    }
    SECTION("the last record deleted")
    {
        db.execute("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)");
        expected = "records at the end were deleted";
    }
    SECTION("the whole chain rewritten after a snapshot named it")
    {
        // Rewrite every record consistently from record 2 on: the chain is whole again, but the
        // snapshot taken at record 3 names the old hash.
        db.execute("UPDATE audit SET hash = 'x' || hash WHERE seq >= 3");
        db.execute("UPDATE audit SET prev_hash = 'x' || prev_hash WHERE seq >= 4");
        expected = "record 3";
    }
    const auto result = verifyAudit(t.ws);
    REQUIRE_FALSE(result.ok());
    bool found = false;
    for (const auto& p : result.problems)
        found = found || p.find(expected) != std::string::npos;
    INFO(result.problems.front());
    CHECK(found);
}
