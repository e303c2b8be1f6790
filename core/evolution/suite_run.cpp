// Running one evolution test: read the versions and the data, run the migration in memory,
// analyse the versions, check each assertion.
#include "evograph/analysis/analyze.h"
#include "evograph/evolution/suite.h"
#include "evograph/migrate/migration.h"
#include "evograph/rdf/path_reader.h"
#include "suite_assertions.h"

#include <algorithm>
#include <chrono>

namespace evograph::evolution {

namespace {
bool declaresRewrite(migrate::StepKind kind)
{
    return kind == migrate::StepKind::RenameIri || kind == migrate::StepKind::MoveValues
        || kind == migrate::StepKind::RetypeInstances;
}

// Runs the migration on `data` in memory; returns what it did and the quads its rewriting steps removed.
MigrationOutcome migrateData(const SuiteTest& test, rdf::Dataset& data, std::vector<rdf::Quad>& declaredRewrites,
    const engine::CancellationToken& cancel)
{
    const migrate::Plan plan = migrate::loadPlan(test.migration);
    migrate::RunOptions options;
    options.keepEffects = true;
    const migrate::PlanRun run = migrate::runOnDataset(plan, data, options, {cancel, {}});
    MigrationOutcome outcome {test.migration, run.steps.size(), run.added, run.removed, {}};
    for (const migrate::StepOutcome& step : run.steps)
        if (declaresRewrite(step.kind))
            declaredRewrites.insert(declaredRewrites.end(), step.removedQuads.begin(), step.removedQuads.end());
    std::sort(declaredRewrites.begin(), declaredRewrites.end());
    for (const migrate::CheckResult& check : run.checks)
        if (!check.passed())
            outcome.failedChecks.push_back("step " + check.step + ", " + check.when + ": " + check.description
                + " (expected " + (check.expected ? "true" : "false") + ")");
    return outcome;
}
} // namespace

bool TestOutcome::passed() const
{
    return error.empty() && (!migration || migration->failedChecks.empty())
        && std::all_of(assertions.begin(), assertions.end(), [](const AssertionOutcome& a) { return a.passed; });
}

TestOutcome runEvolutionTest(const SuiteTest& test, const engine::CancellationToken& cancel)
{
    const auto start = std::chrono::steady_clock::now();
    TestOutcome outcome {test.name, {}, {}, {}, 0};
    const auto dictionary = std::make_shared<rdf::Dictionary>();
    rdf::Dataset oldData(dictionary), newData(dictionary), input(dictionary), result(dictionary);
    std::vector<rdf::Quad> declaredRewrites;
    const bool versionsOnly = test.migration.empty() && test.data.empty();
    try {
        rdf::ReadOptions options;
        options.cancel = cancel;
        rdf::readPath(test.fromGraph, oldData, options);
        rdf::readPath(test.toGraph, newData, options);
        for (const std::string& path : test.data)
            rdf::readPath(path, input, options);
        if (test.data.empty())
            input.assignSorted({oldData.quads().begin(), oldData.quads().end()});
        input.finalize();
        result.assignSorted({input.quads().begin(), input.quads().end()});
        if (!test.migration.empty())
            outcome.migration = migrateData(test, result, declaredRewrites, cancel);
    } catch (const Error& e) {
        outcome.error = e.what();
    }
    if (outcome.error.empty()) {
        analysis::AnalysisOptions options;
        options.cancel = cancel;
        const analysis::KnownTerms terms(*dictionary);
        const analysis::OntologyIndex from(oldData, terms), to(newData, terms), before(input, terms),
            after(result, terms);
        const analysis::Analysis analysis = analysis::analyzeIndexed(from, to, options);
        const detail::TestSubjects subjects {from, to, analysis, before, after, versionsOnly, declaredRewrites};
        for (const std::string& assertion : test.assertions)
            outcome.assertions.push_back(detail::checkAssertion(assertion, subjects));
    }
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return outcome;
}

} // namespace evograph::evolution
