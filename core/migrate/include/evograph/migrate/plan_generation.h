#pragma once
// A proposed migration plan from the change analysis of two ontology versions (renames -> rewrite
// steps, deprecated terms with a replacement -> move values or retype, newly required properties -> default values or a
// flag, removed classes -> retype to the nearest surviving superclass or delete, removed properties -> delete their
// values). Users edit the result; it is a proposal, reviewed like any other plan.

#include "evograph/analysis/analyze_paths.h"
#include "evograph/migrate/plan.h"

#include <string>
#include <vector>

namespace evograph::migrate {

struct GenerationOptions {
    std::string from, to; // recorded in the plan
    std::vector<std::string> graphs; // the workspace graphs it targets (empty: all)
};

Plan generatePlan(const analysis::AnalyzedVersions& versions, const GenerationOptions& options = {});

} // namespace evograph::migrate
