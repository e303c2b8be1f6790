#pragma once
// A migration plan: an ordered list of typed steps, each with the SPARQL Update it runs, a
// finding code (DS destructive, BC breaking for consumers, MF may fail depending on the data),
// checks asked before it runs and after, and its inverse where one exists.
//
// Plans are YAML files that users edit and keep in version control. The text a step runs is the
// `update` the file holds (the generator writes it from the step's parameters, through the one
// SPARQL term serializer, but the file is what counts), and the plan's hash is the SHA-256 of the
// file's bytes: any edit, even of a comment, is a different plan.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evograph::migrate {

enum class StepKind { RenameIri, AddDefaultValue, RetypeInstances, DeleteInstances, DeleteValues, MoveValues, Custom };
enum class FindingCode { Destructive, BreakingForConsumers, MayFail };

std::string_view toString(StepKind kind); // "rename_iri", ...
std::optional<StepKind> parseStepKind(std::string_view name);
std::string_view toString(FindingCode code); // "DS", "BC", "MF"
std::optional<FindingCode> parseFindingCode(std::string_view name);

// A SPARQL ASK and the answer the data must give ("no instance of :Foo remains": false).
struct Check {
    std::string description;
    std::string ask;
    bool expect = false;
    bool operator==(const Check&) const = default;
};

struct PlanStep {
    std::string id;
    StepKind kind = StepKind::Custom;
    FindingCode code = FindingCode::Destructive;
    std::string description;
    std::vector<std::pair<std::string, std::string>> parameters; // as generated: from, to, class, ...
    std::string update; // SPARQL Update
    std::optional<std::string> inverse; // SPARQL Update that undoes it, where one exists
    std::vector<Check> before, after;

    bool destructive() const { return code == FindingCode::Destructive; }
    bool operator==(const PlanStep&) const = default;
};

struct Plan {
    std::string from, to; // what the plan migrates between (labels or files)
    // The workspace graphs it rewrites, each in turn as the default graph of every step; empty:
    // all of them. Part of the file, so an approval covers the targets too.
    std::vector<std::string> graphs;
    std::vector<PlanStep> steps;
    std::string hash; // SHA-256 of the file's text; empty for a plan not read from text
    std::string file; // the name it was read under
    std::string text; // the text it was read from

    bool hasDestructiveSteps() const;
};

// Generated steps. IRIs and values go through sparql_term.h: a value SPARQL cannot carry safely
// throws evograph::Error instead of being written.
PlanStep renameIriStep(std::string id, const std::string& from, const std::string& to);
PlanStep addDefaultValueStep(std::string id, const std::string& cls, const std::string& property,
    const std::string& lexical, const std::string& datatype = {});
PlanStep retypeInstancesStep(std::string id, const std::string& removedClass, const std::string& target);
PlanStep deleteInstancesStep(std::string id, const std::string& cls);
PlanStep deleteValuesStep(std::string id, const std::string& property);
PlanStep moveValuesStep(std::string id, const std::string& from, const std::string& to);
// The check that every instance of CLS has a value of PROPERTY (an ASK expecting false).
Check everyInstanceHas(const std::string& cls, const std::string& property);
PlanStep customStep(std::string id, std::string description, std::string update, FindingCode code);

// The plan as YAML, in the order and layout parsePlan reads.
std::string writePlan(const Plan& plan);
// Throws evograph::Error naming NAME:LINE:COL for bad YAML, unknown kinds or codes, missing fields,
// and SPARQL the executor would refuse (positioned in the file).
Plan parsePlan(std::string_view text, const std::string& name);
// A plan file, or a SPARQL Update file (.sparql, .ru, .rq) as a plan of one custom step whose hash
// is the SHA-256 of that file (the user-written migrations of the seed document run as they are).
Plan loadPlan(const std::string& path);
std::string readPlanFile(const std::string& path);
bool isSparqlFile(const std::string& path);
// A custom step running the file's SPARQL Update (code MF: apply still measures what it removes).
PlanStep sparqlFileStep(const std::string& path, const std::string& text);
std::string planHash(std::string_view text);

} // namespace evograph::migrate
