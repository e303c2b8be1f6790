// The generated step kinds: the SPARQL Update each runs, its checks and its inverse. Every IRI and
// value is written through sparql_term.h.
#include "evograph/migrate/plan.h"
#include "evograph/sparql/term_syntax.h"

namespace evograph::migrate {

namespace {
Check noneLeft(std::string description, std::string pattern)
{
    return {std::move(description), "ASK { " + pattern + " }", false};
}

// Rewrites every statement that uses FROM as subject, predicate or object to use TO instead: one
// operation per position, so each finds its statements through an index instead of a scan (a
// statement using FROM twice is rewritten by both, as a single pass would).
std::string renameUpdate(const std::string& from, const std::string& to)
{
    return "DELETE { " + from + " ?p ?o }\nINSERT { " + to + " ?p ?o }\nWHERE { " + from + " ?p ?o } ;\n"
        + "DELETE { ?s " + from + " ?o }\nINSERT { ?s " + to + " ?o }\nWHERE { ?s " + from + " ?o } ;\n"
        + "DELETE { ?s ?p " + from + " }\nINSERT { ?s ?p " + to + " }\nWHERE { ?s ?p " + from + " }\n";
}

std::string usedAnywhere(const std::string& iri)
{
    return "FILTER(EXISTS { " + iri + " ?p ?o } || EXISTS { ?s " + iri + " ?o } || EXISTS { ?s ?p " + iri + " })";
}
} // namespace

PlanStep renameIriStep(std::string id, const std::string& from, const std::string& to)
{
    const std::string a = sparql::sparqlIri(from), b = sparql::sparqlIri(to);
    PlanStep step;
    step.id = std::move(id);
    step.kind = StepKind::RenameIri;
    step.code = FindingCode::BreakingForConsumers;
    step.description = "rename " + a + " to " + b + " in subjects, predicates and objects";
    step.parameters = {{"from", from}, {"to", to}};
    step.update = renameUpdate(a, b);
    step.inverse = renameUpdate(b, a);
    step.before = {noneLeft("nothing uses " + b + " yet", usedAnywhere(b))};
    step.after = {noneLeft("nothing uses " + a + " any more", usedAnywhere(a))};
    return step;
}

PlanStep addDefaultValueStep(std::string id, const std::string& cls, const std::string& property,
    const std::string& lexical, const std::string& datatype)
{
    const std::string c = sparql::sparqlIri(cls), p = sparql::sparqlIri(property),
                      value = sparql::sparqlLiteral(lexical, datatype);
    PlanStep step;
    step.id = std::move(id);
    step.kind = StepKind::AddDefaultValue;
    step.code = FindingCode::MayFail;
    step.description = "give every " + c + " without " + p + " the default " + value;
    step.parameters = {{"class", cls}, {"property", property}, {"value", lexical}};
    if (!datatype.empty())
        step.parameters.emplace_back("datatype", datatype);
    step.update = "INSERT { ?x " + p + " " + value + " }\nWHERE {\n  ?x a " + c + " .\n  FILTER NOT EXISTS { ?x " + p
        + " ?any }\n}\n";
    step.after = {everyInstanceHas(cls, property)};
    return step;
}

Check everyInstanceHas(const std::string& cls, const std::string& property)
{
    const std::string c = sparql::sparqlIri(cls), p = sparql::sparqlIri(property);
    return noneLeft("every " + c + " has " + p, "?x a " + c + " FILTER NOT EXISTS { ?x " + p + " ?any }");
}

PlanStep retypeInstancesStep(std::string id, const std::string& removedClass, const std::string& target)
{
    const std::string removed = sparql::sparqlIri(removedClass), to = sparql::sparqlIri(target);
    PlanStep step;
    step.id = std::move(id);
    step.kind = StepKind::RetypeInstances;
    step.code = FindingCode::BreakingForConsumers;
    step.description = "retype the instances of " + removed + " as " + to;
    step.parameters = {{"class", removedClass}, {"target", target}};
    step.update = "DELETE { ?x a " + removed + " }\nINSERT { ?x a " + to + " }\nWHERE { ?x a " + removed + " }\n";
    step.after = {noneLeft("no instance of " + removed + " remains", "?x a " + removed)};
    return step;
}

PlanStep deleteInstancesStep(std::string id, const std::string& cls)
{
    const std::string c = sparql::sparqlIri(cls);
    PlanStep step;
    step.id = std::move(id);
    step.kind = StepKind::DeleteInstances;
    step.code = FindingCode::Destructive;
    step.description = "delete every instance of " + c + " and its statements";
    step.parameters = {{"class", cls}};
    step.update = "DELETE { ?x ?p ?o }\nWHERE {\n  ?x a " + c + " .\n  ?x ?p ?o .\n}\n";
    step.after = {noneLeft("no instance of " + c + " remains", "?x a " + c)};
    return step;
}

PlanStep deleteValuesStep(std::string id, const std::string& property)
{
    const std::string p = sparql::sparqlIri(property);
    PlanStep step;
    step.id = std::move(id);
    step.kind = StepKind::DeleteValues;
    step.code = FindingCode::Destructive;
    step.description = "delete every value of " + p;
    step.parameters = {{"property", property}};
    step.update = "DELETE { ?s " + p + " ?o }\nWHERE { ?s " + p + " ?o }\n";
    step.after = {noneLeft("no value of " + p + " remains", "?s " + p + " ?o")};
    return step;
}

PlanStep moveValuesStep(std::string id, const std::string& from, const std::string& to)
{
    const std::string a = sparql::sparqlIri(from), b = sparql::sparqlIri(to);
    const auto move = [](const std::string& x, const std::string& y) {
        return "DELETE { ?s " + x + " ?o }\nINSERT { ?s " + y + " ?o }\nWHERE { ?s " + x + " ?o }\n";
    };
    PlanStep step;
    step.id = std::move(id);
    step.kind = StepKind::MoveValues;
    step.code = FindingCode::BreakingForConsumers;
    step.description = "move the values of " + a + " to " + b;
    step.parameters = {{"from", from}, {"to", to}};
    step.update = move(a, b);
    step.inverse = move(b, a);
    step.after = {noneLeft("no value of " + a + " remains", "?s " + a + " ?o")};
    return step;
}

PlanStep customStep(std::string id, std::string description, std::string update, FindingCode code)
{
    PlanStep step;
    step.id = std::move(id);
    step.kind = StepKind::Custom;
    step.code = code;
    step.description = std::move(description);
    step.update = std::move(update);
    return step;
}

} // namespace evograph::migrate
