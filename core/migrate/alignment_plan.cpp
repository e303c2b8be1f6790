// Turns accepted correspondences into retype_instances / move_values steps, as the data uses them.
#include "evograph/migrate/alignment_plan.h"

#include "evograph/error.h"
#include "evograph/rdf/vocabulary.h"
#include "evograph/sparql/term_syntax.h"

#include <set>
#include <unordered_map>

namespace evograph::migrate {

namespace {
// The field's text and its 1-based column.
struct Field {
    std::string_view text;
    unsigned column = 1;
};

std::vector<Field> splitTabs(std::string_view line)
{
    std::vector<Field> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back({line.substr(start, tab - start), static_cast<unsigned>(start + 1)});
        if (tab == std::string_view::npos)
            return fields;
        start = tab + 1;
    }
}

std::string checkedIri(const Field& field, const std::string& name, unsigned line, const char* role)
{
    const std::string iri(field.text);
    if (iri.empty() || iri.find(':') == std::string::npos)
        throw Error({name, line, field.column}, std::string("expected the ") + role + " IRI, found '" + iri + "'");
    try {
        sparql::sparqlIri(iri);
    } catch (const Error& e) {
        throw Error({name, line, field.column}, e.message());
    }
    return iri;
}

// How often the data instantiates or uses each source IRI.
struct Use {
    std::size_t instances = 0, values = 0;
};

std::unordered_map<rdf::TermId, Use> usesOf(
    const std::vector<AcceptedCorrespondence>& accepted, const rdf::Dataset& data)
{
    const rdf::Dictionary& dictionary = data.dictionary();
    std::unordered_map<rdf::TermId, Use> uses;
    for (const AcceptedCorrespondence& c : accepted)
        if (const auto id = dictionary.findIri(c.source))
            uses.emplace(*id, Use {});
    const auto type = dictionary.findIri(rdf::vocab::rdfType);
    for (const rdf::Quad& q : data.quads()) {
        if (const auto it = uses.find(q.p); it != uses.end())
            ++it->second.values;
        if (type && q.p == *type)
            if (const auto it = uses.find(q.o); it != uses.end())
                ++it->second.instances;
    }
    return uses;
}

std::string counted(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
} // namespace

std::vector<AcceptedCorrespondence> readAcceptedAlignment(std::string_view text, const std::string& name)
{
    std::vector<AcceptedCorrespondence> accepted;
    std::set<std::string, std::less<>> sources;
    unsigned lineNumber = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#')
            continue;
        const std::vector<Field> fields = splitTabs(line);
        if (fields.size() < 2)
            throw Error({name, lineNumber, static_cast<unsigned>(line.size() + 1)},
                "expected IRI_A<TAB>IRI_B, found one field (is the file tab-separated?)");
        AcceptedCorrespondence c {checkedIri(fields[0], name, lineNumber, "source"),
            checkedIri(fields[1], name, lineNumber, "target"), lineNumber};
        if (!sources.insert(c.source).second)
            throw Error({name, lineNumber, 1}, c.source + " is mapped twice; keep one target per source IRI");
        accepted.push_back(std::move(c));
    }
    return accepted;
}

AlignmentPlan planFromAlignment(
    const std::vector<AcceptedCorrespondence>& accepted, const rdf::Dataset& data, const GenerationOptions& options)
{
    AlignmentPlan result;
    result.plan.from = options.from;
    result.plan.to = options.to;
    result.plan.graphs = options.graphs;
    const auto uses = usesOf(accepted, data);
    int counter = 0;
    const auto nextId = [&](const char* kind) { return std::string(kind) + "-" + std::to_string(++counter); };
    for (const AcceptedCorrespondence& c : accepted) {
        const auto id = data.dictionary().findIri(c.source);
        const Use use = id ? uses.at(*id) : Use {};
        if (c.source == c.target || (use.instances == 0 && use.values == 0)) {
            result.unused.push_back(std::to_string(c.line) + ": " + c.source
                + (c.source == c.target ? ": maps to itself" : ": not used by the data"));
            continue;
        }
        if (use.instances) {
            PlanStep step = retypeInstancesStep(nextId("retype"), c.source, c.target);
            step.description += " (" + counted(use.instances, "instance", "instances") + ")";
            result.plan.steps.push_back(std::move(step));
        }
        if (use.values) {
            PlanStep step = moveValuesStep(nextId("move-values"), c.source, c.target);
            step.description += " (" + counted(use.values, "value", "values") + ")";
            result.plan.steps.push_back(std::move(step));
        }
    }
    return result;
}

} // namespace evograph::migrate
