#pragma once
// The agents evograph has (config::kAgentNames, which the config loader checks names against):
// what each does, its class, and making one.

#include "evograph/agents/agent.h"
#include "evograph/config/config.h"

#include <memory>

namespace evograph::agents {

struct AgentDescriptor {
    std::string name, description;
    AgentClass agentClass = AgentClass::ReadOnly;
};

const std::vector<AgentDescriptor>& knownAgents();
// Throws evograph::Error for an unknown agent.
std::unique_ptr<Agent> makeAgent(
    const std::string& name, const std::string& workspacePath, const config::Config& config);

} // namespace evograph::agents
