#include "evograph/agents/action_gate.h"

namespace evograph::agents {

GateDecision decideAction(const migrate::Policy& policy, AgentClass actionClass)
{
    switch (actionClass) {
    case AgentClass::ReadOnly:
        if (policy.autoApproveReadOnly || !policy.strict)
            return {GateOutcome::Run, "read-only"};
        return {GateOutcome::Propose, "read-only actions need a reviewer (auto_approve_read_only = false)"};
    case AgentClass::Additive:
        return {GateOutcome::Run, "additive: nothing is removed or rewritten"};
    case AgentClass::Destructive:
        if (!policy.requireApprovalForDestructive)
            return {GateOutcome::Run, "the policy does not require approval for destructive actions"};
        if (!policy.strict)
            return {GateOutcome::RunNotApproved, "NOT APPROVED: destructive, runs because the policy is permissive"};
        return {GateOutcome::Propose, "destructive: awaits a reviewer (strict policy)"};
    }
    return {GateOutcome::Propose, "unknown action class"};
}

workspace::AgentAction performAction(workspace::Workspace& workspace, const config::Config& config,
    const ActionRequest& request, const std::function<std::string(workspace::Workspace&)>& act)
{
    const GateDecision decision = decideAction(migrate::Policy::of(workspace, config), request.actionClass);
    workspace::AgentAction record {0, request.agent, {}, request.action, std::string(toString(request.actionClass)),
        request.target, {}, decision.reason, request.details};
    if (!decision.runs()) {
        record.decision = "proposed";
        return workspace::recordAgentAction(workspace, record);
    }
    try {
        if (std::string details = act(workspace); !details.empty())
            record.details = std::move(details);
    } catch (const std::exception& e) {
        record.decision = "failed";
        record.reason = e.what();
        workspace::recordAgentAction(workspace, record);
        throw;
    }
    record.decision = decision.outcome == GateOutcome::RunNotApproved ? "ran not approved" : "ran";
    return workspace::recordAgentAction(workspace, record, request.checkpoint);
}

} // namespace evograph::agents
