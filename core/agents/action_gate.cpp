#include "evograph/agents/action_gate.h"

#include "evograph/policy/decision.h"

namespace evograph::agents {

workspace::AgentAction performAction(workspace::Workspace& workspace, const config::Config& config,
    const ActionRequest& request, const std::function<std::string(workspace::Workspace&)>& act)
{
    // An agent's action has no reviews of its own: what needs one is proposed and awaits a reviewer.
    const policy::Decision decision
        = policy::decide(policy::Policy::of(workspace, config), {request.actionClass, {}, request.agent, {}});
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
    record.decision = decision.outcome == policy::Decision::Outcome::RunNotApproved ? "ran not approved" : "ran";
    return workspace::recordAgentAction(workspace, record, request.checkpoint);
}

} // namespace evograph::agents
