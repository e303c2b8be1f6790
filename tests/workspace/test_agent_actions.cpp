// Agents' actions through the one policy gate, on a real workspace file: every class of action
// under strict and permissive policies (the workspace's setting, and the config file over it),
// proposals that never run, records and audit entries naming the agent, and checkpoints that
// survive closing the workspace (a restart neither repeats nor skips).
#include "workspace_fixture.h"

#include "evograph/agents/action_gate.h"
#include "evograph/agents/recovery_agent.h"
#include "evograph/agents/registry.h"
#include "evograph/agents/runtime.h"
#include "evograph/agents/security_agent.h"
#include "evograph/agents/snapshot_scheduler_agent.h"
#include "evograph/agents/validator_agent.h"
#include "evograph/error.h"
#include "evograph/migrate/migration.h"
#include "evograph/workspace/audit.h"
#include "evograph/workspace/migration_journal.h"
#include "evograph/workspace/snapshots.h"

#include <filesystem>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace evograph;
using evograph::agents::AgentClass;
using evograph::test::ScratchDir;

namespace {
// One run of an agent on this thread, as the runtime's worker would run it.
agents::AgentOutcome runOnce(agents::Agent& agent)
{
    const engine::TaskContext context(engine::CancellationToken(), std::make_shared<std::atomic<std::uint64_t>>(),
        std::make_shared<std::atomic<std::uint64_t>>());
    return agent.run(context);
}

struct Fixture {
    ScratchDir dir;
    std::string path = dir / "ws.evograph";
    Fixture() { workspace::Workspace::create(path); }
    workspace::Workspace open() { return test::openForWriting(path); }

    // Performs an action of CLASS that sets a marker setting; returns the record and whether it ran.
    std::pair<workspace::AgentAction, bool> act(AgentClass cls, const config::Config& config = {})
    {
        auto ws = open();
        bool ran = false;
        const auto record = agents::performAction(ws, config,
            {"recovery_agent", "migration.rollback", cls, "op-1", R"({"operation":"op-1"})", std::nullopt},
            [&](workspace::Workspace& w) {
                ran = true;
                w.setSetting("test.marker", "touched", false);
                return std::string();
            });
        return {record, ran};
    }
    std::vector<workspace::AgentAction> actions(const std::string& agent = {}, const std::string& decision = {})
    {
        auto ws = open();
        return workspace::agentActions(ws, agent, decision);
    }
    std::optional<std::string> checkpoint(const std::string& agent)
    {
        auto ws = open();
        return workspace::agentCheckpoint(ws, agent);
    }
    void saveCheckpoint(const std::string& agent, const std::string& cursor)
    {
        auto ws = open();
        workspace::saveAgentCheckpoint(ws, agent, cursor);
    }
};
} // namespace

TEST_CASE("the gate: strict proposes destructive actions, permissive runs them unapproved", "[workspace][gate]")
{
    Fixture f;
    SECTION("strict (the default)")
    {
        const auto [record, ran] = f.act(AgentClass::Destructive);
        CHECK_FALSE(ran);
        CHECK(record.decision == "proposed");
        CHECK_FALSE(f.open().settings(false).count("test.marker")); // nothing happened
        const auto proposals = f.actions({}, "proposed");
        REQUIRE(proposals.size() == 1);
        CHECK(proposals[0].agent == "recovery_agent");
        CHECK(proposals[0].target == "op-1");
        CHECK(proposals[0].details == R"({"operation":"op-1"})");
    }
    SECTION("additive and read-only actions run under strict")
    {
        CHECK(f.act(AgentClass::Additive).second);
        CHECK(f.act(AgentClass::ReadOnly).second);
        CHECK(f.actions()[0].decision == "ran");
    }
    SECTION("permissive in the workspace's settings")
    {
        f.open().setSetting("policies.enforcement_mode", "permissive", false);
        const auto [record, ran] = f.act(AgentClass::Destructive);
        CHECK(ran);
        CHECK(record.decision == "ran not approved");
        CHECK_THAT(record.reason, Catch::Matchers::StartsWith("NOT APPROVED"));
    }
    SECTION("a strict config file overrides a permissive workspace")
    {
        f.open().setSetting("policies.enforcement_mode", "permissive", false);
        const config::Config strict = config::parseConfig("[policies]\nenforcement_mode = \"strict\"\n", "c.toml");
        CHECK_FALSE(f.act(AgentClass::Destructive, strict).second);
    }
    SECTION("read-only actions need a reviewer only when auto_approve_read_only is off, in strict mode")
    {
        const config::Config off
            = config::parseConfig("[policies.operational]\nauto_approve_read_only = false\n", "c.toml");
        CHECK(f.act(AgentClass::ReadOnly, off).first.decision == "proposed");
    }
}

TEST_CASE("every agent action is audited with the agent's name; a failing one is recorded", "[workspace][gate]")
{
    Fixture f;
    f.act(AgentClass::Destructive);
    {
        auto ws = f.open();
        CHECK_THROWS_WITH(
            agents::performAction(ws, {},
                {"graph_monitor", "graph.import", AgentClass::Additive, "ontology", {}, std::nullopt},
                [](workspace::Workspace&) -> std::string { throw Error("https://example.org/o.ttl: HTTP 503"); }),
            Catch::Matchers::ContainsSubstring("HTTP 503"));
    }
    auto ws = f.open();
    const auto actions = workspace::agentActions(ws);
    REQUIRE(actions.size() == 2);
    CHECK(actions[0].agent == "graph_monitor");
    CHECK(actions[0].decision == "failed");
    CHECK_THAT(actions[0].reason, Catch::Matchers::ContainsSubstring("HTTP 503"));
    CHECK(workspace::agentActions(ws, "recovery_agent").size() == 1);
    int audited = 0;
    for (const workspace::AuditRecord& r : workspace::auditRecords(ws))
        if (r.operation == "agent.action") {
            ++audited;
            CHECK_THAT(r.target, Catch::Matchers::StartsWith("agent:"));
            CHECK_THAT(r.details, Catch::Matchers::ContainsSubstring("\"agent\":"));
        }
    CHECK(audited == 2);
    CHECK(workspace::verifyAudit(ws).ok());
}

TEST_CASE("an agent's checkpoint outlives the process that wrote it", "[workspace][gate]")
{
    Fixture f;
    CHECK_FALSE(f.checkpoint("validator"));
    f.saveCheckpoint("validator", "ontology@3");
    f.saveCheckpoint("validator", "ontology@4"); // moves on, one row
    CHECK(f.checkpoint("validator") == "ontology@4");
    CHECK_FALSE(f.checkpoint("graph_monitor"));
}

TEST_CASE("validator: each new version analysed once, resumed from its checkpoint after a restart",
    "[workspace][gate][validator]")
{
    Fixture f;
    const std::string resources = EVOGRAPH_RESOURCES;
    {
        auto ws = f.open();
        ws.importGraph("ontology", resources + "/demo/user-v1.ttl", "v1");
        ws.importGraph("ontology", resources + "/demo/user-v2.ttl", "v2");
    }
    engine::ThreadPool pool(2);
    agents::ManualClock clock;
    config::AgentsConfig enabled;
    enabled.enabled = {"validator"};
    const auto runOnce = [&] { // a fresh runtime and agent each time: a restart
        agents::AgentRuntime runtime(pool, clock, enabled);
        runtime.add(std::make_unique<agents::ValidatorAgent>(f.path, config::Config {}), std::chrono::minutes(1));
        runtime.tick();
        runtime.waitIdle();
        return runtime.status("validator");
    };
    const agents::AgentStatus first = runOnce();
    CHECK(first.lastError.empty());
    CHECK(first.lastSummary == "validated 2 new version(s)");
    auto validations = f.actions("validator");
    REQUIRE(validations.size() == 2);
    CHECK(validations[0].target == "ontology@2");
    CHECK_THAT(validations[0].details, Catch::Matchers::ContainsSubstring("\"breaking\":1"));
    CHECK(f.checkpoint("validator") == R"({"ontology":2})");

    CHECK(runOnce().lastSummary == "nothing new"); // restarted: nothing repeated
    {
        auto ws = f.open();
        ws.importGraph("ontology", resources + "/demo/user-v1.ttl", "v3"); // back to v1's content
    }
    CHECK(runOnce().lastSummary == "validated 1 new version(s)"); // and nothing skipped
    validations = f.actions("validator");
    REQUIRE(validations.size() == 3);
    CHECK(validations[0].target == "ontology@3");
}

TEST_CASE("snapshot_scheduler: takes and exports a snapshot; expired ones are proposed once under strict, deleted "
          "under permissive",
    "[workspace][gate][snapshot_scheduler]")
{
    Fixture f;
    {
        auto ws = f.open();
        ws.importGraph("ontology", std::string(EVOGRAPH_RESOURCES) + "/demo/user-v1.ttl", "v1");
    }
    auto wall = std::chrono::system_clock::now();
    const auto runWith = [&](const std::string& toml) {
        agents::SnapshotSchedulerAgent agent(f.path, config::parseConfig(toml, "c.toml"), [&] { return wall; });
        return runOnce(agent);
    };
    const auto scheduled = [&] {
        auto ws = f.open();
        return workspace::listSnapshots(ws).size();
    };
    CHECK(runWith("").summary == "[backup] is not enabled");
    CHECK(scheduled() == 0);

    const std::string folder = f.dir / "backups";
    const std::string backup = "[backup]\nenabled = true\nretention_days = 30\ndestination = \"" + folder + "\"\n";
    CHECK(runWith(backup).summary == "snapshot taken");
    REQUIRE(scheduled() == 1);
    const auto files = std::vector(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator());
    REQUIRE(files.size() == 1);
    CHECK(workspace::verifySnapshotFile(files[0].path().string()).ok()); // a sound portable copy

    wall += std::chrono::hours(24 * 31); // every snapshot taken so far is now past retention
    CHECK(runWith(backup).summary == "snapshot taken; 2 expired");
    CHECK(runWith(backup).summary == "snapshot taken; 1 expired"); // the two proposed already are not proposed again
    CHECK(scheduled() == 3); // strict: nothing deleted
    const auto proposals = f.actions("snapshot_scheduler", "proposed");
    REQUIRE(proposals.size() == 3);
    CHECK(proposals[0].target != proposals[1].target);
    CHECK(proposals[1].target != proposals[2].target);

    runWith(backup + "[policies]\nenforcement_mode = \"permissive\"\n");
    CHECK(scheduled() == 3); // its own new snapshot expired and was deleted, not approved; the proposals wait
    CHECK(f.actions("snapshot_scheduler", "ran not approved").size() == 1);
}

TEST_CASE("security_agent: audit chain, file mode, credentials in the clear, snapshots verified in rotation",
    "[workspace][gate][security_agent]")
{
    Fixture f;
    std::string first, second;
    {
        auto ws = f.open();
        ws.importGraph("ontology", std::string(EVOGRAPH_RESOURCES) + "/demo/user-v1.ttl", "v1");
        first = workspace::createSnapshot(ws, "one");
        second = workspace::createSnapshot(ws, "two");
    }
    const auto run = [&] {
        agents::SecurityAgent agent(f.path, {});
        return runOnce(agent);
    };
    CHECK(run().summary == "no findings; snapshot " + first + " verified in full");
    CHECK(run().summary == "no findings; snapshot " + second + " verified in full"); // the rotation moves on
    CHECK(run().summary == "no findings; snapshot " + first + " verified in full");

    std::filesystem::permissions(f.path, std::filesystem::perms::others_read, std::filesystem::perm_options::add);
    f.open().setSetting("export.api_key", "sk-in-the-clear", false);
    const agents::AgentOutcome outcome = run();
    REQUIRE(outcome.events.size() == 3);
    CHECK(outcome.events[2].values.at("security_findings") == 2);
    CHECK_THAT(outcome.events[0].subject, Catch::Matchers::ContainsSubstring("mode 604, not 600"));
    CHECK_THAT(outcome.events[1].subject,
        Catch::Matchers::ContainsSubstring("setting export.api_key is named like a credential"));
    CHECK_THAT(f.actions("security_agent")[0].details, Catch::Matchers::ContainsSubstring("export.api_key"));
}

TEST_CASE("recovery_agent: a firing alert calling for it proposes the rollback (strict) or performs it (permissive)",
    "[workspace][gate]")
{
    Fixture f;
    const std::string onto = "http://example.com/ontology#";
    std::string dataBefore;
    {
        auto ws = f.open();
        ws.importGraph("data", std::string(EVOGRAPH_RESOURCES) + "/demo/users-data.ttl", "initial");
        dataBefore = ws.state().graphs.at("data").content;
        ws.setSetting("policies.enforcement_mode", "permissive", false); // the migration runs unapproved
        migrate::Plan plan;
        plan.graphs = {"data"};
        plan.steps = {migrate::moveValuesStep("move", onto + "manages", onto + "supervises")};
        plan = migrate::parsePlan(migrate::writePlan(plan), "move.yaml"); // approvals bind a file's hash
        REQUIRE(migrate::applyPlan(ws, plan).operation.status == "applied");
    }
    config::Config strict = config::parseConfig(R"([policies]
enforcement_mode = "strict"
[[alerts]]
name = "data-broken"
expr = "failed_checks > 0"
actions = ["notify", "agent:recovery_agent"]
)",
        "evograph.toml");
    agents::RecoveryAgent idle(f.path, strict);
    CHECK(runOnce(idle).summary == "nothing calls for a rollback");
    {
        auto ws = f.open();
        workspace::recordAlertTransition(ws, {0, "data-broken", "firing", "critical", 1, {}, "{}"});
    }
    agents::RecoveryAgent agent(f.path, strict);
    const agents::AgentOutcome proposed = runOnce(agent);
    CHECK_THAT(proposed.summary, Catch::Matchers::ContainsSubstring("proposed: alert data-broken is firing"));
    CHECK(f.actions("recovery_agent", "proposed").size() == 1);
    CHECK(f.open().state().graphs.at("data").content != dataBefore); // nothing rolled back
    CHECK_THAT(runOnce(agent).summary, Catch::Matchers::ContainsSubstring("handled already")); // proposed once

    f.saveCheckpoint("recovery_agent", "");
    config::Config permissive = strict;
    permissive.policies["policies.enforcement_mode"].value = "permissive";
    agents::RecoveryAgent lax(f.path, permissive);
    CHECK_THAT(runOnce(lax).summary, Catch::Matchers::ContainsSubstring("(ran not approved)"));
    auto ws = f.open();
    CHECK(ws.state().graphs.at("data").content == dataBefore);
    CHECK(workspace::journal(ws).front().status == "rolled_back");
}

TEST_CASE("the registry is the one table of agents: the config's names, and what each agent says of itself", "[agents]")
{
    std::vector<std::string> names;
    for (const agents::AgentDescriptor& d : agents::knownAgents()) {
        names.push_back(d.name);
        const auto agent = agents::makeAgent(d.name, "unused.evograph", config::Config {});
        CHECK(agent->name() == d.name);
        CHECK(agent->description() == d.description);
        CHECK(agent->agentClass() == d.agentClass);
    }
    CHECK(names == config::kAgentNames);
    CHECK_THROWS_WITH(agents::makeAgent("valdator", "unused.evograph", config::Config {}),
        Catch::Matchers::ContainsSubstring("no agent \"valdator\""));
}

TEST_CASE("graph_monitor: a file is the same file however the config spells its folder", "[agents][workspace]")
{
    Fixture f;
    std::filesystem::create_directories(f.dir / "incoming");
    test::writeText(f.dir / "incoming/onto.ttl", test::ontology(5));
    // Written two seconds ago: not a file still being written.
    std::filesystem::last_write_time(
        f.dir / "incoming/onto.ttl", std::filesystem::file_time_type::clock::now() - std::chrono::seconds(2));
    const auto monitorWatching = [&](const std::string& folder) {
        config::Config config;
        config.agents.watch.push_back({folder, {}, "ontology", std::chrono::seconds(300), {}});
        return agents::makeAgent("graph_monitor", f.path, config);
    };
    runOnce(*monitorWatching(f.dir / "incoming/"));
    REQUIRE(f.actions("graph_monitor").size() == 1);
    // The same folder spelled another way: nothing new to import, nothing imported again.
    runOnce(*monitorWatching(f.dir / "./incoming/../incoming"));
    CHECK(f.actions("graph_monitor").size() == 1);
}
