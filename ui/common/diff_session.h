#pragma once
// One comparison the diff viewer shows: both versions (and any instance data) over one
// Dictionary, their change analysis, and what the viewer needs per change precomputed on the
// worker thread (display names, namespace, the class it is grouped under, search text), so that
// filtering 100,000 changes on the GUI thread is a scan over plain strings.

#include "evograph/analysis/analyze_paths.h"
#include "evograph/analysis/hierarchy_report.h"
#include "evograph/analysis/report.h"
#include "evograph/engine/thread_pool.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace evograph::ui {

struct ChangeRow {
    QString entity; // CURIE or <IRI>; "old → new" for renames
    QString label;
    QString nameSpace; // the entity IRI up to its last '#' or '/'
    int classGroup = -1; // the node of DiffSession::classTree the change is grouped under; -1: none
    QString search; // lower case: entity, label, kind, reason
};

struct OntologyHeader {
    QString oldIri, newIri, oldVersion, newVersion, priorVersion;
    QStringList newlyDeprecated;
};

// A class in the hierarchy the changes are grouped by, below its parent (-1: a top class).
struct ClassGroup {
    QString title;
    int parent = -1;
};

struct DiffSession {
    QString oldName, newName; // as the user named the inputs
    QString oldTitle, newTitle; // short forms for titles: file names, with their folder when those are equal
    analysis::AnalyzedVersions versions;
    rdf::PrefixMap prefixes; // both inputs', NEW's first
    std::vector<ChangeRow> rows; // parallel to versions.analysis.changes
    std::vector<ClassGroup> classTree; // parents before their children
    OntologyHeader header;
    QStringList namespaces; // of the changed entities, most changes first
    bool hasData = false; // impact counts were measured
    // The class, property and concept hierarchies (in HierarchyKind order), each with its two
    // outlines aligned for the side-by-side Hierarchy mode; built on the worker with the rest.
    std::vector<analysis::HierarchyTree> hierarchies;
    std::vector<std::vector<analysis::AlignedRow>> alignedHierarchies;

    const analysis::Analysis& analysis() const { return versions.analysis; }
    const rdf::Dictionary& dictionary() const { return versions.newData.dictionary(); }
    analysis::ReportContext reportContext() const
    {
        return {dictionary(), prefixes, oldName.toStdString(), newName.toStdString()};
    }
    QString display(rdf::TermId term) const;
};

// Prepares a session from versions read into one Dictionary (two files through analyzePaths, or
// two snapshots' graphs).
DiffSession prepareSession(analysis::AnalyzedVersions versions, const QString& oldName, const QString& newName,
    const engine::TaskContext& context);

// "class_added" → "Class added".
QString kindTitle(analysis::ChangeKind kind);

} // namespace evograph::ui
