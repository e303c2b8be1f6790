#pragma once
// Evolution test suites (tests/graph-evolution.test.yaml): each test names a from_graph and a
// to_graph (files or directories, relative to the suite file), an optional migration, and
// assertions that each pass or fail with a reason:
//   no_data_loss           every statement about an individual survives, renamed or with a new value
//   referential_integrity  nothing TO still references was a term FROM defined and TO dropped
//   schema_valid           TO has no subClassOf cycles, well-formed lists and restrictions
//   backward_compatible    no breaking change
//   no_removed_classes     no class_removed
//   no_removed_properties  no property_removed
// An assertion set to false is not checked.
#include "evograph/engine/cancellation.h"
#include "evograph/error.h"

#include <string>
#include <vector>

namespace evograph::analysis {

struct SuiteTest {
    std::string name;
    std::string fromGraph, toGraph, migration; // resolved against the suite file's folder
    std::vector<std::string> assertions; // the ones set to true, in file order
    SourcePosition where;
};

struct EvolutionSuite {
    std::string path;
    std::vector<SuiteTest> tests;
};

// Throws Error naming FILE:LINE:COL for bad YAML, a missing field or an unknown assertion.
EvolutionSuite loadEvolutionSuite(const std::string& path);

struct AssertionOutcome {
    std::string name;
    bool passed = false;
    std::string reason;
};

struct TestOutcome {
    std::string name;
    std::vector<AssertionOutcome> assertions;
    std::string error; // the test could not run (an input failed to read); its assertions are empty
    double seconds = 0;
    bool passed() const;
};

TestOutcome runEvolutionTest(const SuiteTest& test, const engine::CancellationToken& cancel = {});

// JUnit XML: one testsuite, one testcase per assertion ("test name: assertion").
std::string junitReport(const EvolutionSuite& suite, const std::vector<TestOutcome>& outcomes);

} // namespace evograph::analysis
