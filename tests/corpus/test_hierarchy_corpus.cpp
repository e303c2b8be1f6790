// The hierarchy diff on consecutive schema.org releases: every added class sits under each of its
// new parents as added, every class whose parents changed is moved with both parent lists, and
// the tree of the largest release is built well within the studio's budget.
#include "corpus_versions.h"

#include "evograph/analysis/analyze.h"
#include "evograph/analysis/hierarchy_diff.h"

#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>

using namespace evograph;
using namespace evograph::analysis;
using namespace evograph::test;
namespace fs = std::filesystem;

namespace {
// Where each entity sits in the merged tree: the parents it is shown under (kNoTerm: a root).
void places(const HierarchyTree& tree, const std::vector<HierarchyNode>& nodes, rdf::TermId parent,
    std::map<rdf::TermId, std::set<rdf::TermId>>& out)
{
    for (const HierarchyNode& n : nodes) {
        out[tree.entries[n.entry].iri].insert(parent);
        places(tree, n.children, tree.entries[n.entry].iri, out);
    }
}

std::set<rdf::TermId> namedSuperclasses(const OntologyIndex& index, rdf::TermId cls)
{
    std::set<rdf::TermId> out;
    for (const rdf::TermId p : index.superclasses(cls))
        if (index.category(p) == EntityCategory::Class)
            out.insert(p);
    return out;
}
} // namespace

TEST_CASE("schema.org releases: added classes under each new parent, moved ones with both parent lists",
    "[hierarchy][corpus]")
{
    if (!fs::exists(kCorpus / "schemaorg"))
        SKIP("the shared corpus is not at " << kCorpus.string());
    const auto files = releases(kCorpus / "schemaorg", "schemaorg-all-https.ttl");
    REQUIRE(files.size() >= 2);
    std::size_t added = 0, moved = 0;
    double slowest = 0;
    for (std::size_t i = 1; i < files.size(); ++i) {
        INFO(files[i - 1].parent_path().filename().string() << " -> " << files[i].parent_path().filename().string());
        const Versions v = readVersions(files[i - 1], files[i]);
        const KnownTerms terms(*v.dictionary);
        const OntologyIndex oldIndex(v.oldData, terms), newIndex(v.newData, terms);
        const Analysis analysis = analyzeIndexed(oldIndex, newIndex);
        const auto start = std::chrono::steady_clock::now();
        const HierarchyTree tree = buildHierarchy(oldIndex, newIndex, analysis, HierarchyKind::Classes);
        slowest = std::max(slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        std::map<rdf::TermId, std::set<rdf::TermId>> placed;
        places(tree, tree.roots, rdf::kNoTerm, placed);

        for (const rdf::TermId cls : newIndex.entities()) {
            if (newIndex.category(cls) != EntityCategory::Class || terms.isLanguageTerm(cls))
                continue;
            const HierarchyEntry* e = tree.find(cls);
            REQUIRE(e);
            const std::set<rdf::TermId> parents = namedSuperclasses(newIndex, cls);
            const bool isNew = oldIndex.category(cls) != EntityCategory::Class && e->renamedFrom == rdf::kNoTerm;
            if (isNew) {
                ++added;
                CHECK(e->status == NodeStatus::Added);
                // Under each of its new parents (a root when it has none).
                CHECK(placed[cls] == (parents.empty() ? std::set {rdf::kNoTerm} : parents));
            } else if (e->renamedFrom == rdf::kNoTerm && namedSuperclasses(oldIndex, cls) != parents) {
                ++moved;
                CHECK(e->status == NodeStatus::Moved);
                CHECK(std::set(e->oldParents.begin(), e->oldParents.end()) == namedSuperclasses(oldIndex, cls));
                CHECK(std::set(e->newParents.begin(), e->newParents.end()) == parents);
            } else if (e->status == NodeStatus::Moved) {
                FAIL_CHECK("moved without a change of parents: " << v.dictionary->term(cls).value);
            }
        }
    }
    CHECK(added > 10); // the releases do add classes and move some: the checks above ran
    CHECK(moved > 0);
    CHECK(slowest < 0.2); // the bar; bench/hierarchy_benchmark.cpp measures it properly
}
