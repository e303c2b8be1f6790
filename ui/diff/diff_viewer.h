#pragma once
// The diff viewer: what changed between two versions of an ontology, entity by entity. A tree of
// changes (grouped and filtered), the ontology header, and for the selected change its reason,
// rename evidence and impact, with the entity before and after side by side in Turtle. Its
// Hierarchy mode shows the class, property and concept trees of both versions instead of the list
// (hierarchy_view.h); a term picked there shows its grouped change and Turtle the same way.
// F7 / Shift+F7 step through the changes that pass the filter (in either mode).

#include "common/engine_adapter.h"
#include "common/graph_versions.h"
#include "diff/change_tree_model.h"

#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolButton;
class QTreeView;

namespace evograph::ui {

class HierarchyView;
class SideBySideView;

enum class ExportFormat { Markdown, Html, Json, RdfPatch };

class DiffViewer : public QWidget {
    Q_OBJECT
public:
    explicit DiffViewer(EngineAdapter& engine, QWidget* parent = nullptr);

    // Reads and analyses two files (and instance data for impact counts) on a worker thread; a
    // newer comparison supersedes one still running.
    void compareFiles(const QString& oldPath, const QString& newPath, const QStringList& dataFiles = {});
    // The same for versions that come from elsewhere (snapshots): `read` runs on the worker.
    using VersionsReader = ui::VersionsReader;
    void compareVersions(VersionsReader read, const QString& oldName, const QString& newName);
    // `tree`: the change tree built for it on the comparison's worker (used when it has the grouping
    // the viewer shows now).
    void setSession(std::shared_ptr<const DiffSession> session, std::optional<ChangeTree> tree = std::nullopt);
    const std::shared_ptr<const DiffSession>& session() const { return m_model->session(); }

    void next();
    void previous();
    void selectPosition(int position);
    // Selects the first change of the term (its IRI; a rename's old or new IRI too), else the first
    // about it (a restriction on it as property), clearing the filter when it hides it. False when
    // no change concerns the term.
    bool showTerm(const QString& iri);
    int currentPosition() const; // among the visible changes; -1 when none is selected
    QString counterText() const; // "12 / 340"
    // Regrouping and filtering rebuild the change tree: for a comparison of at least
    // backgroundTreeFrom() changes on a worker, swapped in when built (treeShown follows), so the
    // GUI never waits for it; smaller ones at once.
    void setGrouping(Grouping grouping);
    void setFilter(const ChangeFilter& filter); // also updates the filter widgets
    void setBackgroundTreeFrom(std::size_t changes) { m_backgroundTreeFrom = changes; }
    std::size_t backgroundTreeFrom() const { return m_backgroundTreeFrom; }
    bool treePending() const { return m_treeJob != 0; }
    void setFoldUnchanged(bool fold);

    enum class Mode { List, Hierarchy };
    void setMode(Mode mode);
    void focusSearch(); // Edit ▸ Find: the search field of the list, or of the Hierarchy mode
    Mode mode() const;
    HierarchyView* hierarchyView() const { return m_hierarchy; }

    // Writes the report on a worker thread (atomically); `exported` or the engine's jobFailed follow.
    int exportReport(ExportFormat format, const QString& path);

    ChangeTreeModel* model() const { return m_model; }
    SideBySideView* sideBySide() const { return m_sides; }
    QAction* nextAction() const { return m_next; }
    QAction* previousAction() const { return m_previous; }
    // Markdown, HTML, JSON, RDF Patch: each asks for a file, then exportReport (the main window's File menu shows it
    // too).
    QMenu* exportMenu() const { return m_exportMenu; }

Q_SIGNALS:
    void sessionReady();
    void comparisonFailed(const QString& message);
    void exported(const QString& path);
    void eventHappened(const QString& what); // for the metric charts' markers
    void treeShown(); // a regrouped or refiltered tree is in the model

private:
    QWidget* buildFilterBar();
    void startComparison(VersionsReader read, const QString& oldName, const QString& newName);
    void applyFilterWidgets();
    void showTree(Grouping grouping, const ChangeFilter& filter);
    Grouping shownGrouping() const; // what the grouping box says
    void fillFilterChoices();
    void showCurrent();
    // The grouped change of one term of a hierarchy: its status, severity, reasons, impact, Turtle.
    void showHierarchyEntry(analysis::HierarchyKind kind, std::size_t entry);
    void updateHeader();
    void updateCounter();
    void chooseExport(ExportFormat format);

    EngineAdapter& m_engine;
    ChangeTreeModel* m_model;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    QLabel* m_header;
    QTreeView* m_tree;
    HierarchyView* m_hierarchy;
    QStackedWidget* m_left; // the change tree or the hierarchy
    QSplitter* m_splitter = nullptr;
    QComboBox* m_mode;
    QList<QWidget*> m_listOnly; // the list's grouping and filter widgets, hidden in Hierarchy mode
    QLabel* m_details;
    SideBySideView* m_sides;
    QComboBox* m_grouping;
    QComboBox* m_kind;
    QComboBox* m_severity;
    QComboBox* m_namespace;
    QLineEdit* m_search;
    QCheckBox* m_fold;
    QLabel* m_counter;
    QAction* m_next;
    QAction* m_previous;
    QMenu* m_exportMenu = nullptr;
    QTimer* m_searchDelay;
    bool m_updatingWidgets = false;
    std::size_t m_backgroundTreeFrom = 20000;
    int m_treeJob = 0; // the tree being built on a worker; 0 when none is
};

} // namespace evograph::ui
