#include "agent_pause.h"

#include "evograph/workspace/agent_records.h"

#include <csignal>
#include <thread>

namespace evograph::cli {

namespace {
// The writing agents a live serve reports running or idle, and that serve's pid (0: none live).
std::vector<std::string> activeWriters(workspace::Workspace& ws, long& pid)
{
    std::vector<std::string> writers;
    pid = 0;
    for (const workspace::StoredAgentStatus& s : workspace::agentStatuses(ws)) {
        const nlohmann::json status = nlohmann::json::parse(s.status);
        const long servedBy = status.value("pid", 0L);
        const std::string state = status.value("state", "");
        if (state == "not served" || servedBy <= 0 || ::kill(static_cast<pid_t>(servedBy), 0) != 0)
            continue; // no process serves it any more
        pid = servedBy;
        if (status.value("class", "") != "read_only" && state != "stopped" && state != "disabled")
            writers.push_back(s.agent);
    }
    return writers;
}
} // namespace

WritingAgentsPaused::WritingAgentsPaused(const WorkspaceArgs& args, const std::string& reason)
    : m_args(args)
{
    long pid = 0;
    {
        auto ws = workspace::Workspace::open(args.path(), args.openOptions(workspace::Access::Write, reason));
        m_agents = activeWriters(ws, pid);
        if (m_agents.empty())
            return;
        workspace::pauseWritingAgents(ws, reason);
        m_asked = true;
    }
    for (int tenth = 0; tenth < 300; ++tenth) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        auto ws = workspace::Workspace::open(args.path(), args.openOptions(workspace::Access::Read, reason));
        if (activeWriters(ws, pid).empty())
            return;
    }
    resume();
    throw Error("the writing agents of evograph serve (pid " + std::to_string(pid)
        + ") did not stop within 30 s; nothing was changed");
}

WritingAgentsPaused::~WritingAgentsPaused()
{
    try {
        resume();
    } catch (const std::exception&) {
        // The pause stays recorded; `serve` keeps the agents stopped until the next restore clears it.
    }
}

void WritingAgentsPaused::resume()
{
    if (!std::exchange(m_asked, false))
        return;
    auto ws = workspace::Workspace::open(m_args.path(), m_args.openOptions(workspace::Access::Write, "resume agents"));
    workspace::resumeWritingAgents(ws);
}

} // namespace evograph::cli
