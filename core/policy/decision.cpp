#include "evograph/policy/decision.h"

#include "evograph/engine/enum_names.h"

#include <map>

namespace evograph::policy {

namespace {
constexpr auto kClassNames = engine::enumNames<OperationClass>({{OperationClass::ReadOnly, "read_only"},
    {OperationClass::Additive, "additive"}, {OperationClass::Destructive, "destructive"}});

Decision runs(std::string reason)
{
    Decision d;
    d.outcome = Decision::Outcome::Run;
    d.reason = std::move(reason);
    return d;
}

// Each reviewer's latest decision counts; one rejection stops the operation.
void weighReviews(Decision& d, const Policy& policy, const Request& request)
{
    std::map<std::string, const workspace::Approval*> latest;
    for (const workspace::Approval& a : request.reviews)
        latest[a.reviewer] = &a;
    const workspace::Approval *other = nullptr, *self = nullptr;
    for (const auto& [reviewer, decision] : latest) {
        if (decision->decision == "reject") {
            d.rejected = true;
            d.reason = "rejected by " + reviewer + " at " + decision->at
                + (decision->comment.empty() ? "" : ": " + decision->comment);
            return;
        }
        const bool isSelf = decision->recordedBy == request.applier || decision->reviewer == request.applier;
        (isSelf ? self : other) = decision;
    }
    if (other) {
        d.outcome = Decision::Outcome::Run;
        // A signed approval has no time of its own: the key that signed it is named instead.
        d.reason = "approved by " + other->reviewer
            + (other->at.empty() ? " (" + other->recordedBy + ")" : " at " + other->at);
    } else if (self && policy.allowSelfApproval) {
        d.outcome = Decision::Outcome::Run;
        d.selfApproved = true;
        d.reason = "self-approved by " + self->reviewer + " (recorded by " + self->recordedBy
            + "; the policy allows self-approval)";
    } else if (self) {
        d.reason = "the only approval is the applier's own (" + self->reviewer + ", recorded by " + self->recordedBy
            + ") and self-approval is off (policies.operational.allow_self_approval)";
    } else {
        d.reason = std::string(request.operationClass == OperationClass::ReadOnly
                           ? "read-only operations need a reviewer (auto_approve_read_only = false)"
                           : "it deletes or rewrites data and has no approval")
            + (request.howToApprove.empty() ? "" : " " + std::string(request.howToApprove));
    }
}
} // namespace

std::string_view toString(OperationClass operationClass)
{
    return kClassNames.name(operationClass);
}

std::optional<OperationClass> parseOperationClass(std::string_view name)
{
    return kClassNames.parse(name);
}

Decision decide(const Policy& policy, const Request& request)
{
    switch (request.operationClass) {
    case OperationClass::Additive:
        return runs("additive: nothing is removed or rewritten");
    case OperationClass::ReadOnly:
        if (policy.autoApproveReadOnly)
            return runs("read-only: it changes nothing (auto_approve_read_only)");
        if (!policy.strict)
            return runs("read-only: it changes nothing, and the policy is permissive");
        break;
    case OperationClass::Destructive:
        if (!policy.requireApprovalForDestructive)
            return runs("the policy does not require approval for destructive operations");
        break;
    }
    Decision d;
    d.approvalRequired = true;
    weighReviews(d, policy, request);
    if (!d.runs() && !policy.strict) {
        d.outcome = Decision::Outcome::RunNotApproved;
        d.reason = "NOT APPROVED (" + d.reason + "); runs because the policy is permissive";
    }
    return d;
}

} // namespace evograph::policy
