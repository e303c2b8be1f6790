#pragma once
// The hierarchies of two versions side by side: the class tree (named rdfs:subClassOf), the
// property tree (rdfs:subPropertyOf, object, datatype and annotation properties alike) and the SKOS
// concept tree (skos:broader, skos:narrower, skos:hasTopConcept / topConceptOf), merged into one
// tree whose every node carries what happened to its entity:
//   added       only NEW has it           removed    only OLD has it
//   moved       a parent added or removed (renames taken into account)
//   renamed     the rename detection paired its old and new IRI
//   deprecated  NEW deprecates it (with the successor NEW names, if any)
//   changed     the analysis has other changes for it       unchanged   none of these
// An entity's changes are grouped into one entry with the worst severity and every reason.
//
// The merged tree places an entity under each of its NEW parents (a removed one under its OLD
// parents). An entity with several parents appears under each; the first place the depth-first
// walk meets holds its subtree, the others are marked `repeated` and hold none. Cycles are broken at
// the edge that closes them (walking in label order), and the broken edges are reported. Roots and
// children are in label order.

#include "evograph/analysis/analyze.h"

#include <optional>
#include <string>
#include <vector>

namespace evograph::analysis {

enum class HierarchyKind : std::uint8_t { Classes, Properties, Concepts };
std::string_view toString(HierarchyKind kind); // "classes", "properties", "concepts"
std::optional<HierarchyKind> parseHierarchyKind(std::string_view name);

enum class NodeStatus : std::uint8_t { Unchanged, Changed, Moved, Renamed, Deprecated, Added, Removed };
std::string_view toString(NodeStatus status); // "unchanged", "changed", ...
// The one-character mark of the text tree: ' ' ~ > ⇄ † + -
std::string_view statusMark(NodeStatus status);

// One entity of one hierarchy, its two places and its grouped change. Terms are NEW's (a renamed
// entity's iri is its new IRI); a removed entity keeps its OLD IRI.
struct HierarchyEntry {
    rdf::TermId iri = rdf::kNoTerm;
    rdf::TermId renamedFrom = rdf::kNoTerm; // its OLD IRI when renamed
    rdf::TermId replacedBy = rdf::kNoTerm; // the successor NEW names for a deprecated entity
    std::string label; // NEW's label, else OLD's; empty when neither has one
    std::string sortKey; // the order of siblings: label (or local name) in lower case, then IRI
    NodeStatus status = NodeStatus::Unchanged;
    bool inOld = false, inNew = false;
    bool deprecated = false; // NEW deprecates it (whatever its status)
    std::optional<Severity> severity; // the worst of its changes; none when it has none
    std::vector<std::string> reasons; // one per change, in the analysis' order
    std::vector<std::size_t> changes; // indexes into Analysis::changes
    std::vector<rdf::TermId> oldParents, newParents; // in NEW's terms, label order
};

struct HierarchyNode {
    std::size_t entry = 0; // into HierarchyTree::entries
    bool repeated = false; // another place of an entity with several parents: no children here
    std::vector<HierarchyNode> children;
    std::size_t size = 1; // nodes in this subtree, itself included
    bool changedBelow = false; // this node or one below it is not unchanged
};

struct BrokenEdge {
    rdf::TermId child = rdf::kNoTerm, parent = rdf::kNoTerm;
    bool inNew = true; // the cycle is NEW's (else OLD's)
};

struct HierarchyTree {
    HierarchyKind kind = HierarchyKind::Classes;
    std::vector<HierarchyEntry> entries;
    std::vector<HierarchyNode> roots;
    std::vector<BrokenEdge> brokenCycles;
    std::size_t changedEntries() const;
    // The entry of an IRI (NEW's, or OLD's for a removed or renamed one); nullptr when absent.
    const HierarchyEntry* find(rdf::TermId iri) const;
};

// Both indexes and the analysis must come from the same analyzeIndexed call (one Dictionary).
HierarchyTree buildHierarchy(
    const OntologyIndex& oldIndex, const OntologyIndex& newIndex, const Analysis& analysis, HierarchyKind kind);

// Keeps the nodes that are not unchanged and their ancestors; every node keeps a count of what
// it dropped below it (HierarchyNode::size stays the full subtree's).
struct PrunedNode {
    const HierarchyNode* node = nullptr;
    std::vector<PrunedNode> children;
    std::size_t foldedUnchanged = 0; // unchanged nodes below it that are not shown
};
std::vector<PrunedNode> changedOnly(const std::vector<HierarchyNode>& roots, std::size_t& foldedRoots);

// Two outlines aligned line by line for a side-by-side view, as a diff tool aligns text: the OLD
// tree and the NEW tree in depth-first order, an entity on the same row in both where the order
// allows (longest common subsequence), and where it does not (a move) on a row of its own on each
// side, linked by the entry index. Repeated places are left out.
struct AlignedRow {
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t oldEntry = kNone, newEntry = kNone; // kNone: nothing on that side of the row
    int oldDepth = 0, newDepth = 0;
};
std::vector<AlignedRow> alignOutlines(const HierarchyTree& tree);

} // namespace evograph::analysis
