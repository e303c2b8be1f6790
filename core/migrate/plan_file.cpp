// Plan files: YAML in, YAML out, with positioned errors and a hash over the exact text.
#include "evograph/engine/file_read.h"

#include "evograph/engine/digest.h"
#include "evograph/engine/enum_names.h"
#include "evograph/error.h"
#include "evograph/migrate/plan.h"
#include "evograph/sparql/update.h"

#include "evograph/engine/yaml_file.h"

#include <array>
#include <filesystem>
#include <set>

namespace evograph::migrate {

namespace {
constexpr auto kKindNames = engine::enumNames<StepKind>({{StepKind::RenameIri, "rename_iri"},
    {StepKind::AddDefaultValue, "add_default_value"}, {StepKind::RetypeInstances, "retype_instances"},
    {StepKind::DeleteInstances, "delete_instances"}, {StepKind::DeleteValues, "delete_values"},
    {StepKind::MoveValues, "move_values"}, {StepKind::Custom, "custom"}});
constexpr auto kCodeNames = engine::enumNames<FindingCode>(
    {{FindingCode::Destructive, "DS"}, {FindingCode::BreakingForConsumers, "BC"}, {FindingCode::MayFail, "MF"}});
constexpr int kFormatVersion = 1;

Error errorAt(const std::string& name, const YAML::Node& node, const std::string& message)
{
    return Error(detail::yamlPosition(name, node.Mark()), message);
}

std::string scalarAt(const std::string& name, const YAML::Node& map, const char* key, bool required)
{
    const YAML::Node node = map[key];
    if (!node) {
        if (required)
            throw errorAt(name, map, std::string("missing '") + key + "'");
        return {};
    }
    if (!node.IsScalar())
        throw errorAt(name, node, std::string("'") + key + "' must be text");
    return node.Scalar();
}

void requireKnownKeys(const std::string& name, const YAML::Node& map, const std::set<std::string>& known)
{
    for (const auto& entry : map)
        if (!known.count(entry.first.Scalar()))
            throw errorAt(name, entry.first, "unknown field '" + entry.first.Scalar() + "'");
}

// Parses a step's SPARQL now, so that an error points into the plan file. A block scalar's text
// starts on the line after its '|', indented.
void requireSparql(const std::string& name, std::string_view file, const YAML::Node& node, bool ask)
{
    try {
        ask ? sparql::parseAsk(node.Scalar(), name) : sparql::parseUpdate(node.Scalar(), name);
    } catch (const Error& e) {
        if (!e.where() || e.where()->line == 0)
            throw;
        const YAML::Mark mark = node.Mark();
        SourcePosition at {name, static_cast<unsigned>(mark.line + 1), static_cast<unsigned>(mark.column + 1)};
        const std::size_t pos = static_cast<std::size_t>(mark.pos);
        if (pos < file.size() && (file[pos] == '|' || file[pos] == '>')) {
            const std::size_t lineStart = file.find('\n', pos);
            const std::size_t indent = lineStart == std::string_view::npos
                ? 0
                : file.find_first_not_of(' ', lineStart + 1) - (lineStart + 1);
            at.line = static_cast<unsigned>(mark.line + 1) + e.where()->line;
            at.column = static_cast<unsigned>(indent) + e.where()->column;
        }
        throw Error(at, e.message());
    }
}

std::vector<Check> checksAt(const std::string& name, std::string_view file, const YAML::Node& list)
{
    std::vector<Check> checks;
    if (!list)
        return checks;
    if (!list.IsSequence())
        throw errorAt(name, list, "checks must be a list");
    for (const YAML::Node& item : list) {
        if (!item.IsMap())
            throw errorAt(name, item, "a check must be a mapping with 'ask' and 'expect'");
        requireKnownKeys(name, item, {"description", "ask", "expect"});
        Check check;
        check.description = scalarAt(name, item, "description", false);
        check.ask = scalarAt(name, item, "ask", true);
        requireSparql(name, file, item["ask"], true);
        const std::string expect = scalarAt(name, item, "expect", true);
        if (expect != "true" && expect != "false")
            throw errorAt(name, item["expect"], "'expect' must be true or false");
        check.expect = expect == "true";
        checks.push_back(std::move(check));
    }
    return checks;
}

PlanStep stepAt(const std::string& name, std::string_view file, const YAML::Node& node)
{
    if (!node.IsMap())
        throw errorAt(name, node, "a step must be a mapping");
    requireKnownKeys(
        name, node, {"id", "kind", "code", "description", "parameters", "update", "inverse", "before", "after"});
    PlanStep step;
    step.id = scalarAt(name, node, "id", true);
    const auto kind = parseStepKind(scalarAt(name, node, "kind", true));
    if (!kind)
        throw errorAt(name, node["kind"], "unknown step kind '" + node["kind"].Scalar() + "'");
    step.kind = *kind;
    const auto code = parseFindingCode(scalarAt(name, node, "code", true));
    if (!code)
        throw errorAt(name, node["code"], "unknown finding code '" + node["code"].Scalar() + "' (DS, BC or MF)");
    step.code = *code;
    step.description = scalarAt(name, node, "description", false);
    if (const YAML::Node parameters = node["parameters"]) {
        if (!parameters.IsMap())
            throw errorAt(name, parameters, "'parameters' must be a mapping");
        for (const auto& entry : parameters)
            step.parameters.emplace_back(entry.first.Scalar(), entry.second.Scalar());
    }
    step.update = scalarAt(name, node, "update", true);
    requireSparql(name, file, node["update"], false);
    if (node["inverse"]) {
        step.inverse = scalarAt(name, node, "inverse", true);
        requireSparql(name, file, node["inverse"], false);
    }
    step.before = checksAt(name, file, node["before"]);
    step.after = checksAt(name, file, node["after"]);
    return step;
}

void emitChecks(YAML::Emitter& out, const char* key, const std::vector<Check>& checks)
{
    if (checks.empty())
        return;
    out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const Check& check : checks) {
        out << YAML::BeginMap;
        out << YAML::Key << "description" << YAML::Value << check.description;
        out << YAML::Key << "ask" << YAML::Value << check.ask;
        out << YAML::Key << "expect" << YAML::Value << (check.expect ? "true" : "false");
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}
} // namespace

std::string_view toString(StepKind kind)
{
    return kKindNames.name(kind);
}

std::optional<StepKind> parseStepKind(std::string_view name)
{
    return kKindNames.parse(name);
}

std::string_view toString(FindingCode code)
{
    return kCodeNames.name(code);
}

std::optional<FindingCode> parseFindingCode(std::string_view name)
{
    return kCodeNames.parse(name);
}

bool Plan::hasDestructiveSteps() const
{
    for (const PlanStep& step : steps)
        if (step.destructive())
            return true;
    return false;
}

std::string planHash(std::string_view text)
{
    return engine::hexDigest(engine::HashAlgorithm::Sha256, text);
}

std::string writePlan(const Plan& plan)
{
    YAML::Emitter out;
    out << YAML::Comment("evograph migration plan: edit freely; any edit changes its hash and voids approvals");
    out << YAML::BeginMap;
    out << YAML::Key << "evograph_plan" << YAML::Value << kFormatVersion;
    out << YAML::Key << "from" << YAML::Value << plan.from;
    out << YAML::Key << "to" << YAML::Value << plan.to;
    if (!plan.graphs.empty())
        out << YAML::Key << "graphs" << YAML::Value << YAML::Flow << plan.graphs;
    out << YAML::Key << "steps" << YAML::Value << YAML::BeginSeq;
    for (const PlanStep& step : plan.steps) {
        out << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value << step.id;
        out << YAML::Key << "kind" << YAML::Value << std::string(toString(step.kind));
        out << YAML::Key << "code" << YAML::Value << std::string(toString(step.code));
        out << YAML::Key << "description" << YAML::Value << step.description;
        if (!step.parameters.empty()) {
            out << YAML::Key << "parameters" << YAML::Value << YAML::BeginMap;
            for (const auto& [key, value] : step.parameters)
                out << YAML::Key << key << YAML::Value << value;
            out << YAML::EndMap;
        }
        out << YAML::Key << "update" << YAML::Value << YAML::Literal << step.update;
        if (step.inverse)
            out << YAML::Key << "inverse" << YAML::Value << YAML::Literal << *step.inverse;
        emitChecks(out, "before", step.before);
        emitChecks(out, "after", step.after);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

Plan parsePlan(std::string_view text, const std::string& name)
{
    const YAML::Node root = detail::parseYamlText(std::string(text), name);
    if (!root.IsMap())
        throw errorAt(name, root, "a plan must be a mapping with 'evograph_plan', 'from', 'to' and 'steps'");
    requireKnownKeys(name, root, {"evograph_plan", "from", "to", "graphs", "steps"});
    if (scalarAt(name, root, "evograph_plan", true) != std::to_string(kFormatVersion))
        throw errorAt(name, root["evograph_plan"], "unsupported plan format (this evograph reads version 1)");
    Plan plan;
    plan.from = scalarAt(name, root, "from", false);
    plan.to = scalarAt(name, root, "to", false);
    if (const YAML::Node graphs = root["graphs"]) {
        if (!graphs.IsSequence())
            throw errorAt(name, graphs, "'graphs' must be a list of workspace graph names");
        for (const YAML::Node& graph : graphs)
            plan.graphs.push_back(graph.Scalar());
    }
    const YAML::Node steps = root["steps"];
    if (!steps || !steps.IsSequence())
        throw errorAt(name, steps ? steps : root, "'steps' must be a list");
    std::set<std::string> ids;
    for (const YAML::Node& node : steps) {
        PlanStep step = stepAt(name, text, node);
        if (!ids.insert(step.id).second)
            throw errorAt(name, node["id"], "two steps have the id '" + step.id + "'");
        plan.steps.push_back(std::move(step));
    }
    plan.hash = planHash(text);
    plan.file = name;
    plan.text = text;
    return plan;
}

std::string readPlanFile(const std::string& path)
{
    return engine::readWholeFile(path, "the plan");
}

bool isSparqlFile(const std::string& path)
{
    const std::string extension = std::filesystem::path(path).extension().string();
    return extension == ".sparql" || extension == ".ru" || extension == ".rq";
}

PlanStep sparqlFileStep(const std::string& path, const std::string& text)
{
    sparql::parseUpdate(text, path); // refused here, positioned in the file, if the executor cannot run it
    return customStep(
        std::filesystem::path(path).stem().string(), "SPARQL Update from " + path, text, FindingCode::MayFail);
}

Plan loadPlan(const std::string& path)
{
    const std::string text = readPlanFile(path);
    if (!isSparqlFile(path))
        return parsePlan(text, path);
    Plan plan;
    plan.steps.push_back(sparqlFileStep(path, text));
    plan.hash = planHash(text);
    plan.file = path;
    plan.text = text;
    return plan;
}

} // namespace evograph::migrate
