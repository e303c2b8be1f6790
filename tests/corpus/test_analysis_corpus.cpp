// Change analysis on real and generated data: precision and recall per change kind against
// gen_ontology.py's ground truth, schema.org releases (additions reported with the right kind,
// nothing breaking invented), and RO / IAO releases (no restriction change that is not real).

#include "corpus_versions.h"
#include "evograph/analysis/analyze.h"
#include "evograph/evolution/additive.h"

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <unistd.h>

using namespace evograph;
using namespace evograph::analysis;
using namespace evograph::test;
namespace fs = std::filesystem;

namespace {
std::string iri(const rdf::Dictionary& d, rdf::TermId t)
{
    return t ? std::string(d.term(t).value) : std::string();
}

// A change as the generator's truth names it: kind plus the IRIs that identify it.
using Key = std::vector<std::string>;

Key truthKey(const nlohmann::json& c)
{
    std::string kind = c["kind"];
    if (kind == "literal_changed") {
        const std::string what = c["what"];
        kind = what == "class rdfs:label" ? "label_changed" : what == "class rdfs:comment" ? "comment_changed" : kind;
    }
    if (kind.ends_with("_renamed"))
        return {kind, c["old_iri"], c["new_iri"]};
    if (kind.starts_with("restriction_"))
        return {kind, c["class"], c["on_property"]};
    if (kind == "ontology_version_changed")
        return {kind};
    return {kind, c["iri"]};
}

Key ourKey(const Change& c, const rdf::Dictionary& d)
{
    const std::string kind(toString(c.kind));
    if (c.oldIri)
        return {kind, iri(d, c.oldIri), iri(d, c.newIri)};
    if (kind.starts_with("restriction_"))
        return {kind, iri(d, c.iri), iri(d, c.property)};
    if (c.kind == ChangeKind::OntologyVersionChanged)
        return {kind};
    return {kind, iri(d, c.iri)};
}

} // namespace

TEST_CASE("analysis finds the generator's changes: precision and recall >= 0.95 per kind", "[analysis][corpus]")
{
    if (!generatorAvailable())
        SKIP("gen_ontology.py or python3 is not available (expected ../shared/tools beside the checkout)");
    const fs::path dir = fs::temp_directory_path() / ("evograph-analysis-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    // Four times the default change rates, so every kind is present many times.
    for (const int seed : {4, 5, 6}) {
        INFO("seed " << seed);
        const fs::path v1 = dir / ("v1-" + std::to_string(seed) + ".ttl");
        const fs::path v2 = dir / ("v2-" + std::to_string(seed) + ".ttl");
        const std::string generator = "python3 '" + kGenerator.string() + "'";
        const std::string generate = generator + " --triples 40000 --seed " + std::to_string(seed) + " --out '"
            + v1.string() + "' > /dev/null 2>&1 && " + generator + " --evolve --change-scale 4 --change-seed "
            + std::to_string(seed + 10) + " --from '" + v1.string() + "' --out '" + v2.string() + "' > /dev/null 2>&1";
        REQUIRE(std::system(generate.c_str()) == 0);
        nlohmann::json truth;
        std::ifstream(dir / ("v2-" + std::to_string(seed) + ".changes.json")) >> truth;

        const Versions v = readVersions(v1, v2);
        const Analysis analysis = analyzeDatasets(v.oldData, v.newData);
        std::map<std::string, std::set<Key>> expected, found;
        for (const auto& c : truth["changes"]) {
            const Key key = truthKey(c);
            expected[key.front()].insert(key);
        }
        for (const Change& c : analysis.changes) {
            const Key key = ourKey(c, *v.dictionary);
            found[key.front()].insert(key);
        }
        REQUIRE(expected.size() >= 15); // the kinds the generator makes, renames included
        for (const auto& [kind, keys] : expected) {
            std::size_t hits = 0;
            for (const Key& key : found[kind])
                hits += keys.contains(key);
            const double precision = found[kind].empty() ? 0 : double(hits) / double(found[kind].size());
            const double recall = double(hits) / double(keys.size());
            INFO(kind << ": expected " << keys.size() << ", found " << found[kind].size() << ", matching " << hits);
            CHECK(precision >= 0.95);
            CHECK(recall >= 0.95);
        }
        // Renames carry confidence and evidence.
        for (const Change& c : analysis.changes)
            if (c.oldIri) {
                CHECK(c.confidence.value_or(0) >= 0.65);
                CHECK_FALSE(c.evidence.empty());
            }
    }
    fs::remove_all(dir);
}

TEST_CASE("schema.org releases: additions with the right kind, nothing breaking invented", "[analysis][corpus]")
{
    if (!fs::exists(kCorpus / "schemaorg"))
        SKIP("the shared corpus is not at " << kCorpus.string());
    const auto files = releases(kCorpus / "schemaorg", "schemaorg-all-https.ttl");
    REQUIRE(files.size() >= 2);
    for (std::size_t i = 1; i < files.size(); ++i) {
        INFO(files[i - 1].parent_path().filename().string() << " -> " << files[i].parent_path().filename().string());
        const Versions v = readVersions(files[i - 1], files[i]);
        const rdf::Dictionary& d = *v.dictionary;
        const KnownTerms terms(d);
        const OntologyIndex oldIndex(v.oldData, terms), newIndex(v.newData, terms);
        const Analysis analysis = analyzeIndexed(oldIndex, newIndex);
        // Every term NEW declares that OLD did not use is reported as added, with its kind.
        std::set<std::string> addedClasses, addedProperties;
        for (const Change& c : analysis.changes) {
            if (c.kind == ChangeKind::ClassAdded)
                addedClasses.insert(iri(d, c.iri));
            if (c.kind == ChangeKind::PropertyAdded)
                addedProperties.insert(iri(d, c.iri));
        }
        for (const rdf::TermId entity : newIndex.entities()) {
            if (oldIndex.isSubject(entity))
                continue;
            if (newIndex.category(entity) == EntityCategory::Class)
                CHECK(addedClasses.contains(iri(d, entity)));
            if (newIndex.category(entity) == EntityCategory::Property)
                CHECK(addedProperties.contains(iri(d, entity)));
        }
        // Breaking only for what really breaks: a term gone, or a superclass lost for good.
        for (const Change& c : analysis.changes)
            if (c.severity == Severity::Breaking) {
                INFO(toString(c.kind) << " " << iri(d, c.subject()) << ": " << c.reason);
                const bool gone = c.oldIri ? !newIndex.isSubject(c.oldIri) : !newIndex.isSubject(c.iri);
                const bool lostSuperclass = c.kind == ChangeKind::SuperclassRemoved && !c.removed.empty()
                    && !newIndex.isSubclassOf(c.iri, c.removed.front().o);
                const bool narrowed = (c.kind == ChangeKind::DomainChanged || c.kind == ChangeKind::RangeChanged)
                    && c.reason.find("narrowed") != std::string::npos;
                CHECK((gone || lostSuperclass || narrowed));
            }
        if (files[i].parent_path().filename() == "v29.3") {
            for (const std::string name : {"companyRegistration", "legalAddress", "legalRepresentative"})
                CHECK(addedProperties.contains("https://schema.org/" + name));
            CHECK(analysis.worst() != Severity::Breaking);
        }
    }
}

TEST_CASE("RO and IAO releases: every restriction change is a real one", "[analysis][corpus]")
{
    for (const auto& [dir, file] : {std::pair {"obo-ro", "ro.owl"}, std::pair {"obo-iao", "iao.owl"}}) {
        if (!fs::exists(kCorpus / dir))
            SKIP("the shared corpus is not at " << kCorpus.string());
        const auto files = releases(kCorpus / dir, file);
        REQUIRE(files.size() >= 2);
        for (std::size_t i = 0; i < files.size(); ++i) {
            INFO(files[i].string());
            if (i == 0) { // a release against itself: nothing at all
                const Versions same = readVersions(files[i], files[i]);
                CHECK(analyzeDatasets(same.oldData, same.newData).changes.empty());
                continue;
            }
            const Versions v = readVersions(files[i - 1], files[i]);
            const KnownTerms terms(*v.dictionary);
            const OntologyIndex oldIndex(v.oldData, terms), newIndex(v.newData, terms);
            const Analysis analysis = analyzeIndexed(oldIndex, newIndex);
            // A class's anonymous superclasses and equivalents, each written out with its blank
            // nodes expanded (sorted), so blank node ids do not matter.
            std::function<std::string(const OntologyIndex&, rdf::TermId, int)> expand;
            expand = [&](const OntologyIndex& index, rdf::TermId node, int depth) {
                if (!v.dictionary->isBlank(node) || depth > 8)
                    return iri(*v.dictionary, node);
                std::vector<std::string> parts;
                for (const rdf::Quad& q : index.data().withSubject(node))
                    parts.push_back(iri(*v.dictionary, q.p) + "=" + expand(index, q.o, depth + 1));
                std::sort(parts.begin(), parts.end());
                std::string out = "[";
                for (const std::string& part : parts)
                    out += part + ";";
                return out + "]";
            };
            auto restrictions = [&](const OntologyIndex& index, rdf::TermId cls) {
                std::multiset<std::string> out;
                for (const rdf::TermId p : {terms.rdfsSubClassOf, terms.owlEquivalentClass})
                    for (const rdf::TermId node : index.objects(cls, p))
                        if (v.dictionary->isBlank(node))
                            out.insert(expand(index, node, 0));
                return out;
            };
            for (const Change& c : analysis.changes) {
                if (c.kind != ChangeKind::RestrictionAdded && c.kind != ChangeKind::RestrictionRemoved
                    && c.kind != ChangeKind::RestrictionChanged)
                    continue;
                INFO(toString(c.kind) << " on " << iri(*v.dictionary, c.iri));
                CHECK(restrictions(oldIndex, c.iri) != restrictions(newIndex, c.iri));
            }
        }
    }
}

TEST_CASE("consecutive corpus releases: at most 5% of changes are unclassified", "[analysis][corpus]")
{
    if (!fs::exists(kCorpus / "schemaorg"))
        SKIP("the shared corpus is not at " << kCorpus.string());
    for (const auto& [dir, file] : {std::pair {"schemaorg", "schemaorg-all-https.ttl"}, std::pair {"obo-ro", "ro.owl"},
             std::pair {"obo-iao", "iao.owl"}}) {
        const auto files = releases(kCorpus / dir, file);
        for (std::size_t i = 1; i < files.size(); ++i) {
            const Versions v = readVersions(files[i - 1], files[i]);
            const Analysis analysis = analyzeDatasets(v.oldData, v.newData);
            const KnownTerms terms(*v.dictionary);
            std::size_t other = 0;
            for (const Change& c : analysis.changes) {
                other += c.kind == ChangeKind::Other;
                // No RDF, RDFS or OWL vocabulary term but OWL's own annotation properties is an annotation.
                if (c.kind == ChangeKind::AnnotationChanged && terms.isLanguageTerm(c.property))
                    CHECK(terms.isBuiltinAnnotation(c.property));
            }
            const double share = analysis.changes.empty() ? 0 : double(other) / double(analysis.changes.size());
            INFO(files[i - 1] << " -> " << files[i] << ": " << other << " of " << analysis.changes.size()
                              << " changes are 'other'");
            CHECK(share <= 0.05);
        }
    }
}

TEST_CASE("additive evolution of consecutive corpus releases: nothing breaking, the rest is what was left out",
    "[analysis][corpus][evolve]")
{
    if (!fs::exists(kCorpus / "schemaorg"))
        SKIP("the shared corpus is not at " << kCorpus.string());
    using Key = std::pair<std::string, std::string>;
    for (const auto& [dir, file] : {std::pair {"schemaorg", "schemaorg-all-https.ttl"}, std::pair {"obo-ro", "ro.owl"},
             std::pair {"obo-iao", "iao.owl"}}) {
        const auto files = releases(kCorpus / dir, file);
        for (std::size_t i = 1; i < files.size(); ++i) {
            INFO(files[i - 1] << " -> " << files[i]);
            const Versions v = readVersions(files[i - 1], files[i]);
            const rdf::Dictionary& d = *v.dictionary;
            analysis::AnalyzedVersions versions {v.oldData, v.newData, rdf::Dataset(v.dictionary), {}};
            versions.analysis = analyzeDatasets(versions.oldData, versions.newData);
            const evolution::Evolution evolved = evolution::evolve(versions, evolution::Strategy::Additive);
            auto key = [&](const Change& c) { return Key {std::string(toString(c.kind)), iri(d, c.subject())}; };
            std::multiset<Key> applied, leftOut, first, rest;
            for (const std::size_t k : evolved.applied)
                applied.insert(key(versions.analysis.changes[k]));
            for (const std::size_t k : evolved.leftOut)
                leftOut.insert(key(versions.analysis.changes[k]));
            const Analysis toResult = analyzeDatasets(v.oldData, evolved.result);
            CHECK(toResult.worst() != Severity::Breaking);
            for (const Change& c : toResult.changes)
                first.insert(key(c));
            CHECK(first == applied);
            const Analysis remaining = analyzeDatasets(evolved.result, v.newData);
            std::set<rdf::Quad> remainingRemoved;
            for (const Change& c : remaining.changes) {
                rest.insert(key(c));
                remainingRemoved.insert(c.removed.begin(), c.removed.end());
            }
            for (const Key& k : rest)
                CHECK(leftOut.contains(k));
            // A left-out change missing by its own name is inside another one (a superclass
            // removal inside the removal of the class it pointed at): its statements are there.
            for (const std::size_t k : evolved.leftOut) {
                const Change& c = versions.analysis.changes[k];
                if (rest.contains(key(c)))
                    continue;
                INFO(toString(c.kind) << " " << iri(d, c.subject()));
                CHECK(!c.removed.empty());
                for (const rdf::Quad& q : c.removed)
                    CHECK(remainingRemoved.contains(q));
            }
        }
    }
}
