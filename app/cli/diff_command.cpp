#include "commands.h"
#include "remote_sources.h"

#include "evograph/diff/compare.h"
#include "evograph/diff/rdf_patch.h"
#include "evograph/rdf/ntriples_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

namespace evograph::cli {

namespace {
struct DiffOptions {
    std::string oldPath, newPath;
    std::string inputFormat;
    std::string format = "text";
    std::string output;
    std::string prev;
    bool compact = false;
};

// Writes a term as a CURIE when one of the prefixes covers it (--compact).
void appendCompactTerm(std::string& out, const rdf::TermView& term, const rdf::PrefixMap& prefixes)
{
    if (term.isIri()) {
        if (auto curie = prefixes.abbreviate(term.value)) {
            out += *curie;
            return;
        }
    } else if (term.isLiteral() && term.language.empty() && term.datatype != rdf::vocab::xsdString) {
        if (auto curie = prefixes.abbreviate(term.datatype)) {
            rdf::appendTerm(out, rdf::TermView {rdf::TermKind::Literal, term.value, rdf::vocab::xsdString, {}});
            out += "^^" + *curie;
            return;
        }
    }
    rdf::appendTerm(out, term);
}

std::string statement(const diff::Comparison& c, const rdf::Quad& quad, const rdf::PrefixMap* compact)
{
    std::string out;
    if (!compact) {
        rdf::appendQuad(out, c.newData.dictionary(), quad, c.diff.labels);
        return out;
    }
    const rdf::Dictionary& d = c.newData.dictionary();
    for (const rdf::TermId t : {quad.s, quad.p, quad.o, quad.g}) {
        if (t == rdf::kNoTerm)
            continue;
        if (!out.empty())
            out += ' ';
        if (d.isBlank(t))
            out += "_:" + c.diff.labels.at(t);
        else
            appendCompactTerm(out, d.term(t), *compact);
    }
    return out + " .";
}

std::string textReport(const diff::Comparison& c, const rdf::PrefixMap* compact)
{
    std::vector<std::pair<std::string, char>> lines; // statement, sign: sorted so that - and + of a subject meet
    for (const rdf::Quad& q : c.diff.removed)
        lines.emplace_back(statement(c, q, compact), '-');
    for (const rdf::Quad& q : c.diff.added)
        lines.emplace_back(statement(c, q, compact), '+');
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& [text, sign] : lines)
        out.append(1, sign).append(" ").append(text).push_back('\n');
    out += "# " + std::to_string(c.diff.removed.size()) + " removed, " + std::to_string(c.diff.added.size())
        + " added\n";
    return out;
}

std::string jsonReport(const diff::Comparison& c, const DiffOptions& options, const rdf::PrefixMap* compact)
{
    auto statements = [&](const std::vector<rdf::Quad>& quads) {
        std::vector<std::string> out;
        out.reserve(quads.size());
        for (const rdf::Quad& q : quads)
            out.push_back(statement(c, q, compact));
        std::sort(out.begin(), out.end());
        return out;
    };
    nlohmann::json json;
    json["old"] = {{"file", options.oldPath}, {"triples", c.oldData.size()}};
    json["new"] = {{"file", options.newPath}, {"triples", c.newData.size()}};
    json["added"] = statements(c.diff.added);
    json["removed"] = statements(c.diff.removed);
    json["summary"] = {{"added", c.diff.added.size()}, {"removed", c.diff.removed.size()}};
    const auto& s = c.diff.statistics;
    json["blank_nodes"] = {{"old", s.oldBlankNodes}, {"new", s.newBlankNodes}, {"matched_exactly", s.matchedExactly},
        {"matched_by_similarity", s.matchedBySimilarity}};
    return json.dump(2) + "\n";
}
} // namespace

void addDiffCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<DiffOptions>();
    auto* command = app.add_subcommand(
        "diff", "Show the triples added and removed between two versions, blank-node aware (exit 0 same, 1 different)");
    command->add_option("OLD", options->oldPath, "the old version")->required();
    command->add_option("NEW", options->newPath, "the new version")->required();
    command->add_option("-i,--input-format", options->inputFormat,
        "input format of both files (default: from each extension, else the content)");
    command->add_option("--format", options->format, "output: text (default), json or patch (RDF Patch)")
        ->check(CLI::IsMember({"text", "json", "patch"}));
    command->add_option("-o,--output", options->output, "write to FILE (atomically) instead of stdout");
    command->add_flag("--compact", options->compact, "write IRIs as CURIEs with the inputs' prefixes (text, json)");
    addSourceWorkspaceOption(*command);
    command->add_option("--prev", options->prev, "patch: the id of the patch this one follows (H prev)");
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            std::optional<rdf::Format> format = formatOption(options->inputFormat, "input");
            const auto comparison = runInTask("diff", "comparing", [&](const engine::TaskContext& context) {
                return diff::compareFiles({options->oldPath, format, {}}, {options->newPath, format, {}}, context);
            });
            const diff::Comparison& c = *comparison;

            rdf::PrefixMap prefixes = c.newData.prefixes();
            for (const auto& [prefix, iri] : c.oldData.prefixes().entries())
                if (!prefixes.iriFor(prefix))
                    prefixes.set(prefix, iri);
            const rdf::PrefixMap* compact = options->compact ? &prefixes : nullptr;
            std::string report;
            if (options->format == "patch")
                report = diff::writePatch(c.diff, c.oldData, c.newData, {{}, options->prev});
            else if (options->format == "json")
                report = jsonReport(c, *options, compact);
            else
                report = textReport(c, compact);
            writeOutput(options->output, report);
            return c.diff.empty() ? kOk : kDifferent;
        });
    });
}

} // namespace evograph::cli
