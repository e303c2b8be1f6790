#pragma once
// The agents evograph knows (config::kAgentNames), what class each is, and making the ones this
// build has. Agents not built yet are listed as unavailable, never faked.

#include "evograph/agents/agent.h"
#include "evograph/config/config.h"

#include <memory>

namespace evograph::agents {

struct AgentDescriptor {
    std::string name, description;
    AgentClass agentClass = AgentClass::ReadOnly;
    bool available = false; // built in this version of evograph
};

const std::vector<AgentDescriptor>& knownAgents();
// Throws evograph::Error for an unknown or unavailable agent.
std::unique_ptr<Agent> makeAgent(
    const std::string& name, const std::string& workspacePath, const config::Config& config);

} // namespace evograph::agents
