#pragma once
// An agent: a named piece of work the runtime runs on a schedule on the engine's workers. Its
// class says what it may do to the workspace, which the policy gate weighs before any action:
// read_only (looks), additive (adds versions, snapshots, plan drafts), destructive (removes or
// rewrites data; in strict mode it can only propose).

#include "evograph/engine/thread_pool.h"

#include <string>
#include <string_view>
#include <vector>

namespace evograph::agents {

enum class AgentClass : std::uint8_t { ReadOnly, Additive, Destructive };
std::string_view toString(AgentClass agentClass); // "read_only", "additive", "destructive"

// What one run did, for the agent's log and status.
struct AgentOutcome {
    std::string summary;
    std::vector<std::string> events; // e.g. "version imported: ontology@3"
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
};

} // namespace evograph::agents
