// Migrations against a real workspace file through the engine's API: the approval gate under each
// policy setting, cancellation, refusals that leave the state as it was, rollback's checks, and
// the rehearsal.
#include "workspace_fixture.h"

#include "evograph/error.h"
#include "evograph/migrate/migration.h"
#include "evograph/workspace/snapshots.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace evograph;
using Catch::Matchers::ContainsSubstring;
using evograph::test::ScratchDir;

namespace {
const std::string kData = "@prefix : <http://e/> .\n:alice a :User ; :manages :bob ; :email \"a@x\" .\n"
                          ":bob a :User .\n:carol a :Legacy .\n";

migrate::Plan planOf(std::vector<migrate::PlanStep> steps, std::vector<std::string> graphs = {"users"})
{
    migrate::Plan plan;
    plan.from = "v1", plan.to = "v2", plan.graphs = std::move(graphs);
    plan.steps = std::move(steps);
    return migrate::parsePlan(migrate::writePlan(plan), "plan.yaml"); // as read from a file: with its hash
}

struct Fixture {
    ScratchDir dir;
    std::string path = dir / "ws.evograph";
    Fixture()
    {
        auto ws = workspace::Workspace::create(path);
        ws.importGraph("users", test::writeText(dir / "users.ttl", kData), "v1");
    }
    workspace::Workspace open() { return test::openForWriting(path); }
    void set(const std::string& key, const std::string& value) { open().setSetting(key, value, false); }
    void decide(const migrate::Plan& plan, const std::string& decision, const std::string& reviewer)
    {
        auto ws = open();
        workspace::recordApproval(ws, {0, plan.hash, "plan.yaml", decision, reviewer, {}, {}, {}});
    }
};

const migrate::PlanStep kMove = migrate::moveValuesStep("move", "http://e/manages", "http://e/supervises");
const migrate::PlanStep kAdd = migrate::addDefaultValueStep("add", "http://e/User", "http://e/email", "none");
} // namespace

TEST_CASE("the approval gate follows the policy", "[migrate][workspace]")
{
    Fixture f;
    const migrate::Plan additive = planOf({kAdd});
    const migrate::Plan rewriting = planOf({kMove});
    const migrate::Plan deletesNothing = planOf({migrate::deleteInstancesStep("drop", "http://e/Nobody")});
    policy::Policy strict;
    const auto status = [&](const migrate::Plan& plan, const policy::Policy& policy) {
        auto ws = f.open();
        return migrate::approvalStatus(ws, plan, policy, migrate::dryRun(ws, plan));
    };

    // Adding data needs no approval; rewriting it does, whatever the step's code.
    CHECK(status(additive, strict).satisfied);
    CHECK_FALSE(status(additive, strict).required);
    CHECK(status(rewriting, strict).required);
    CHECK_FALSE(status(rewriting, strict).satisfied);
    // A DS step whose dry run changes nothing is read-only: auto-approved unless the policy says no.
    CHECK(status(deletesNothing, strict).satisfied);
    policy::Policy noAuto;
    noAuto.autoApproveReadOnly = false;
    CHECK_FALSE(status(deletesNothing, noAuto).satisfied);
    // Not requiring approval, or a permissive policy, lets it run; permissive says so.
    policy::Policy lax;
    lax.requireApprovalForDestructive = false;
    CHECK(status(rewriting, lax).satisfied);
    policy::Policy permissive;
    permissive.strict = false;
    CHECK(status(rewriting, permissive).bypassedPermissive);

    // The applier's own approval counts only when self-approval is allowed.
    f.decide(rewriting, "approve", "alice"); // recorded by the applier's own login: a self-approval
    CHECK_FALSE(status(rewriting, strict).satisfied);
    CHECK_THAT(status(rewriting, strict).reason, ContainsSubstring("self-approval is off"));
    policy::Policy selfOk;
    selfOk.allowSelfApproval = true;
    CHECK(status(rewriting, selfOk).selfApproved);
    // Settings parse into the policy; a bad value is refused naming the setting.
    f.set("policies.enforcement_mode", "permissive");
    CHECK_FALSE(policy::Policy::fromSettings(f.open().settings(false)).strict);
    f.set("policies.operational.allow_self_approval", "yes");
    CHECK_THROWS_WITH(policy::Policy::fromSettings(f.open().settings(false)),
        ContainsSubstring("policies.operational.allow_self_approval"));
}

TEST_CASE(
    "apply refuses without approval and changes nothing; a reviewer's rejection withdraws it", "[migrate][workspace]")
{
    Fixture f;
    const migrate::Plan plan = planOf({kMove, kAdd});
    const std::string before = f.open().state().hash();
    {
        auto ws = f.open();
        CHECK_THROWS_AS(migrate::applyPlan(ws, plan), migrate::ApprovalRequired);
        CHECK(ws.state().hash() == before);
        CHECK(workspace::listSnapshots(ws).empty()); // refused before the pre-snapshot
    }
    f.set("policies.operational.allow_self_approval", "true");
    f.decide(plan, "approve", "bob");
    f.decide(plan, "reject", "bob");
    {
        auto ws = f.open();
        try {
            migrate::applyPlan(ws, plan);
            FAIL("applied a rejected plan");
        } catch (const migrate::ApprovalRequired& e) {
            CHECK_THAT(e.status().reason, ContainsSubstring("rejected by bob"));
        }
        const auto journal = workspace::journal(ws);
        REQUIRE(journal.size() == 2);
        CHECK(journal[1].status == "failed");
        CHECK_THAT(journal[1].error, ContainsSubstring("refused"));
    }
    f.decide(plan, "approve", "bob");
    auto ws = f.open();
    const auto applied = migrate::applyPlan(ws, plan, {"release-1", {}, {}, {}});
    CHECK(applied.operation.status == "applied");
    CHECK(applied.operation.correlationId == "release-1");
    CHECK(applied.run.added == 2); // :supervises, and bob's default e-mail
    CHECK(applied.run.removed == 1);
    CHECK(ws.state().hash() != before);
}

TEST_CASE("a cancelled apply and a failing check leave the workspace as it was", "[migrate][workspace]")
{
    Fixture f;
    f.set("policies.operational.require_approval_for_destructive", "false");
    const std::string before = f.open().state().hash();
    {
        auto ws = f.open();
        workspace::Progress progress;
        progress.cancel.cancel();
        CHECK_THROWS_AS(migrate::applyPlan(ws, planOf({kMove}), {}, progress), Cancelled);
        CHECK(ws.state().hash() == before);
    }
    migrate::PlanStep failing = kAdd;
    failing.after.push_back({"nobody is a user", "ASK { ?x a <http://e/User> }", false});
    auto ws = f.open();
    CHECK_THROWS_WITH(migrate::applyPlan(ws, planOf({failing})), ContainsSubstring("check after failed"));
    CHECK(ws.state().hash() == before);
    // Targets the workspace does not have, and writes outside its graphs, are errors.
    CHECK_THROWS_WITH(migrate::dryRun(ws, planOf({kAdd}, {"nope"})), ContainsSubstring("'nope'"));
    CHECK_THROWS_WITH(
        migrate::dryRun(ws,
            planOf({migrate::customStep("x", "", "INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 1 } }",
                migrate::FindingCode::MayFail)})),
        ContainsSubstring("not a workspace graph"));
}

TEST_CASE("rollback restores the pre-snapshot's content and refuses when the graph moved on", "[migrate][workspace]")
{
    Fixture f;
    f.set("policies.operational.require_approval_for_destructive", "false");
    auto ws = f.open();
    const std::string users = ws.state().graphs.at("users").content;
    const auto first = migrate::applyPlan(ws, planOf({kMove}));
    const auto second = migrate::applyPlan(ws, planOf({kAdd}));
    CHECK_THROWS_WITH(migrate::rollbackOperation(ws, first.operation.id), ContainsSubstring("roll back the later"));
    CHECK(migrate::lastApplied(ws, 5) == std::vector<std::string> {second.operation.id, first.operation.id});
    for (const std::string& id : migrate::lastApplied(ws, 2))
        migrate::rollbackOperation(ws, id);
    CHECK(ws.state().graphs.at("users").content == users);
    CHECK_THROWS_WITH(migrate::rollbackOperation(ws, first.operation.id), ContainsSubstring("rolled back already"));
    CHECK(migrate::lastApplied(ws, 5).empty());

    // The rehearsal works on a copy: the workspace is as it was afterwards.
    const std::string before = ws.state().hash();
    const migrate::Plan plan = planOf({kMove, kAdd});
    ws = workspace::Workspace::open(f.path); // rehearse takes the writer's lock itself
    const auto rehearsal = migrate::rehearse(f.path, plan);
    CHECK(rehearsal.ok());
    CHECK(rehearsal.afterApply != rehearsal.before);
    CHECK(workspace::Workspace::open(f.path).state().hash() == before);
}
