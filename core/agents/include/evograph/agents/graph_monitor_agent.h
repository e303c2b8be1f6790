#pragma once
// graph_monitor (additive): watches the sources of [agents.graph_monitor] watch for new versions
// of a graph and imports each as the graph's new version ("version imported" event).
//   { path = "incoming/", graph = "ontology" }   every RDF file in the folder (oldest first), or
//                                                one file; inotify wakes it at once
//   { url = "https://…/ontology.ttl", graph = "ontology", interval_seconds = 300 }
//                                                asked with If-None-Match / If-Modified-Since
//                                                through the one HTTP layer; 304 is nothing new
// Its checkpoint holds each file's size and modification time and each URL's ETag and
// Last-Modified, saved after every import, so a restart neither imports twice nor misses one. A
// file modified in the last second is left for the next look (it may still be written). A file
// that does not parse is recorded as a failed action and not retried until it changes.

#include "evograph/agents/agent.h"

#include <memory>

namespace evograph::net {
class HttpClient;
}

namespace evograph::agents {

class FolderWatcher;

class GraphMonitorAgent final : public WorkspaceAgent {
public:
    GraphMonitorAgent(std::string workspacePath, config::Config settings);
    ~GraphMonitorAgent() override;
    std::string name() const override { return "graph_monitor"; }
    std::string description() const override { return "imports new versions of watched files, folders and URLs"; }
    AgentClass agentClass() const override { return AgentClass::Additive; }
    AgentOutcome run(const engine::TaskContext& context) override;
    bool poll() override;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace evograph::agents
