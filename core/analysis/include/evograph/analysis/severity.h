#pragma once
// Severity of a change: safe, cosmetic or breaking, each with a one-line reason.
//
// The rules (docs/analysis.md lists them all): additions are safe; removals and renames that drop
// the old IRI are breaking; deprecation is safe with a warning; labels, comments and version
// metadata are cosmetic; a domain or range that now covers less (by the class hierarchy and the
// XSD datatype hierarchy) is breaking and one that covers more is safe; a restriction that makes a
// property required or limits its values is breaking, one lifted or loosened is safe; losing a
// superclass is breaking unless the class is still below it through another path.
//
// A user override file can re-rate a kind, an entity, or one kind for one entity (YAML):
//   kinds:    { label_changed: breaking }
//   entities: { "http://example.org/onto#Legacy": safe,
//               "http://example.org/onto#User": { restriction_added: cosmetic } }
#include "evograph/analysis/change.h"
#include "evograph/analysis/ontology_index.h"

#include <map>
#include <string>
#include <unordered_map>

namespace evograph::analysis {

// Sets severity and reason on every change. `oldIndex` may be over OLD with renames applied;
// `blankMatches` (OLD's blank node -> NEW's, as the diff paired them) tells a rule whose atoms only
// took other variables from one that changed.
void rateChanges(std::vector<Change>& changes, const OntologyIndex& oldIndex, const OntologyIndex& newIndex,
    const std::unordered_map<rdf::TermId, rdf::TermId>& blankMatches = {});

struct SeverityOverrides {
    std::string source; // the file, named in the reasons of re-rated changes
    std::map<ChangeKind, Severity> kinds;
    std::map<std::string, Severity> entities; // by IRI, every kind
    std::map<std::pair<std::string, ChangeKind>, Severity> entityKinds; // by IRI and kind: wins over the others
    bool empty() const { return kinds.empty() && entities.empty() && entityKinds.empty(); }
};

// Throws evograph::Error naming FILE:LINE:COL for bad YAML, unknown kinds or severities.
SeverityOverrides loadSeverityOverrides(const std::string& path);

// Re-rates the changes an override names (the entity is the change's iri, or its old or new IRI).
void applyOverrides(
    std::vector<Change>& changes, const SeverityOverrides& overrides, const rdf::Dictionary& dictionary);

} // namespace evograph::analysis
