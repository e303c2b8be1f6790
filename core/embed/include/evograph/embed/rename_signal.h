#pragma once
// The embedding signal of rename detection: the cosine of a vanished term's vector in the old
// version and an appeared term's vector in the new one, the two versions embedded together (one
// space). It anchors a pair (identifies it on its own) when each is the other's nearest among the
// candidates of their kind and the cosine reaches 0.35: a term renamed and relabelled whose place
// in the graph stayed is found by its structure even when no word of it survived. Evidence reads
// "embedding 0.93, builtin".

#include "evograph/analysis/rename_detection.h"
#include "evograph/config/config.h"

namespace evograph::embed {

// For RenameOptions::versionSignals: trains the built-in embedder on both versions (or asks
// `provider` for the terms' texts) and returns the signal. With `maxTerms` (0: no limit), versions
// with more terms than that together get no embedding signal (training time grows with them).
std::function<std::vector<std::shared_ptr<const analysis::RenameSignal>>(
    const analysis::OntologyIndex&, const analysis::OntologyIndex&)>
embeddingRenameSignals(const config::Config& config, const std::string& provider, std::size_t maxTerms = 0);

} // namespace evograph::embed
