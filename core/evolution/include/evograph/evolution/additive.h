#pragma once
// Evolving a version by strategy (the seed document's `graph evolve --strategy additive`): OLD
// plus only the changes the strategy takes, and the list of those it leaves out with their
// severity and reason.
//   additive  the changes rated safe: nothing that exists changes meaning, so `analyze OLD OUT`
//             finds nothing breaking, and `analyze OUT NEW` shows exactly the changes left out
//   all       every change: OUT is NEW (up to blank node labels)
// A change is applied as the statements it removes from OLD and adds from NEW; a blank node NEW
// shares with OLD keeps OLD's node, and the new IRI of a rename left out is written as the old
// one, so that what is applied reads in OLD's vocabulary.
#include "evograph/analysis/analyze_paths.h"
#include "evograph/analysis/report.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evograph::evolution {

enum class Strategy { Additive, All };
std::optional<Strategy> parseStrategy(std::string_view name); // "additive", "all"
std::string_view toString(Strategy strategy);

struct Evolution {
    Strategy strategy = Strategy::Additive;
    rdf::Dataset result; // over the versions' dictionary, with their prefixes
    std::vector<std::size_t> applied, leftOut; // indexes into the analysis's changes
};

Evolution evolve(const analysis::AnalyzedVersions& versions, Strategy strategy);

// "applied 1 of 2 changes (additive)", then each change left out as analyze prints it.
std::string evolutionText(
    const Evolution& evolution, const analysis::AnalyzedVersions& versions, const analysis::ReportContext& context);
// {"old", "new", "strategy", "triples", "applied", "left_out": [change records as analyze's JSON, without triples]}
std::string evolutionJson(
    const Evolution& evolution, const analysis::AnalyzedVersions& versions, const analysis::ReportContext& context);

} // namespace evograph::evolution
