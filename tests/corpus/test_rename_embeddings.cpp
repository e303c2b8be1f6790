// Rename detection with and without the embedding signal, on pairs made from a real ontology (RO):
// terms renamed (a new IRI) and relabelled (an invented label, no word of the old one), their
// definitions dropped, every statement about and around them kept. The shared generator makes no
// such pairs, so this test makes its own. Recall must rise clearly (by 0.25 or more), precision must not fall.
#include "evograph/analysis/rename_detection.h"
#include "evograph/embed/rename_signal.h"
#include "evograph/engine/hashing.h"
#include "evograph/rdf/path_reader.h"

#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <unordered_map>

using namespace evograph;

namespace {
const std::filesystem::path kRo = std::filesystem::path(EVOGRAPH_CORPUS) / "obo-ro" / "v2025-06-24" / "ro.owl";

// Two invented words, pronounceable and unlike any English label.
std::string inventedLabel(std::uint64_t seed)
{
    static const char* syllables[]
        = {"zor", "vak", "ten", "mil", "quo", "dra", "fex", "lun", "pim", "gar", "sud", "wob"};
    std::string label;
    for (int word = 0; word < 2; ++word) {
        label += word ? " " : "";
        for (int s = 0; s < 3; ++s)
            seed = engine::mix(seed + 0x9e3779b97f4a7c15ULL), label += syllables[seed % std::size(syllables)];
    }
    return label;
}

struct Scores {
    double precision = 0, recall = 0;
    std::size_t found = 0, right = 0;
};

Scores score(
    const std::vector<analysis::RenameMatch>& matches, const std::unordered_map<rdf::TermId, rdf::TermId>& truth)
{
    Scores s;
    s.found = matches.size();
    for (const analysis::RenameMatch& m : matches) {
        const auto t = truth.find(m.oldIri);
        s.right += t != truth.end() && t->second == m.newIri;
    }
    s.precision = s.found ? static_cast<double>(s.right) / static_cast<double>(s.found) : 1;
    s.recall = static_cast<double>(s.right) / static_cast<double>(truth.size());
    return s;
}
} // namespace

TEST_CASE(
    "renames: the embedding signal finds renamed and relabelled terms by their structure", "[embed][rename][corpus]")
{
    if (!std::filesystem::exists(kRo))
        SKIP("the shared corpus is not at " << kRo.string());
    auto dictionary = std::make_shared<rdf::Dictionary>();
    rdf::Dataset oldData(dictionary), newData(dictionary);
    rdf::readPath(kRo.string(), oldData);
    oldData.finalize();
    const analysis::KnownTerms terms(*dictionary);
    const analysis::OntologyIndex oldIndex(oldData, terms);

    // Every 6th labelled class or property of RO's own (obo: IRIs), up to 120 of them.
    std::unordered_map<rdf::TermId, rdf::TermId> renamed; // old -> new
    std::unordered_map<rdf::TermId, rdf::TermId> newLabel;
    std::size_t seen = 0;
    for (const rdf::TermId iri : oldIndex.entities()) {
        const auto category = oldIndex.category(iri);
        if ((category != analysis::EntityCategory::Class && category != analysis::EntityCategory::Property)
            || !oldIndex.label(iri) || !dictionary->term(iri).value.starts_with("http://purl.obolibrary.org/obo/")
            || seen++ % 6 != 0 || renamed.size() == 120)
            continue;
        const std::size_t n = renamed.size();
        renamed.emplace(iri, dictionary->iri("http://example.org/renamed/T" + std::to_string(n)));
        newLabel.emplace(iri, dictionary->literal(inventedLabel(n)));
    }
    const auto map = [&](rdf::TermId t) {
        const auto r = renamed.find(t);
        return r == renamed.end() ? t : r->second;
    };
    for (const rdf::Quad& q : oldData.quads()) {
        const bool isRenamed = renamed.count(q.s) != 0;
        if (isRenamed && terms.isComment(q.p))
            continue; // the definition goes
        rdf::Quad out {map(q.s), map(q.p), map(q.o), q.g};
        if (isRenamed && terms.isLabel(q.p))
            out.o = newLabel.at(q.s);
        newData.add(out);
    }
    newData.finalize();
    const analysis::OntologyIndex newIndex(newData, terms);

    const Scores without = score(analysis::detectRenames(oldIndex, newIndex), renamed);
    analysis::RenameOptions options;
    options.versionSignals = embed::embeddingRenameSignals(config::Config {}, "builtin");
    const auto started = std::chrono::steady_clock::now();
    const std::vector<analysis::RenameMatch> matches = analysis::detectRenames(oldIndex, newIndex, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const Scores with = score(matches, renamed);
    WARN("RO, " << renamed.size() << " terms renamed and relabelled: without embeddings precision " << without.precision
                << " recall " << without.recall << " (" << without.right << "/" << without.found
                << "); with builtin embeddings precision " << with.precision << " recall " << with.recall << " ("
                << with.right << "/" << with.found << ") in " << seconds << " s");
    CHECK(with.recall >= without.recall + 0.25);
    CHECK(with.precision >= without.precision);
    bool evidenced = false;
    for (const analysis::RenameMatch& m : matches)
        for (const std::string& e : m.evidence)
            evidenced |= e.rfind("embedding 0.", 0) == 0 && e.find(", builtin") != std::string::npos;
    CHECK(evidenced);
}
