#pragma once
// While alive, the writing agents of an `evograph serve` on the workspace are stopped (the seed's
// `--stop-agents`): asks through the workspace, waits until that process reports them stopped
// (30 s at most, then throws and asks nothing more), and on destruction lets them start again.
// Without a live serve it does nothing.

#include "workspace_cli.h"

#include <string>

namespace evograph::cli {

class WritingAgentsPaused {
public:
    WritingAgentsPaused(const WorkspaceArgs& args, const std::string& reason);
    ~WritingAgentsPaused();
    WritingAgentsPaused(const WritingAgentsPaused&) = delete;
    WritingAgentsPaused& operator=(const WritingAgentsPaused&) = delete;

    // The agents it stopped; empty when no serve was running.
    const std::vector<std::string>& agents() const { return m_agents; }

private:
    void resume();
    const WorkspaceArgs& m_args;
    bool m_asked = false;
    std::vector<std::string> m_agents;
};

} // namespace evograph::cli
