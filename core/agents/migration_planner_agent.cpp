#include "evograph/agents/migration_planner_agent.h"

#include "evograph/agents/action_gate.h"
#include "evograph/analysis/analyze_paths.h"
#include "evograph/engine/atomic_file.h"
#include "evograph/migrate/plan_generation.h"

#include <nlohmann/json.hpp>

#include <set>

namespace evograph::agents {

std::filesystem::path plansFolder(const std::string& workspacePath)
{
    return std::filesystem::path(workspacePath + ".plans");
}

namespace {
// The terms the breaking changes are about.
std::set<rdf::TermId> breakingTerms(const analysis::Analysis& analysis)
{
    std::set<rdf::TermId> terms;
    for (const analysis::Change& c : analysis.changes)
        if (c.severity == analysis::Severity::Breaking)
            for (const rdf::TermId t : {c.iri, c.oldIri, c.property})
                if (t != rdf::kNoTerm)
                    terms.insert(t);
    return terms;
}

bool uses(const rdf::Dataset& data, const std::set<rdf::TermId>& terms)
{
    for (const rdf::Quad& q : data.quads())
        if (terms.count(q.p) || terms.count(q.o) || terms.count(q.s))
            return true;
    return false;
}
} // namespace

AgentOutcome MigrationPlannerAgent::run(const engine::TaskContext& context)
{
    auto ws = openWorkspace();
    nlohmann::json seen = nlohmann::json::object(); // graph -> the last version looked at
    if (const auto cursor = workspace::agentCheckpoint(ws, name()))
        seen = nlohmann::json::parse(*cursor);
    const workspace::WorkspaceState state = ws.state();
    const workspace::Progress progress {context.cancellation(), {}};
    AgentOutcome outcome;
    std::size_t drafted = 0;
    for (const auto& [graph, head] : state.graphs) {
        const std::int64_t last = seen.value(graph, std::int64_t(0));
        if (head.seq <= last)
            continue;
        std::optional<workspace::GraphVersion> previous;
        for (const workspace::GraphVersion& v : ws.log(graph)) {
            if (v.seq <= last || !previous) {
                previous = v;
                continue;
            }
            context.checkpoint();
            const auto dictionary = std::make_shared<rdf::Dictionary>();
            analysis::AnalyzedVersions versions {ws.readContent(previous->content, progress, dictionary),
                ws.readContent(v.content, progress, dictionary), rdf::Dataset(dictionary), {}};
            versions.oldData.finalize(), versions.newData.finalize();
            analysis::AnalysisOptions options;
            options.cancel = context.cancellation();
            versions.analysis = analysis::analyzeDatasets(versions.oldData, versions.newData, options);
            const std::set<rdf::TermId> terms = breakingTerms(versions.analysis);
            std::vector<std::string> touched; // the data graphs that use a term a breaking change is about
            if (!terms.empty())
                for (const auto& [other, otherHead] : state.graphs) {
                    if (other == graph)
                        continue;
                    rdf::Dataset data = ws.readContent(otherHead.content, progress, dictionary);
                    data.finalize();
                    if (uses(data, terms)) {
                        touched.push_back(other);
                        for (const rdf::Quad& q : data.quads())
                            versions.data.add(q);
                    }
                }
            const std::string from = graph + "@" + std::to_string(previous->seq);
            const std::string to = graph + "@" + std::to_string(v.seq);
            if (!touched.empty()) {
                versions.data.finalize();
                migrate::Plan plan = migrate::generatePlan(versions, {from, to, touched});
                const std::filesystem::path file
                    = plansFolder(ws.path()) / (graph + "-" + std::to_string(v.seq) + ".yaml");
                nlohmann::json next = seen;
                next[graph] = v.seq;
                const workspace::AgentAction action = performAction(ws, config(),
                    {name(), "plan.draft", AgentClass::Additive, file.string(), {}, next.dump()},
                    [&](workspace::Workspace&) {
                        std::filesystem::create_directories(file.parent_path());
                        engine::writeFileAtomically(file.string(), migrate::writePlan(plan));
                        return nlohmann::json {
                            {"from", from}, {"to", to}, {"graphs", touched}, {"steps", plan.steps.size()}}
                            .dump();
                    });
                if (action.decision == "proposed")
                    return {"the plan draft for " + to + " awaits a reviewer", std::move(outcome.events)};
                ++drafted;
                outcome.events.push_back(
                    {"plan drafted", file.string(), {{"plan_steps", static_cast<double>(plan.steps.size())}}, {}});
            }
            seen[graph] = v.seq;
            if (touched.empty()) // else the draft's record saved it
                workspace::saveAgentCheckpoint(ws, name(), seen.dump());
            previous = v;
        }
    }
    outcome.summary = drafted ? std::to_string(drafted) + " plan(s) drafted for review" : "no data touched";
    return outcome;
}

} // namespace evograph::agents
