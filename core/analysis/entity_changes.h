#pragma once
// Folds a triple diff into entity-level changes (internal to the analysis).
//
// Every changed quad belongs to one group: the named entity that owns it (its subject, or the
// entity that owns its blank subject), the predicate that leads from the entity to it, and the
// blank node directly under the entity, if any. Groups are then read as changes:
// - the entity was added or removed as a whole: one *_added / *_removed change owns everything;
// - a group whose removed quads mention an entity that was removed (an instance retyped away from
//   a removed class, an assertion with a removed property, a link to a removed individual, a
//   range redirected from a removed class) is a consequence of that removal and belongs to it;
// - otherwise the predicate decides: labels, comments, domain, range, superclasses, restrictions
//   (blank node superclasses), deprecation, version metadata, instance values.
#include "evograph/analysis/change.h"
#include "evograph/analysis/ontology_index.h"
#include "evograph/analysis/rename_detection.h"
#include "evograph/diff/graph_diff.h"

namespace evograph::analysis::detail {

// `oldIndex` is over OLD with the renames already applied (so the diff holds no rename noise);
// renames whose old IRI could not be rewritten (merges) are folded here instead.
std::vector<Change> entityChanges(const OntologyIndex& oldIndex, const OntologyIndex& newIndex,
    const diff::GraphDiff& diff, const std::vector<RenameMatch>& renames);

} // namespace evograph::analysis::detail
