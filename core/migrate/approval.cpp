// The approval gate: which plans need a reviewer, and whether the decisions on a plan's hash
// let it run.
#include "evograph/error.h"
#include "evograph/migrate/migration.h"

#include <map>

namespace evograph::migrate {

namespace {
bool flag(const std::map<std::string, std::string>& settings, const std::string& key, bool fallback)
{
    const auto it = settings.find(key);
    if (it == settings.end())
        return fallback;
    if (it->second == "true")
        return true;
    if (it->second == "false")
        return false;
    throw Error("setting " + key + ": '" + it->second + "' is neither true nor false");
}
} // namespace

Policy Policy::fromSettings(const std::map<std::string, std::string>& settings)
{
    Policy policy;
    if (const auto mode = settings.find("policies.enforcement_mode"); mode != settings.end()) {
        if (mode->second != "strict" && mode->second != "permissive")
            throw Error("setting policies.enforcement_mode: '" + mode->second + "' is neither strict nor permissive");
        policy.strict = mode->second == "strict";
    }
    policy.requireApprovalForDestructive
        = flag(settings, "policies.operational.require_approval_for_destructive", policy.requireApprovalForDestructive);
    policy.autoApproveReadOnly
        = flag(settings, "policies.operational.auto_approve_read_only", policy.autoApproveReadOnly);
    policy.allowSelfApproval = flag(settings, "policies.operational.allow_self_approval", policy.allowSelfApproval);
    return policy;
}

std::map<std::string, std::string> Policy::defaultSettings()
{
    const Policy p;
    const auto text = [](bool b) { return std::string(b ? "true" : "false"); };
    return {{"policies.enforcement_mode", p.strict ? "strict" : "permissive"},
        {"policies.operational.require_approval_for_destructive", text(p.requireApprovalForDestructive)},
        {"policies.operational.auto_approve_read_only", text(p.autoApproveReadOnly)},
        {"policies.operational.allow_self_approval", text(p.allowSelfApproval)}};
}

Policy Policy::of(workspace::Workspace& workspace, const config::Config& config)
{
    return fromSettings(config::effectiveSettings(workspace.settings(false), config));
}

ApprovalRequired::ApprovalRequired(ApprovalStatus status)
    : std::runtime_error("not approved: " + status.reason)
    , m_status(std::move(status))
{
}

ApprovalStatus approvalStatus(
    workspace::Workspace& workspace, const Plan& plan, const Policy& policy, const PlanRun& run)
{
    ApprovalStatus status;
    status.decisions = workspace::approvals(workspace, plan.hash);
    if (plan.hash.empty())
        throw Error("a plan is approved by the hash of its file; this one was not read from a file");
    const bool destructive = plan.hasDestructiveSteps() || run.destructive();
    if (!destructive || !policy.requireApprovalForDestructive) {
        status.satisfied = true;
        status.reason = destructive ? "the policy does not require approval for destructive steps"
                                    : "no step is marked destructive (DS) or removes a triple";
        return status;
    }
    if (run.changesNothing() && policy.autoApproveReadOnly) {
        status.satisfied = true;
        status.reason = "auto-approved: the dry run changes no triple (auto_approve_read_only)";
        return status;
    }
    status.required = true;

    // Each reviewer's latest decision counts.
    std::map<std::string, const workspace::Approval*> latest;
    for (const workspace::Approval& a : status.decisions)
        latest[a.reviewer] = &a;
    const std::string& applier = workspace.user();
    const workspace::Approval *other = nullptr, *self = nullptr;
    for (const auto& [reviewer, decision] : latest) {
        if (decision->decision == "reject") {
            status.reason = "rejected by " + reviewer + " at " + decision->at
                + (decision->comment.empty() ? "" : ": " + decision->comment);
            other = self = nullptr;
            break;
        }
        const bool isSelf = decision->recordedBy == applier || decision->reviewer == applier;
        (isSelf ? self : other) = decision;
    }
    if (other) {
        status.satisfied = true;
        status.reason = "approved by " + other->reviewer + " at " + other->at;
    } else if (self && policy.allowSelfApproval) {
        status.satisfied = status.selfApproved = true;
        status.reason = "self-approved by " + self->reviewer + " (recorded by " + self->recordedBy
            + "; the policy allows self-approval)";
    } else if (self) {
        status.reason = "the only approval is the applier's own (" + self->reviewer + ", recorded by "
            + self->recordedBy + ") and self-approval is off (policies.operational.allow_self_approval)";
    } else if (status.reason.empty()) {
        status.reason = "the plan deletes or rewrites data and has no approval of its hash " + plan.hash.substr(0, 12)
            + " (a reviewer runs: evograph migrate approve PLAN --as NAME)";
    }
    if (!status.satisfied && !policy.strict) {
        status.satisfied = status.bypassedPermissive = true;
        status.reason = "NOT APPROVED (" + status.reason + "); runs because the policy is permissive";
    }
    return status;
}

} // namespace evograph::migrate
