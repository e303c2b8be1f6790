#pragma once
// Evolution test suites (the seed document's tests/graph-evolution.test.yaml). Each test names a
// from_graph and a to_graph (files or directories), optionally a migration (a SPARQL Update file
// or a plan YAML) and the data it runs on, and assertions that each pass or fail with a detail:
//   no_data_loss           no statement about an individual is lost (see docs/analysis.md)
//   referential_integrity  nothing points at what disappeared; what the data uses is declared
//   schema_valid           to_graph is well-formed and the data conforms to it
//   backward_compatible    no breaking change from from_graph to to_graph
//   no_removed_classes     no class_removed
//   no_removed_properties  no property_removed
// An assertion set to false is not checked.
//
// The data: the test's `data:` files when given, else from_graph's own content (small projects
// keep terms and instances in one file). A migration runs on it in memory through the executor
// and checks `evograph migrate apply` uses; the assertions then judge the result against to_graph.
// Without a migration or data, to_graph itself is the result (its individuals against from_graph's).
#include "evograph/engine/cancellation.h"
#include "evograph/error.h"

#include <optional>
#include <string>
#include <vector>

namespace evograph::evolution {

struct SuiteTest {
    std::string name;
    std::string fromGraph, toGraph, migration; // resolved paths (migration may be empty)
    std::vector<std::string> data; // resolved paths; empty: from_graph's content is the data
    std::vector<std::string> assertions; // the ones set to true, in file order
    SourcePosition where;
};

struct EvolutionSuite {
    std::string path;
    std::vector<SuiteTest> tests;
};

// Paths resolve against the suite file's folder when the file is there, else against the
// current directory. Throws Error naming FILE:LINE:COL for bad YAML, a missing field, an unknown
// assertion, or a path found in neither place (naming both paths tried).
EvolutionSuite loadEvolutionSuite(const std::string& path);

struct AssertionOutcome {
    std::string name;
    bool passed = false;
    std::string detail; // why it passed or failed, with counts and the first examples
};

// What the test's migration did to the data.
struct MigrationOutcome {
    std::string file;
    std::size_t steps = 0, added = 0, removed = 0;
    std::vector<std::string> failedChecks; // a check that fails fails the test
};

struct TestOutcome {
    std::string name;
    std::vector<AssertionOutcome> assertions;
    std::optional<MigrationOutcome> migration;
    std::string error; // the test could not run (an input or the migration failed); its assertions are empty
    double seconds = 0;
    bool passed() const;
};

TestOutcome runEvolutionTest(const SuiteTest& test, const engine::CancellationToken& cancel = {});

// Text: "PASS name" / "FAIL name", each assertion with ok or FAIL and its detail, and a summary line.
std::string textReport(const std::vector<TestOutcome>& outcomes);
// {"tests": [{"name", "passed", "assertions": [{"name", "passed", "detail"}], "migration"?, "error"?}],
//  "passed": N, "failed": N}
std::string jsonReport(const std::vector<TestOutcome>& outcomes);
// JUnit XML: one testsuite, one testcase per assertion ("test name: assertion").
std::string junitReport(const EvolutionSuite& suite, const std::vector<TestOutcome>& outcomes);

} // namespace evograph::evolution
