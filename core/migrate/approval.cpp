// The approval gate for plans: the policy's one decision (policy::decide) applied to a plan and the
// reviewers' decisions on its hash.
#include "evograph/error.h"
#include "evograph/migrate/migration.h"

namespace evograph::migrate {

ApprovalRequired::ApprovalRequired(ApprovalStatus status)
    : policy::ApprovalMissing(status.reason)
    , m_status(std::move(status))
{
}

policy::OperationClass operationClass(const Plan& plan, const PlanRun& run)
{
    if (run.changesNothing())
        return policy::OperationClass::ReadOnly;
    if (plan.hasDestructiveSteps() || run.destructive())
        return policy::OperationClass::Destructive;
    return policy::OperationClass::Additive;
}

ApprovalStatus approvalStatus(
    workspace::Workspace& workspace, const Plan& plan, const policy::Policy& policy, const PlanRun& run)
{
    if (plan.hash.empty())
        throw Error("a plan is approved by the hash of its file; this one was not read from a file");
    ApprovalStatus status;
    status.decisions = workspace::approvals(workspace, plan.hash);
    const std::string howToApprove
        = "of its hash " + plan.hash.substr(0, 12) + " (a reviewer runs: evograph migrate approve PLAN --as NAME)";
    const policy::Decision decision
        = policy::decide(policy, {operationClass(plan, run), status.decisions, workspace.user(), howToApprove});
    status.required = decision.approvalRequired;
    status.satisfied = decision.runs();
    status.selfApproved = decision.selfApproved;
    status.bypassedPermissive = decision.outcome == policy::Decision::Outcome::RunNotApproved;
    status.reason = decision.reason;
    return status;
}

ApprovalStatus approvalStatus(
    workspace::Workspace& workspace, const Plan& plan, const config::Config& config, const PlanRun& run)
{
    return approvalStatus(workspace, plan, policy::Policy::of(workspace, config), run);
}

Preview preview(workspace::Workspace& workspace, const Plan& plan, const config::Config& config,
    const RunOptions& options, const workspace::Progress& progress)
{
    Preview p {dryRun(workspace, plan, options, progress), {}};
    p.approval = approvalStatus(workspace, plan, config, p.run);
    return p;
}

} // namespace evograph::migrate
