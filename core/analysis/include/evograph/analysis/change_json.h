#pragma once
// One change as the JSON record of `evograph analyze --format json` (the contract in
// docs/analysis.md), shared with the reports that list changes (used by the reports of other layers too).
#include "evograph/analysis/analyze.h"

#include <nlohmann/json.hpp>

namespace evograph::analysis {

nlohmann::json changeJson(
    const Change& change, const Analysis& analysis, const rdf::Dictionary& dictionary, bool withTriples = true);

} // namespace evograph::analysis
