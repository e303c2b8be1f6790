#include "evograph/diff/graph_diff.h"

#include "blank_node_matcher.h"
#include "evograph/engine/metrics.h"
#include "evograph/engine/sorted_merge.h"
#include "evograph/error.h"
#include "evograph/rdf/quad_terms.h"

#include <algorithm>

namespace evograph::diff {

using rdf::forEachBlank;
using rdf::Quad;
using rdf::TermId;

namespace {
// Splits sorted quads into those without and with blank nodes; both stay sorted.
void split(const rdf::Dataset& data, std::vector<Quad>& ground, std::vector<Quad>& blank)
{
    const rdf::Dictionary& d = data.dictionary();
    ground.reserve(data.size());
    for (const Quad& q : data.quads())
        (rdf::hasBlank(d, q) ? blank : ground).push_back(q);
}

// A cheap rename test for blank node owners: OLD's subject is gone from NEW, NEW's is not in OLD,
// and they share more than half of their statements with ground objects (type, parents, label, ...).
bool renamed(const rdf::Dataset& oldData, const rdf::Dataset& newData, TermId original, TermId replacement)
{
    if (!newData.withSubject(original).empty() || !oldData.withSubject(replacement).empty())
        return false;
    const rdf::Dictionary& d = oldData.dictionary();
    std::vector<std::pair<TermId, TermId>> a, b;
    for (const Quad& q : oldData.withSubject(original))
        if (!d.isBlank(q.o))
            a.emplace_back(q.p, q.o);
    for (const Quad& q : newData.withSubject(replacement))
        if (!d.isBlank(q.o))
            b.emplace_back(q.p, q.o);
    return 2 * engine::sharedCount(a, b) > std::max(a.size(), b.size());
}
} // namespace

GraphDiff diffDatasets(const rdf::Dataset& oldData, const rdf::Dataset& newData, const DiffOptions& options)
{
    if (&oldData.dictionary() != &newData.dictionary())
        throw Error("internal: the two versions must be read into one dictionary to be compared");
    if (!oldData.isFinalized() || !newData.isFinalized())
        throw Error("internal: datasets must be finalized before they are compared");
    auto& metrics = engine::MetricsRegistry::global();
    engine::ScopedTimer timer(metrics.histogram("diff.latency"));
    const rdf::Dictionary& dictionary = oldData.dictionary();
    auto step = [&, done = std::uint64_t {0}]() mutable {
        options.cancel.checkpoint();
        if (options.progress)
            options.progress(++done, 4);
    };

    GraphDiff diff;
    diff.statistics.oldQuads = oldData.size();
    diff.statistics.newQuads = newData.size();
    std::vector<Quad> oldGround, oldBlank, newGround, newBlank;
    split(oldData, oldGround, oldBlank);
    split(newData, newGround, newBlank);
    engine::mergeDifference(
        oldGround.size(), [&](std::size_t i) { return oldGround[i]; }, newGround.size(),
        [&](std::size_t j) { return newGround[j]; }, [&](std::size_t i) { diff.removed.push_back(oldGround[i]); },
        [&](std::size_t j) { diff.added.push_back(newGround[j]); });
    step();

    const detail::OwnerReplaced ownerReplaced
        = [&](TermId original, TermId replacement) { return renamed(oldData, newData, original, replacement); };
    diff.blankMatches
        = detail::matchBlankNodes(dictionary, oldBlank, newBlank, ownerReplaced, options.cancel, diff.statistics);
    const auto& oldToNew = diff.blankMatches;
    step();

    // OLD's blank quads in NEW's terms, each with its original, sorted by the translated form.
    std::vector<std::pair<Quad, Quad>> translated;
    translated.reserve(oldBlank.size());
    for (const Quad& q : oldBlank)
        translated.emplace_back(rdf::mapped(q, oldToNew), q);
    std::sort(translated.begin(), translated.end());
    engine::mergeDifference(
        translated.size(), [&](std::size_t i) { return translated[i].first; }, newBlank.size(),
        [&](std::size_t j) { return newBlank[j]; },
        [&](std::size_t i) { diff.removed.push_back(translated[i].second); },
        [&](std::size_t j) { diff.added.push_back(newBlank[j]); });
    std::sort(diff.removed.begin(), diff.removed.end());
    std::sort(diff.added.begin(), diff.added.end());
    step();

    // Labels: OLD's for every node OLD has (matched ones too), NEW's for the nodes only NEW has.
    std::unordered_map<TermId, TermId> newToOld;
    for (const auto& [o, n] : oldToNew)
        newToOld.emplace(n, o);
    bool newOnlyNodes = false;
    for (const Quad& q : diff.added)
        forEachBlank(dictionary, q, [&](TermId t) { newOnlyNodes |= !newToOld.contains(t); });
    const BlankLabelMap oldLabels = oldBlank.empty() ? BlankLabelMap {} : contentLabels(oldData, options.cancel);
    const BlankLabelMap newLabels = newOnlyNodes ? contentLabels(newData, options.cancel) : BlankLabelMap {};
    for (const Quad& q : diff.removed)
        forEachBlank(dictionary, q, [&](TermId t) { diff.labels.emplace(t, oldLabels.at(t)); });
    for (const Quad& q : diff.added)
        forEachBlank(dictionary, q, [&](TermId t) {
            const auto it = newToOld.find(t);
            diff.labels.emplace(t, it != newToOld.end() ? oldLabels.at(it->second) : "n" + newLabels.at(t).substr(1));
        });
    step();
    metrics.counter("diff.runs").add(1);
    metrics.counter("diff.changed_quads").add(diff.added.size() + diff.removed.size());
    return diff;
}

} // namespace evograph::diff
