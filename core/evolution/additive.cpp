#include "evograph/evolution/additive.h"

#include "evograph/engine/enum_names.h"

#include "evograph/analysis/change_json.h"

#include <algorithm>
#include <unordered_map>

namespace evograph::evolution {

namespace {
using analysis::Change;
using rdf::Quad;
using rdf::TermId;

bool takes(Strategy strategy, const Change& change)
{
    return strategy == Strategy::All || change.severity == analysis::Severity::Safe;
}
} // namespace

constexpr auto kStrategyNames = engine::enumNames<Strategy>({{Strategy::Additive, "additive"}, {Strategy::All, "all"}});

std::optional<Strategy> parseStrategy(std::string_view name)
{
    return kStrategyNames.parse(name);
}

std::string_view toString(Strategy strategy)
{
    return kStrategyNames.name(strategy);
}

Evolution evolve(const analysis::AnalyzedVersions& versions, Strategy strategy)
{
    const analysis::Analysis& analysis = versions.analysis;
    Evolution evolution {strategy, rdf::Dataset(versions.oldData.sharedDictionary()), {}, {}};
    // What NEW's terms are in OLD: its blank nodes OLD shares, and renamed IRIs left out.
    std::unordered_map<TermId, TermId> toOld;
    for (const auto& [o, n] : analysis.blankMatches)
        toOld.emplace(n, o);
    for (std::size_t i = 0; i < analysis.changes.size(); ++i) {
        const Change& c = analysis.changes[i];
        (takes(strategy, c) ? evolution.applied : evolution.leftOut).push_back(i);
        if (c.oldIri && c.newIri && !takes(strategy, c))
            toOld.emplace(c.newIri, c.oldIri);
    }
    auto inOldTerms = [&](Quad q) {
        for (TermId* t : {&q.s, &q.p, &q.o, &q.g})
            if (const auto it = toOld.find(*t); it != toOld.end())
                *t = it->second;
        return q;
    };
    std::vector<Quad> removed, added;
    for (const std::size_t i : evolution.applied) {
        const Change& c = analysis.changes[i];
        removed.insert(removed.end(), c.removed.begin(), c.removed.end());
        for (const Quad& q : c.added)
            added.push_back(inOldTerms(q));
    }
    std::sort(removed.begin(), removed.end());
    rdf::Dataset& result = evolution.result;
    result.reserve(versions.oldData.size() + added.size());
    for (const Quad& q : versions.oldData.quads())
        if (!std::binary_search(removed.begin(), removed.end(), q))
            result.add(q);
    for (const Quad& q : added)
        result.add(q);
    result.finalize();
    result.prefixes() = analysis::mergedPrefixes(versions);
    result.setBaseIri(versions.oldData.baseIri());
    return evolution;
}

std::string evolutionText(
    const Evolution& evolution, const analysis::AnalyzedVersions& versions, const analysis::ReportContext& context)
{
    const analysis::Analysis& analysis = versions.analysis;
    std::string out = context.oldName + " -> " + context.newName + " (" + std::string(toString(evolution.strategy))
        + "): applied " + std::to_string(evolution.applied.size()) + " of " + std::to_string(analysis.changes.size())
        + " changes, " + std::to_string(evolution.result.size()) + " triples\n";
    if (evolution.leftOut.empty())
        return out;
    out += "left out " + std::to_string(evolution.leftOut.size()) + ":\n";
    for (const std::size_t i : evolution.leftOut)
        out += analysis::textEntry(analysis.changes[i], analysis, context);
    return out;
}

std::string evolutionJson(
    const Evolution& evolution, const analysis::AnalyzedVersions& versions, const analysis::ReportContext& context)
{
    const analysis::Analysis& analysis = versions.analysis;
    auto records = [&](const std::vector<std::size_t>& indexes) {
        nlohmann::json list = nlohmann::json::array();
        for (const std::size_t i : indexes)
            list.push_back(analysis::changeJson(analysis.changes[i], analysis, context.dictionary, false));
        return list;
    };
    nlohmann::ordered_json json;
    json["old"] = {{"file", context.oldName}, {"triples", analysis.oldTriples}};
    json["new"] = {{"file", context.newName}, {"triples", analysis.newTriples}};
    json["strategy"] = toString(evolution.strategy);
    json["triples"] = evolution.result.size();
    json["applied"] = records(evolution.applied);
    json["left_out"] = records(evolution.leftOut);
    return json.dump(2) + "\n";
}

} // namespace evograph::evolution
