// The one policy decision, as plans, agents and pushes to stores meet it.
#include "evograph/policy/decision.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace evograph;
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::StartsWith;
using policy::Decision;
using policy::OperationClass;

namespace {
workspace::Approval review(std::string reviewer, std::string decision, std::string recordedBy = "bob")
{
    workspace::Approval a;
    a.reviewer = std::move(reviewer);
    a.decision = std::move(decision);
    a.recordedBy = std::move(recordedBy);
    a.at = "2026-12-07T10:00:00.000Z";
    return a;
}

Decision decide(const policy::Policy& p, OperationClass c, const std::vector<workspace::Approval>& reviews = {})
{
    return policy::decide(p, {c, reviews, "alice", "(a reviewer runs: evograph migrate approve PLAN --as NAME)"});
}
} // namespace

TEST_CASE("each class of operation under the default policy", "[policy]")
{
    const policy::Policy strict;
    CHECK(decide(strict, OperationClass::ReadOnly).outcome == Decision::Outcome::Run);
    CHECK(decide(strict, OperationClass::Additive).outcome == Decision::Outcome::Run);
    const Decision destructive = decide(strict, OperationClass::Destructive);
    CHECK(destructive.outcome == Decision::Outcome::NeedsApproval);
    CHECK(destructive.approvalRequired);
    CHECK_THAT(destructive.reason, ContainsSubstring("evograph migrate approve PLAN --as NAME"));
}

TEST_CASE("read-only operations read auto_approve_read_only the same way for everyone", "[policy]")
{
    policy::Policy noAuto;
    noAuto.autoApproveReadOnly = false;
    const Decision d = decide(noAuto, OperationClass::ReadOnly);
    CHECK(d.outcome == Decision::Outcome::NeedsApproval);
    CHECK_THAT(d.reason, ContainsSubstring("auto_approve_read_only = false"));
    // A reviewer's approval lets it run, as for a destructive one.
    CHECK(decide(noAuto, OperationClass::ReadOnly, {review("carol", "approve")}).runs());
    // Permissive: it runs, and is no bypass (nothing is changed).
    noAuto.strict = false;
    CHECK(decide(noAuto, OperationClass::ReadOnly).outcome == Decision::Outcome::Run);
}

TEST_CASE("reviews: another person's approval, the applier's own, and rejections", "[policy]")
{
    policy::Policy strict;
    CHECK_THAT(decide(strict, OperationClass::Destructive, {review("carol", "approve")}).reason,
        StartsWith("approved by carol"));
    // The applier's own approval (by name, or recorded from the applier's login) needs allow_self_approval.
    for (const auto& self : {review("alice", "approve"), review("someone", "approve", "alice")}) {
        const Decision d = decide(strict, OperationClass::Destructive, {self});
        CHECK_FALSE(d.runs());
        CHECK_THAT(d.reason, ContainsSubstring("self-approval is off"));
    }
    strict.allowSelfApproval = true;
    CHECK(decide(strict, OperationClass::Destructive, {review("alice", "approve")}).selfApproved);
    // A reviewer's latest decision counts: approve then reject is a rejection, and stops it.
    const Decision rejected
        = decide(strict, OperationClass::Destructive, {review("carol", "approve"), review("carol", "reject")});
    CHECK(rejected.rejected);
    CHECK_FALSE(rejected.runs());
    CHECK(decide(strict, OperationClass::Destructive, {review("carol", "reject"), review("carol", "approve")}).runs());
}

TEST_CASE("a permissive policy runs what it would refuse, and says so", "[policy]")
{
    policy::Policy permissive;
    permissive.strict = false;
    const Decision d = decide(permissive, OperationClass::Destructive);
    CHECK(d.outcome == Decision::Outcome::RunNotApproved);
    CHECK_THAT(d.reason, StartsWith("NOT APPROVED (") && ContainsSubstring("runs because the policy is permissive"));
    policy::Policy lax;
    lax.requireApprovalForDestructive = false;
    CHECK(decide(lax, OperationClass::Destructive).outcome == Decision::Outcome::Run);
    CHECK_FALSE(decide(lax, OperationClass::Destructive).approvalRequired);
}

TEST_CASE("operation classes have one name each way", "[policy]")
{
    for (const OperationClass c : {OperationClass::ReadOnly, OperationClass::Additive, OperationClass::Destructive})
        CHECK(policy::parseOperationClass(policy::toString(c)) == c);
    CHECK(policy::toString(OperationClass::ReadOnly) == "read_only");
    CHECK_FALSE(policy::parseOperationClass("readonly"));
}
