#include "evograph/agents/validator_agent.h"

#include "evograph/agents/action_gate.h"
#include "evograph/analysis/analyze.h"

#include <nlohmann/json.hpp>

namespace evograph::agents {

namespace {
// The analysis of a version against its predecessor (empty content: no triples).
analysis::Analysis analyzeVersion(workspace::Workspace& ws, const std::string& previousContent,
    const std::string& content, const engine::TaskContext& context)
{
    const auto dictionary = std::make_shared<rdf::Dictionary>();
    const workspace::Progress progress = workspace::Progress::of(context);
    rdf::Dataset before(dictionary);
    if (!previousContent.empty())
        before = ws.readContent(previousContent, {progress.cancel, {}}, dictionary);
    rdf::Dataset after = ws.readContent(content, {progress.cancel, {}}, dictionary);
    before.finalize(), after.finalize();
    analysis::AnalysisOptions options;
    options.cancel = context.cancellation();
    return analysis::analyzeDatasets(before, after, options);
}
} // namespace

AgentOutcome ValidatorAgent::run(const engine::TaskContext& context)
{
    auto ws = openWorkspace();
    nlohmann::json seen = nlohmann::json::object(); // graph -> the last version validated
    if (const auto cursor = workspace::agentCheckpoint(ws, name()))
        seen = nlohmann::json::parse(*cursor);
    AgentOutcome outcome;
    std::size_t validated = 0;
    for (const auto& entry : ws.state().graphs) {
        const std::string& graph = entry.first; // a named variable: lambdas below capture it (clang 14)
        const workspace::GraphVersion& head = entry.second;
        const std::int64_t last = seen.value(graph, std::int64_t(0));
        if (head.seq <= last)
            continue;
        std::string previous;
        for (const workspace::GraphVersion& v : ws.log(graph)) {
            if (v.seq > last) {
                context.checkpoint();
                const std::string target = graph + "@" + std::to_string(v.seq);
                std::size_t breaking = 0, changes = 0;
                nlohmann::json next = seen;
                next[graph] = v.seq;
                const workspace::AgentAction action = performAction(ws, config(),
                    {name(), "graph.validate", AgentClass::ReadOnly, target, {}, next.dump()},
                    [&](workspace::Workspace& w) {
                        const analysis::Analysis result = analyzeVersion(w, previous, v.content, context);
                        changes = result.changes.size();
                        breaking = result.summary().bySeverity[static_cast<std::size_t>(analysis::Severity::Breaking)];
                        return nlohmann::json {
                            {"graph", graph}, {"version", v.seq}, {"changes", changes}, {"breaking", breaking}}
                            .dump();
                    });
                if (action.decision == "proposed") { // the policy wants a reviewer first: stay here
                    outcome.summary = target + ": validation awaits a reviewer (" + action.reason + ")";
                    return outcome;
                }
                outcome.events.push_back({"validated", target,
                    {{"breaking_changes", static_cast<double>(breaking)}, {"changes", static_cast<double>(changes)}},
                    {}});
                seen = std::move(next); // saved with the action: a restart resumes after it
                ++validated;
            }
            previous = v.content;
        }
    }
    outcome.summary = validated ? "validated " + std::to_string(validated) + " new version(s)" : "nothing new";
    return outcome;
}

} // namespace evograph::agents
