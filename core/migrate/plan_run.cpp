#include "plan_run.h"

#include "evograph/error.h"
#include "evograph/rdf/ntriples_writer.h"
#include "evograph/sparql/update.h"

#include <algorithm>
#include <chrono>

namespace evograph::migrate {

bool PlanRun::checksPassed() const
{
    return std::all_of(checks.begin(), checks.end(), [](const CheckResult& c) { return c.passed(); });
}

bool PlanRun::destructive() const
{
    return std::any_of(steps.begin(), steps.end(), [](const StepOutcome& s) { return s.destructive(); });
}

namespace detail {

namespace {
// "[graph] s p o ." with IRIs shortened by the workspace graphs' prefixes, for people to read.
std::vector<std::string> preview(const rdf::Dictionary& dictionary, const std::vector<rdf::Quad>& quads,
    const std::map<rdf::TermId, std::string>& graphNames, const rdf::PrefixMap& prefixes, std::size_t limit)
{
    const auto term = [&](rdf::TermId id) {
        const rdf::TermView t = dictionary.term(id);
        if (t.isIri())
            if (auto curie = prefixes.abbreviate(t.value))
                return *curie;
        return rdf::termToNTriples(t);
    };
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < quads.size() && i < limit; ++i) {
        const rdf::Quad& q = quads[i];
        const auto name = graphNames.find(q.g);
        lines.push_back((name != graphNames.end() ? "[" + name->second + "] " : std::string()) + term(q.s) + " "
            + term(q.p) + " " + term(q.o) + " .");
    }
    return lines;
}

std::string findingMessage(const PlanStep& step, const StepOutcome& outcome)
{
    const std::string counts = "adds " + std::to_string(outcome.added) + ", removes " + std::to_string(outcome.removed)
        + " triple" + (outcome.removed == 1 ? "" : "s");
    if (step.code != FindingCode::Destructive && outcome.removed > 0)
        return "rewrites instance data, so it needs approval like a destructive step (" + counts + ")";
    switch (step.code) {
    case FindingCode::Destructive:
        return "destructive: deletes or rewrites instance data (" + counts + ")";
    case FindingCode::BreakingForConsumers:
        return "breaking for consumers: queries using the old terms stop matching (" + counts + ")";
    case FindingCode::MayFail:
        return "may fail depending on the data: review its checks (" + counts + ")";
    }
    return counts;
}
} // namespace

LoadedGraphs loadGraphs(workspace::Workspace& workspace, const workspace::Progress& progress)
{
    LoadedGraphs loaded;
    const workspace::WorkspaceState state = workspace.state();
    loaded.state = state.hash();
    std::uint64_t done = 0;
    for (const auto& [name, version] : state.graphs) {
        rdf::Dataset graph
            = workspace.readContent(version.content, {progress.cancel, {}}, loaded.data.sharedDictionary());
        const rdf::TermId id = loaded.data.dictionary().iri(std::string(kGraphIriPrefix) + name);
        loaded.graphIds.emplace(name, id);
        loaded.versions.emplace(name, version);
        loaded.data.reserve(loaded.data.size() + graph.size());
        for (rdf::Quad q : graph.quads()) {
            q.g = id;
            loaded.data.add(q);
        }
        progress(++done, state.graphs.size());
    }
    loaded.data.finalize();
    return loaded;
}

rdf::Dataset graphTriples(const LoadedGraphs& graphs, std::span<const rdf::Quad> quads, const std::string& name)
{
    rdf::Dataset out(graphs.data.sharedDictionary());
    const auto id = graphs.graphIds.find(name);
    if (id == graphs.graphIds.end())
        return out;
    for (rdf::Quad q : quads)
        if (q.g == id->second) {
            q.g = rdf::kNoTerm;
            out.add(q);
        }
    out.finalize();
    if (const auto version = graphs.versions.find(name); version != graphs.versions.end())
        for (const auto& [prefix, iri] : version->second.prefixes)
            out.prefixes().set(prefix, iri);
    return out;
}

PlanRun runPlan(const Plan& plan, LoadedGraphs& graphs, const RunOptions& options, const workspace::Progress& progress)
{
    PlanRun run;
    run.graphs = plan.graphs;
    if (run.graphs.empty())
        for (const auto& [name, id] : graphs.graphIds)
            run.graphs.push_back(name);
    for (const std::string& name : run.graphs)
        if (!graphs.graphIds.count(name))
            throw Error("the plan targets the graph '" + name + "', which the workspace does not have");
    std::map<rdf::TermId, std::string> graphNames;
    for (const auto& [name, id] : graphs.graphIds)
        graphNames.emplace(id, name);
    rdf::PrefixMap prefixes;
    for (const auto& [name, version] : graphs.versions)
        for (const auto& [prefix, iri] : version.prefixes)
            prefixes.set(prefix, iri);

    const auto runChecks = [&](const PlanStep& step, const std::vector<Check>& checks, const char* when) {
        for (std::size_t i = 0; i < checks.size(); ++i) {
            const sparql::SparqlRequest ask
                = sparql::parseAsk(checks[i].ask, "step " + step.id + " " + when + " check");
            for (const std::string& graph : run.graphs) {
                const bool answer = sparql::executeAsk(ask, graphs.data, {graphs.graphIds.at(graph), progress.cancel});
                run.checks.push_back({step.id, when, checks[i].description, graph, checks[i].expect, answer});
            }
        }
    };

    std::uint64_t done = 0;
    for (const PlanStep& step : plan.steps) {
        progress.checkpoint();
        const auto started = std::chrono::steady_clock::now();
        runChecks(step, step.before, "before");
        const sparql::SparqlRequest update = sparql::parseUpdate(step.update, "step " + step.id);
        std::vector<rdf::Quad> added, removed;
        for (const std::string& graph : run.graphs) {
            sparql::UpdateEffect effect
                = sparql::executeUpdate(update, graphs.data, {graphs.graphIds.at(graph), progress.cancel});
            added.insert(added.end(), effect.added.begin(), effect.added.end());
            removed.insert(removed.end(), effect.removed.begin(), effect.removed.end());
        }
        runChecks(step, step.after, "after");
        StepOutcome outcome;
        outcome.id = step.id;
        outcome.kind = step.kind;
        outcome.code = step.code;
        outcome.description = step.description;
        outcome.added = added.size();
        outcome.removed = removed.size();
        outcome.addedPreview = preview(graphs.data.dictionary(), added, graphNames, prefixes, options.previewLimit);
        outcome.removedPreview = preview(graphs.data.dictionary(), removed, graphNames, prefixes, options.previewLimit);
        outcome.milliseconds
            = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        if (options.keepEffects)
            outcome.addedQuads = std::move(added), outcome.removedQuads = std::move(removed);
        run.added += outcome.added;
        run.removed += outcome.removed;
        run.findings.push_back({step.id, step.code, findingMessage(step, outcome)});
        run.steps.push_back(std::move(outcome));
        progress(++done, plan.steps.size());
    }
    for (const rdf::Quad& q : graphs.data.quads())
        if (!graphNames.count(q.g))
            throw Error("the plan writes into "
                + (q.g == rdf::kNoTerm ? std::string("the dataset's default graph")
                                       : rdf::termToNTriples(graphs.data.dictionary().term(q.g)))
                + ", which is not a workspace graph (workspace graphs are <" + std::string(kGraphIriPrefix) + "NAME>)");
    for (const CheckResult& c : run.checks)
        if (!c.passed())
            run.findings.push_back({c.step, FindingCode::MayFail,
                "check " + c.when + " fails on graph " + c.graph + ": " + c.description + " (expected "
                    + (c.expected ? "true" : "false") + ")"});
    return run;
}

} // namespace detail

PlanRun runOnDataset(
    const Plan& plan, rdf::Dataset& data, const RunOptions& options, const workspace::Progress& progress)
{
    detail::LoadedGraphs graphs {rdf::Dataset(data.sharedDictionary()), {}, {}, {}};
    const std::vector<std::string> targets = plan.graphs.empty() ? std::vector<std::string> {"data"} : plan.graphs;
    for (const std::string& name : targets)
        graphs.graphIds.emplace(name, data.dictionary().iri(std::string(kGraphIriPrefix) + name));
    const rdf::TermId target = graphs.graphIds.at(targets.front());
    graphs.data.reserve(data.size());
    for (rdf::Quad q : data.quads()) {
        q.g = target;
        graphs.data.add(q);
    }
    graphs.data.finalize();
    PlanRun run = detail::runPlan(plan, graphs, options, progress);
    auto inDefaultGraph = [](std::vector<rdf::Quad>& quads) {
        for (rdf::Quad& q : quads)
            q.g = rdf::kNoTerm;
    };
    for (StepOutcome& step : run.steps)
        inDefaultGraph(step.addedQuads), inDefaultGraph(step.removedQuads);
    std::vector<rdf::Quad> result;
    for (rdf::Quad q : graphs.data.quads())
        if (q.g == target) {
            q.g = rdf::kNoTerm;
            result.push_back(q);
        }
    std::sort(result.begin(), result.end());
    data.assignSorted(std::move(result));
    return run;
}

} // namespace evograph::migrate
