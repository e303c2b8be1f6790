#pragma once
// Change analysis: what changed between two versions of an ontology, entity by entity, how severe
// each change is and why, and (given instance data) how much of the data each change touches.
//
// Steps: index both versions; detect renames; rewrite OLD with the renames, so that a rename is one
// change and not a removal plus an addition plus noise wherever the term was used; diff the
// rewritten OLD against NEW (blank-node aware, so restrictions and lists do not show as changed
// when only their labels did); fold that diff into entity changes; rate them; apply overrides;
// measure the impact on the data.
#include "evograph/analysis/change.h"
#include "evograph/analysis/ontology_index.h"
#include "evograph/analysis/rename_detection.h"
#include "evograph/analysis/severity.h"
#include "evograph/engine/cancellation.h"
#include "evograph/rdf/ntriples_writer.h"

#include <array>
#include <unordered_map>

namespace evograph::analysis {

struct AnalysisOptions {
    RenameOptions renames;
    SeverityOverrides overrides;
    const rdf::Dataset* data = nullptr; // instance data to measure the impact on (same Dictionary)
    engine::CancellationToken cancel;
    engine::ProgressCallback progress; // steps done of kAnalysisSteps
};
inline constexpr std::uint64_t kAnalysisSteps = 6;

struct AnalysisSummary {
    std::array<std::size_t, kChangeKindCount> byKind {};
    std::array<std::size_t, kSeverities.size()> bySeverity {};
};

struct Analysis {
    std::vector<Change> changes; // by kind (in the vocabulary's order), then entity IRI
    std::vector<RenameMatch> renames;
    rdf::BlankNames blankNames; // a name for every blank node in the changes' quads
    std::unordered_map<rdf::TermId, rdf::TermId> blankMatches; // OLD's blank node -> the NEW one it became
    std::unordered_map<rdf::TermId, std::string> labels; // labels of the entities the changes name
    std::size_t oldTriples = 0, newTriples = 0;
    double seconds = 0;

    AnalysisSummary summary() const;
    // The most severe change; nullopt when nothing changed.
    std::optional<Severity> worst() const;
};

// OLD, NEW and the data must share one Dictionary and be finalized. Throws Cancelled when cancelled.
Analysis analyzeDatasets(const rdf::Dataset& oldData, const rdf::Dataset& newData, const AnalysisOptions& options = {});
// The same, for a caller that also needs the versions' indexes (built over the same KnownTerms).
Analysis analyzeIndexed(
    const OntologyIndex& oldIndex, const OntologyIndex& newIndex, const AnalysisOptions& options = {});

} // namespace evograph::analysis
