#pragma once
// Rename detection: pairs a class or property that disappeared with one that appeared when the
// evidence says they are the same thing under a new IRI.
//
// Explicit hints decide alone (confidence 1): the old term names the new one through
// dcterms:isReplacedBy, obo:IAO_0100001 ("term replaced by") or schema:supersededBy, or one is
// owl:equivalentClass / owl:equivalentProperty to the other. Otherwise signals each score a pair
// in [0, 1] with a weight; the confidence is their weighted mean, and a pair is taken when it
// reaches the threshold and at least one signal is an anchor (identifies the entity on its own:
// the same label, the same comment, the same usage). Pairs are taken best first, each IRI once.
//
// The signals are pluggable: an embedding-similarity signal can join the default ones.
#include "evograph/analysis/ontology_index.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace evograph::analysis {

// What the signals see of one candidate entity in its own version.
struct EntityProfile {
    rdf::TermId iri = rdf::kNoTerm;
    EntityCategory category = EntityCategory::None;
    std::string label, comment; // normalised (lower case, words separated by one space)
    std::string rawLabel;
    std::vector<std::uint64_t> structure; // sorted hashes of its own statements, labels and comments aside
    std::vector<std::uint64_t> usage; // sorted hashes of the statements pointing at it or using it as predicate
};

struct SignalScore {
    double score = 0; // in [0, 1]
    double weight = 0;
    bool anchor = false; // strong enough to identify the entity on its own
    std::string evidence;
};

class RenameSignal {
public:
    virtual ~RenameSignal() = default;
    // nullopt when the signal has nothing to say about this pair (neither has a label, say).
    virtual std::optional<SignalScore> score(const EntityProfile& removed, const EntityProfile& added) const = 0;
};

struct RenameMatch {
    rdf::TermId oldIri = rdf::kNoTerm, newIri = rdf::kNoTerm;
    EntityCategory category = EntityCategory::None;
    double confidence = 0;
    std::vector<std::string> evidence;
    // The new IRI was already used by OLD (a merge into an existing term, from an explicit hint):
    // the old term's statements cannot simply be rewritten to it.
    bool merge = false;
};

struct RenameOptions {
    double threshold = 0.65;
    std::vector<std::shared_ptr<const RenameSignal>> signals; // empty: defaultRenameSignals()
    // Signals that must see both versions first (an embedding trained on them: embed/rename_signal.h),
    // made only when there are candidates, and added to the others.
    std::function<std::vector<std::shared_ptr<const RenameSignal>>(const OntologyIndex&, const OntologyIndex&)>
        versionSignals;
};

// Label, comment, structure and usage similarity.
std::vector<std::shared_ptr<const RenameSignal>> defaultRenameSignals();

// Lower case, every run of non-alphanumerics one space; "hasEmail" stays one word.
std::string normalizeText(std::string_view text);
// 1 for equal texts, else the better of word and character-trigram Dice similarity.
double textSimilarity(std::string_view a, std::string_view b);

// Sorted by new IRI. Both indexes must be over one shared Dictionary.
std::vector<RenameMatch> detectRenames(
    const OntologyIndex& oldIndex, const OntologyIndex& newIndex, const RenameOptions& options = {});

} // namespace evograph::analysis
