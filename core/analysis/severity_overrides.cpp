#include "evograph/analysis/severity.h"

#include "evograph/error.h"

#include "evograph/engine/yaml_file.h"

namespace evograph::analysis {

namespace {
Error yamlError(const std::string& path, const YAML::Mark& mark, const std::string& message)
{
    return Error(evograph::detail::yamlPosition(path, mark), message);
}

Severity severityAt(const std::string& path, const YAML::Node& node)
{
    const auto severity = node.IsScalar() ? parseSeverity(node.Scalar()) : std::nullopt;
    if (!severity)
        throw yamlError(path, node.Mark(), "expected a severity: safe, cosmetic or breaking");
    return *severity;
}

ChangeKind kindAt(const std::string& path, const YAML::Node& node)
{
    const auto kind = node.IsScalar() ? parseChangeKind(node.Scalar()) : std::nullopt;
    if (!kind)
        throw yamlError(path, node.Mark(), "unknown change kind '" + node.as<std::string>("") + "'");
    return *kind;
}

void requireMap(const std::string& path, const YAML::Node& node, const std::string& what)
{
    if (!node.IsMap())
        throw yamlError(path, node.Mark(), what + " must be a mapping");
}
} // namespace

SeverityOverrides loadSeverityOverrides(const std::string& path)
{
    const YAML::Node root = evograph::detail::loadYamlFile(path, "severity override file");
    SeverityOverrides overrides;
    overrides.source = path;
    if (root.IsNull())
        return overrides;
    requireMap(path, root, "the override file");
    for (const auto& entry : root) {
        const std::string section = entry.first.as<std::string>("");
        if (section == "kinds") {
            requireMap(path, entry.second, "kinds");
            for (const auto& kind : entry.second)
                overrides.kinds[kindAt(path, kind.first)] = severityAt(path, kind.second);
        } else if (section == "entities") {
            requireMap(path, entry.second, "entities");
            for (const auto& entity : entry.second) {
                const std::string iri = entity.first.as<std::string>("");
                if (!entity.second.IsMap()) {
                    overrides.entities[iri] = severityAt(path, entity.second);
                    continue;
                }
                for (const auto& kind : entity.second)
                    overrides.entityKinds[{iri, kindAt(path, kind.first)}] = severityAt(path, kind.second);
            }
        } else {
            throw yamlError(path, entry.first.Mark(), "unknown section '" + section + "' (expected kinds or entities)");
        }
    }
    return overrides;
}

void applyOverrides(std::vector<Change>& changes, const SeverityOverrides& overrides, const rdf::Dictionary& dictionary)
{
    if (overrides.empty())
        return;
    auto iriOf = [&](rdf::TermId term) {
        return term == rdf::kNoTerm ? std::string() : std::string(dictionary.term(term).value);
    };
    for (Change& change : changes) {
        std::optional<Severity> chosen;
        if (const auto it = overrides.kinds.find(change.kind); it != overrides.kinds.end())
            chosen = it->second;
        for (const rdf::TermId term : {change.iri, change.oldIri, change.newIri}) {
            const std::string iri = iriOf(term);
            if (iri.empty())
                continue;
            if (const auto it = overrides.entities.find(iri); it != overrides.entities.end())
                chosen = it->second;
            if (const auto it = overrides.entityKinds.find({iri, change.kind}); it != overrides.entityKinds.end()) {
                chosen = it->second;
                break;
            }
        }
        if (chosen && *chosen != change.severity) {
            change.reason
                += " (re-rated from " + std::string(toString(change.severity)) + " by " + overrides.source + ")";
            change.severity = *chosen;
        }
    }
}

} // namespace evograph::analysis
