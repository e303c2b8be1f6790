#pragma once
// The agents evograph has: one table of what each is called, does and is, and how to make one.
// The config loader checks names against config::kAgentNames, the config's vocabulary, which the
// agents' tests keep equal to this table.

#include "evograph/agents/agent.h"
#include "evograph/config/config.h"

#include <memory>

namespace evograph::agents {

struct AgentDescriptor {
    std::string name, description;
    AgentClass agentClass = AgentClass::ReadOnly;
    std::unique_ptr<Agent> (*make)(const std::string& workspacePath, const config::Config& config) = nullptr;
};

const std::vector<AgentDescriptor>& knownAgents();
// Throws evograph::Error for an unknown agent.
std::unique_ptr<Agent> makeAgent(
    const std::string& name, const std::string& workspacePath, const config::Config& config);

} // namespace evograph::agents
