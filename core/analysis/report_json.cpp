#include "evograph/analysis/report.h"

#include "evograph/analysis/change_json.h"

#include "evograph/rdf/ntriples_writer.h"

#include <nlohmann/json.hpp>

namespace evograph::analysis {

namespace {
std::vector<std::string> statements(
    const std::vector<rdf::Quad>& quads, const Analysis& analysis, const rdf::Dictionary& dictionary)
{
    std::vector<std::string> out;
    out.reserve(quads.size());
    for (const rdf::Quad& q : quads) {
        std::string line;
        rdf::appendQuad(line, dictionary, q, analysis.blankNames);
        out.push_back(std::move(line));
    }
    return out;
}
} // namespace

nlohmann::json changeJson(const Change& c, const Analysis& analysis, const rdf::Dictionary& d, bool withTriples)
{
    auto iri = [&](rdf::TermId t) { return std::string(d.term(t).value); };
    nlohmann::json j;
    j["kind"] = toString(c.kind);
    if (c.iri)
        j["iri"] = iri(c.iri);
    if (c.oldIri)
        j["old_iri"] = iri(c.oldIri);
    if (c.newIri)
        j["new_iri"] = iri(c.newIri);
    if (const auto label = analysis.labels.find(c.subject()); label != analysis.labels.end())
        j["label"] = label->second;
    if (c.property)
        j["property"] = iri(c.property);
    if (c.replacedBy)
        j["replaced_by"] = iri(c.replacedBy);
    j["severity"] = toString(c.severity);
    j["reason"] = c.reason;
    if (c.confidence)
        j["confidence"] = std::round(*c.confidence * 1000) / 1000;
    if (!c.evidence.empty())
        j["evidence"] = c.evidence;
    if (withTriples)
        j["triples"] = {{"added", statements(c.added, analysis, d)}, {"removed", statements(c.removed, analysis, d)}};
    if (c.impact)
        j["impact"] = {{"count", c.impact->count}, {"description", c.impact->description}};
    return j;
}

std::string jsonReport(const Analysis& analysis, const ReportContext& context)
{
    const rdf::Dictionary& d = context.dictionary;
    nlohmann::json changes = nlohmann::json::array();
    for (const Change& c : analysis.changes)
        changes.push_back(changeJson(c, analysis, d));
    const AnalysisSummary summary = analysis.summary();
    nlohmann::json byKind = nlohmann::json::object(), bySeverity = nlohmann::json::object();
    for (std::size_t k = 0; k < kChangeKindCount; ++k)
        if (summary.byKind[k])
            byKind[std::string(toString(static_cast<ChangeKind>(k)))] = summary.byKind[k];
    for (const Severity s : kSeverities)
        bySeverity[std::string(toString(s))] = summary.bySeverity[static_cast<std::size_t>(s)];
    nlohmann::json json;
    json["old"] = {{"file", context.oldName}, {"triples", analysis.oldTriples}};
    json["new"] = {{"file", context.newName}, {"triples", analysis.newTriples}};
    json["changes"] = std::move(changes);
    json["summary"] = {{"changes", analysis.changes.size()}, {"by_kind", byKind}, {"by_severity", bySeverity}};
    return json.dump(2) + "\n";
}

} // namespace evograph::analysis
