#pragma once
// An agent: a named piece of work the runtime runs on a schedule on the engine's workers. Its
// class says what it may do to the workspace, which the policy gate weighs before any action:
// read_only (looks), additive (adds versions, snapshots, plan drafts), destructive (removes or
// rewrites data; in strict mode it can only propose).

#include "evograph/config/config.h"
#include "evograph/engine/thread_pool.h"
#include "evograph/policy/decision.h"
#include "evograph/workspace/workspace.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace evograph::agents {

// An agent's class is the class of operation its actions are (policy::toString names it).
using AgentClass = policy::OperationClass;

// Something an agent's run brought about that others may react to: graph_monitor's "version
// imported" makes the validator run, the validator's "validated" (with its breaking_changes) the
// migration planner and the alert rules that read breaking_changes.
struct AgentEvent {
    std::string kind; // "version imported", "validated", "plan drafted", "alert firing", ...
    std::string subject; // what it is about: "ontology@3", an alert's name
    std::map<std::string, double> values; // readings for the alert rules: {"breaking_changes", 2}
    std::string agent; // who published it (the runtime fills it in)
    std::string text() const; // "validated ontology@3 (breaking_changes 2, changes 7)"
};

// A reading as logs show it: "2" for 2.0, "0.25", "no data" for NaN.
std::string readingText(double value);

// What one run did, for the agent's log and status.
struct AgentOutcome {
    std::string summary;
    std::vector<AgentEvent> events;
};

class Agent {
public:
    virtual ~Agent() = default;
    virtual std::string name() const = 0;
    virtual std::string description() const = 0;
    virtual AgentClass agentClass() const = 0;
    // One run, on a worker. Throws evograph::Error when it fails; checks the context's
    // cancellation (stop cancels it) at its own checkpoints.
    virtual AgentOutcome run(const engine::TaskContext& context) = 0;
    // The event kinds that make it run at once, besides its interval.
    virtual std::vector<std::string> triggers() const { return {}; }
    // Asked on every tick on the runtime's thread, also while run() is busy on a worker: has
    // something outside changed (a watched folder) so that it should run again? Must be cheap.
    virtual bool poll() { return false; }
};

// An agent that works on one workspace under one config: each run opens the workspace itself
// (on its worker; a Workspace is used from one thread) and closes it again, so no agent holds the
// writer's lock between runs.
class WorkspaceAgent : public Agent {
public:
    WorkspaceAgent(std::string workspacePath, config::Config settings)
        : m_workspacePath(std::move(workspacePath))
        , m_config(std::move(settings))
    {
    }

protected:
    // For writing (checkpoints, action records), waiting up to 10 s for another writer.
    workspace::Workspace openWorkspace() const
    {
        return workspace::Workspace::open(
            m_workspacePath, {workspace::Access::Write, std::chrono::seconds(10), "agent " + name()});
    }
    const std::string& workspacePath() const { return m_workspacePath; }
    const config::Config& config() const { return m_config; }

private:
    std::string m_workspacePath;
    config::Config m_config;
};

} // namespace evograph::agents
