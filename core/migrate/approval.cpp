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

ApprovalStatus approvalStatus(workspace::Workspace& workspace, const Plan& plan, const policy::Policy& policy,
    const PlanRun& run, const std::vector<std::string>& approvalFiles)
{
    if (plan.hash.empty())
        throw Error("a plan is approved by the hash of its file; this one was not read from a file");
    ApprovalStatus status;
    status.decisions = workspace::approvals(workspace, plan.hash);
    std::vector<workspace::Approval> reviews = status.decisions;
    // Each signature is checked against the very bytes the plan was read from and will run.
    for (const std::string& file : approvalFiles) {
        status.signatures.push_back(policy::verifySignedApproval(
            plan.text, file, policy.allowedSigners, policy::signerNamedBy(file, plan.file)));
        if (status.signatures.back().counts)
            reviews.push_back(status.signatures.back().review(plan.hash, plan.file));
    }
    const std::string howToApprove = "of its hash " + plan.hash.substr(0, 12)
        + " (a reviewer runs: evograph migrate approve PLAN --as NAME [--sign-with KEY])";
    const policy::Decision decision
        = policy::decide(policy, {operationClass(plan, run), reviews, workspace.user(), howToApprove});
    status.required = decision.approvalRequired;
    status.satisfied = decision.runs();
    status.selfApproved = decision.selfApproved;
    status.bypassedPermissive = decision.outcome == policy::Decision::Outcome::RunNotApproved;
    status.reason = decision.reason;
    // A refusal says why each offered approval did not count.
    if (!status.satisfied)
        for (const policy::SignedApproval& s : status.signatures)
            if (!s.counts)
                status.reason += "; " + s.file + " does not count: " + s.problem;
    return status;
}

ApprovalStatus approvalStatus(workspace::Workspace& workspace, const Plan& plan, const config::Config& config,
    const PlanRun& run, const std::vector<std::string>& approvalFiles)
{
    return approvalStatus(workspace, plan, policy::Policy::of(workspace, config), run, approvalFiles);
}

Preview preview(workspace::Workspace& workspace, const Plan& plan, const config::Config& config,
    const RunOptions& options, const workspace::Progress& progress, const std::vector<std::string>& approvalFiles)
{
    Preview p {dryRun(workspace, plan, options, progress), {}};
    p.approval = approvalStatus(workspace, plan, config, p.run, approvalFiles);
    return p;
}

} // namespace evograph::migrate
