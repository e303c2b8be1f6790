#pragma once
// The grouped, filtered tree of a comparison's changes as plain data: built by a pure function so
// a large one (125,000 changes) can be built on a worker and swapped into the model in one step.

#include "common/diff_session.h"

#include <QString>

#include <optional>
#include <vector>

namespace evograph::ui {

enum class Grouping { Severity, Kind, ClassHierarchy };

struct ChangeFilter {
    std::optional<analysis::ChangeKind> kind;
    std::optional<analysis::Severity> severity;
    QString nameSpace; // empty: any
    QString text; // case-insensitive, over entity, label, kind and reason
    bool operator==(const ChangeFilter&) const = default;
};

struct ChangeTree {
    struct Node {
        QString title; // groups only
        int change = -1; // index into the analysis' changes; -1 for a group
        int parent = -1, row = 0;
        int count = 0; // changes below a group
        analysis::Severity worst = analysis::Severity::Safe;
        std::vector<int> children;
    };
    Grouping grouping = Grouping::Severity;
    ChangeFilter filter;
    std::vector<Node> nodes {Node {}}; // [0] is the root
    std::vector<int> order; // change nodes in display order
    std::vector<int> positionOfNode; // by node; -1 for groups
};

// Buckets the changes `filter` accepts by `grouping` (no sorting, no string keys). Safe to call on
// any thread: it only reads the session. A null session gives the empty tree.
ChangeTree buildChangeTree(const DiffSession* session, Grouping grouping, const ChangeFilter& filter);

} // namespace evograph::ui
