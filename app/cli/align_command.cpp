// evograph align A B: proposes the classes and properties of two vocabularies that are the same,
// as TSV, JSON or the Alignment API's RDF/XML format.
#include "cli_config.h"
#include "commands.h"
#include "remote_sources.h"

#include "evograph/embed/alignment.h"
#include "evograph/embed/term_documents.h"
#include "evograph/rdf/path_reader.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>
#include <thread>

namespace evograph::cli {

namespace {
struct AlignOptions {
    std::string a, b, format = "tsv", output, provider = config::kBuiltinProvider, configPath;
    double threshold = embed::AlignOptions {}.threshold;
};

std::string evidenceOf(const embed::Correspondence& c)
{
    char text[96];
    std::snprintf(text, sizeof text, "lexical %.2f; embedding %.2f, %s", c.lexical, c.embedding, c.provider.c_str());
    return text;
}

} // namespace

void addAlignCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<AlignOptions>();
    auto* c = app.add_subcommand("align", "Propose the classes and properties of A and B that are the same");
    c->add_option("A", o->a, "a vocabulary (file or directory)")->required();
    c->add_option("B", o->b, "another vocabulary (file or directory)")->required();
    c->add_option("--threshold", o->threshold, "the score a correspondence needs (default 0.55)")
        ->check(CLI::Range(0.0, 1.0));
    c->add_option("--format", o->format, "tsv (default: IRI_A, IRI_B, score, evidence), json or alignment (RDF/XML)")
        ->check(CLI::IsMember({"tsv", "json", "alignment"}));
    c->add_option("-o,--output", o->output, "write to FILE (atomically) instead of stdout");
    c->add_option("--provider", o->provider, "builtin (default), a provider of the config, or auto");
    addConfigOption(*c, o->configPath);
    addSourceWorkspaceOption(*c);
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            auto dictionary = std::make_shared<rdf::Dictionary>();
            rdf::Dataset a(dictionary), b(dictionary);
            std::size_t termsA = 0, termsB = 0;
            auto found = runInTask("align", "aligning", [&](const engine::TaskContext& context) {
                rdf::ReadOptions read;
                read.cancel = context.cancellation();
                rdf::readPath(o->a, a, read);
                rdf::readPath(o->b, b, read);
                a.finalize(), b.finalize();
                const analysis::KnownTerms terms(*dictionary);
                const analysis::OntologyIndex indexA(a, terms), indexB(b, terms);
                termsA = indexA.entities().size(), termsB = indexB.entities().size();
                engine::ThreadPool pool(std::max(1u, std::thread::hardware_concurrency()));
                embed::AlignOptions options;
                options.threshold = o->threshold;
                options.provider = o->provider;
                return embed::alignVocabularies(indexA, indexB, config, options, &pool, &context);
            });
            std::string text;
            if (o->format == "json") {
                nlohmann::ordered_json list = nlohmann::ordered_json::array();
                for (const embed::Correspondence& x : *found)
                    list.push_back({{"a", dictionary->term(x.a).value}, {"b", dictionary->term(x.b).value},
                        {"kind", embed::categoryName(x.category)}, {"score", x.score},
                        {"evidence", {{"lexical", x.lexical}, {"embedding", x.embedding}, {"provider", x.provider}}}});
                text = nlohmann::ordered_json {{"a", o->a}, {"b", o->b}, {"correspondences", list}}.dump(2) + "\n";
            } else if (o->format == "alignment") {
                text = embed::alignmentRdfXml(*found, *dictionary);
            } else {
                for (const embed::Correspondence& x : *found) {
                    char score[16];
                    std::snprintf(score, sizeof score, "%.4f", x.score);
                    text += std::string(dictionary->term(x.a).value) + "\t" + std::string(dictionary->term(x.b).value)
                        + "\t" + score + "\t" + evidenceOf(x) + "\n";
                }
            }
            writeOutput(o->output, text);
            if (found->empty()) // an empty answer is an answer, but say so: a file may have no terms at all
                std::cerr << "evograph: no correspondence scores " << o->threshold << " or more between " << o->a
                          << " (" << termsA << " terms) and " << o->b << " (" << termsB << " terms)"
                          << (termsA && termsB ? "; a lower --threshold shows weaker ones" : "") << "\n";
            return kOk;
        });
    });
}

} // namespace evograph::cli
