#pragma once
// The assertions of an evolution test (internal to evolution/): each judges the versions' analysis
// or the data before and after the test's migration against to_graph (docs/analysis.md).
#include "evograph/analysis/analyze.h"
#include "evograph/evolution/suite.h"

#include <span>

namespace evograph::evolution::detail {

struct TestSubjects {
    const analysis::OntologyIndex& from; // the versions
    const analysis::OntologyIndex& to;
    const analysis::Analysis& analysis; // from -> to
    const analysis::OntologyIndex& input; // the data before the migration (from_graph's content, or `data:`)
    const analysis::OntologyIndex& result; // the data after it
    bool versionsOnly = false; // no migration and no data: input is from_graph, result is to_graph
    std::span<const rdf::Quad>
        declaredRewrites; // removed by steps that declare a rewrite (rename, move, retype); sorted
};

AssertionOutcome checkAssertion(const std::string& assertion, const TestSubjects& subjects);

} // namespace evograph::evolution::detail
