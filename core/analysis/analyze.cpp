#include "evograph/analysis/analyze.h"

#include "data_impact.h"
#include "entity_changes.h"
#include "evograph/diff/graph_diff.h"
#include "evograph/error.h"
#include "evograph/rdf/quad_terms.h"

#include <algorithm>
#include <chrono>
#include <optional>

namespace evograph::analysis {

namespace {
using rdf::Quad;
using rdf::TermId;

Quad rewritten(Quad q, const std::unordered_map<TermId, TermId>& map)
{
    for (TermId* t : {&q.s, &q.p, &q.o, &q.g})
        if (const auto it = map.find(*t); it != map.end())
            *t = it->second;
    return q;
}

void sortAndUnique(std::vector<Quad>& quads)
{
    std::sort(quads.begin(), quads.end());
    quads.erase(std::unique(quads.begin(), quads.end()), quads.end());
}

// Rewritten quad -> OLD's own, for every quad of OLD that mentions a renamed IRI.
using RewrittenQuads = std::unordered_map<Quad, Quad, rdf::QuadHash>;

// A rename's own statements: OLD's that mention the old IRI (the first renamed term in the quad
// decides whose), and their rewritten forms NEW has.
void addRenameStatements(std::vector<Change>& changes, const RewrittenQuads& original, const rdf::Dataset& newData,
    const std::unordered_map<TermId, TermId>& rewrite)
{
    std::unordered_map<TermId, Change*> byOldIri;
    for (Change& c : changes)
        if (c.oldIri && rewrite.contains(c.oldIri))
            byOldIri.emplace(c.oldIri, &c);
    const auto newQuads = newData.quads();
    for (const auto& [image, q] : original) {
        for (const TermId t : {q.s, q.p, q.o, q.g}) {
            const auto change = byOldIri.find(t);
            if (change == byOldIri.end())
                continue;
            change->second->removed.push_back(q);
            if (std::binary_search(newQuads.begin(), newQuads.end(), image))
                change->second->added.push_back(image);
            break;
        }
    }
}

// Names for the blank nodes the diff did not name (those in a rename's own statements): their
// dictionary label, shared by an OLD node and the NEW node it became.
void nameRemainingBlanks(Analysis& analysis, const rdf::Dictionary& dictionary, const diff::GraphDiff& diff)
{
    std::unordered_map<TermId, TermId> newToOld;
    for (const auto& [o, n] : diff.blankMatches)
        newToOld.emplace(n, o);
    auto name = [&](TermId t) {
        if (t == rdf::kNoTerm || !dictionary.isBlank(t) || analysis.blankNames.contains(t))
            return;
        const auto old = newToOld.find(t);
        const TermId source = old != newToOld.end() ? old->second : t;
        const auto known = analysis.blankNames.find(source);
        analysis.blankNames.emplace(
            t, known != analysis.blankNames.end() ? known->second : "k" + std::string(dictionary.term(source).value));
    };
    for (const Change& c : analysis.changes)
        for (const auto* quads : {&c.removed, &c.added})
            for (const Quad& q : *quads)
                name(q.s), name(q.o), name(q.g);
}

void collectLabels(Analysis& analysis, const OntologyIndex& oldIndex, const OntologyIndex& newIndex)
{
    auto add = [&](TermId t) {
        if (t == rdf::kNoTerm || analysis.labels.contains(t))
            return;
        auto label = newIndex.label(t);
        if (!label)
            label = oldIndex.label(t);
        if (label)
            analysis.labels.emplace(t, std::string(*label));
    };
    for (const Change& c : analysis.changes)
        for (const TermId t : {c.iri, c.oldIri, c.newIri, c.property})
            add(t);
}

void sortChanges(std::vector<Change>& changes, const rdf::Dictionary& dictionary)
{
    auto iri = [&](TermId t) { return t ? dictionary.term(t).value : std::string_view(); };
    std::stable_sort(changes.begin(), changes.end(), [&](const Change& a, const Change& b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        if (const auto order = iri(a.subject()) <=> iri(b.subject()); order != 0)
            return order < 0;
        return iri(a.property) < iri(b.property);
    });
}
} // namespace

AnalysisSummary Analysis::summary() const
{
    AnalysisSummary s;
    for (const Change& c : changes) {
        ++s.byKind[static_cast<std::size_t>(c.kind)];
        ++s.bySeverity[static_cast<std::size_t>(c.severity)];
    }
    return s;
}

std::optional<Severity> Analysis::worst() const
{
    std::optional<Severity> worst;
    for (const Change& c : changes)
        if (!worst || c.severity > *worst)
            worst = c.severity;
    return worst;
}

Analysis analyzeDatasets(const rdf::Dataset& oldData, const rdf::Dataset& newData, const AnalysisOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    const KnownTerms terms(newData.dictionary());
    const OntologyIndex oldIndex(oldData, terms), newIndex(newData, terms);
    Analysis analysis = analyzeIndexed(oldIndex, newIndex, options);
    analysis.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return analysis;
}

Analysis analyzeIndexed(const OntologyIndex& oldIndex, const OntologyIndex& newIndex, const AnalysisOptions& options)
{
    const rdf::Dataset& oldData = oldIndex.data();
    const rdf::Dataset& newData = newIndex.data();
    if (oldData.sharedDictionary() != newData.sharedDictionary()
        || (options.data && options.data->sharedDictionary() != newData.sharedDictionary()))
        throw Error("analysis: the versions and the data must be read into one dictionary");
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t step = 0;
    auto advance = [&] {
        options.cancel.checkpoint();
        if (options.progress)
            options.progress(++step, kAnalysisSteps);
    };
    const KnownTerms& terms = newIndex.terms();
    advance(); // the indexes are the first step
    Analysis analysis;
    analysis.oldTriples = oldData.size();
    analysis.newTriples = newData.size();
    analysis.renames = detectRenames(oldIndex, newIndex, options.renames);
    advance();

    // OLD with the renamed IRIs rewritten, so the diff shows only what else changed.
    std::unordered_map<TermId, TermId> rewrite;
    for (const RenameMatch& r : analysis.renames)
        if (!r.merge)
            rewrite.emplace(r.oldIri, r.newIri);
    RewrittenQuads original;
    std::optional<rdf::Dataset> rewrittenOld;
    std::optional<OntologyIndex> rewrittenIndex;
    if (!rewrite.empty()) {
        rewrittenOld.emplace(oldData.sharedDictionary());
        rewrittenOld->reserve(oldData.size());
        for (const Quad& q : oldData.quads()) {
            const Quad r = rewritten(q, rewrite);
            if (r != q)
                original.emplace(r, q);
            rewrittenOld->add(r);
        }
        rewrittenOld->finalize();
        rewrittenIndex.emplace(*rewrittenOld, terms);
    }
    const rdf::Dataset& baseline = rewrittenOld ? *rewrittenOld : oldData;
    const OntologyIndex& baselineIndex = rewrittenIndex ? *rewrittenIndex : oldIndex;
    advance();

    diff::DiffOptions diffOptions;
    diffOptions.cancel = options.cancel;
    diff::GraphDiff diff = diff::diffDatasets(baseline, newData, diffOptions);
    analysis.blankNames = diff.labels;
    advance();

    analysis.changes = detail::entityChanges(baselineIndex, newIndex, diff, analysis.renames);
    rateChanges(analysis.changes, baselineIndex, newIndex, diff.blankMatches);
    applyOverrides(analysis.changes, options.overrides, newData.dictionary());
    // Removed statements back in OLD's own terms, plus each rename's own statements.
    for (Change& c : analysis.changes)
        for (Quad& q : c.removed)
            if (const auto it = original.find(q); it != original.end())
                q = it->second;
    addRenameStatements(analysis.changes, original, newData, rewrite);
    for (Change& c : analysis.changes)
        sortAndUnique(c.removed), sortAndUnique(c.added);
    advance();

    if (options.data)
        detail::measureImpact(analysis.changes, *options.data, baselineIndex, newIndex);
    sortChanges(analysis.changes, newData.dictionary());
    nameRemainingBlanks(analysis, newData.dictionary(), diff);
    analysis.blankMatches = std::move(diff.blankMatches);
    collectLabels(analysis, oldIndex, newIndex);
    analysis.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    advance();
    return analysis;
}

} // namespace evograph::analysis
