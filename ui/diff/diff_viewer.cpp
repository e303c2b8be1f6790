#include "diff_viewer.h"

#include "common/side_by_side_view.h"
#include "diff/entity_turtle.h"
#include "diff/hierarchy_view.h"

#include "evograph/diff/rdf_patch.h"
#include "evograph/engine/atomic_file.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace evograph::ui {

namespace {
class MiddleElidingDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

using analysis::ChangeKind;
using analysis::Severity;

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

// For changes no entity owns (a general axiom): the statements themselves, one per line.
QString statementLines(const DiffSession& session, const std::vector<rdf::Quad>& quads)
{
    QStringList lines;
    for (const rdf::Quad& quad : quads)
        lines << QStringLiteral("%1 %2 %3 .")
                     .arg(session.display(quad.s), session.display(quad.p), session.display(quad.o));
    return lines.join(QLatin1Char('\n'));
}

QString exportText(const DiffSession& session, ExportFormat format)
{
    const analysis::ReportContext context = session.reportContext();
    switch (format) {
    case ExportFormat::Markdown:
        return QString::fromStdString(analysis::markdownReport(session.analysis(), context));
    case ExportFormat::Html:
        return QString::fromStdString(analysis::htmlReport(session.analysis(), context));
    case ExportFormat::Json:
        return QString::fromStdString(analysis::jsonReport(session.analysis(), context));
    case ExportFormat::RdfPatch:
        break;
    }
    const auto& versions = session.versions;
    const diff::GraphDiff diff = diff::diffDatasets(versions.oldData, versions.newData);
    return QString::fromStdString(diff::writePatch(diff, versions.oldData, versions.newData));
}
} // namespace

DiffViewer::DiffViewer(EngineAdapter& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(new ChangeTreeModel(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_header(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_hierarchy(new HierarchyView(this))
    , m_left(new QStackedWidget(this))
    , m_mode(new QComboBox(this))
    , m_details(new QLabel(this))
    , m_sides(new SideBySideView(this))
    , m_grouping(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_severity(new QComboBox(this))
    , m_namespace(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_fold(new QCheckBox(tr("Fold unchanged lines"), this))
    , m_counter(new QLabel(this))
    , m_next(new QAction(tr("Next Change"), this))
    , m_previous(new QAction(tr("Previous Change"), this))
    , m_searchDelay(new QTimer(this))
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("<h3>No comparison yet</h3><p>Compare two versions of an ontology with "
                              "<b>File ▸ Compare Files…</b> (Ctrl+D), drop two files here, or diff two "
                              "snapshots in the snapshot browser.</p>"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setObjectName(QStringLiteral("changeDetails"));

    m_tree->setModel(m_model);
    m_tree->setObjectName(QStringLiteral("changeTree"));
    m_tree->setUniformRowHeights(true); // lets the view lay out 100,000 rows lazily
    // A cut entity keeps its end (a group's count, a term's label); the change's kind keeps its start.
    m_tree->setItemDelegateForColumn(ChangeTreeModel::Entity, new MiddleElidingDelegate(m_tree));
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(ChangeTreeModel::Kind, QHeaderView::Stretch);
    m_tree->header()->resizeSection(ChangeTreeModel::Entity, 210);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setMinimumSectionSize(40);
    m_tree->header()->resizeSection(ChangeTreeModel::Severity, 95);
    m_tree->header()->resizeSection(ChangeTreeModel::Impact, 55);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &DiffViewer::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandToDepth(m_model->filter().text.isEmpty() ? 0 : 8);
        m_tree->setColumnHidden(ChangeTreeModel::Impact, !session() || !session()->hasData);
        updateCounter();
        if (m_model->visibleChanges() > 0)
            selectPosition(0);
        else
            m_sides->clear(session() ? tr("No change passes the filter.") : QString()), m_details->clear();
    });

    m_next->setShortcut(Qt::Key_F7);
    m_previous->setShortcut(Qt::SHIFT | Qt::Key_F7);
    connect(m_next, &QAction::triggered, this, &DiffViewer::next);
    connect(m_previous, &QAction::triggered, this, &DiffViewer::previous);
    connect(m_hierarchy, &HierarchyView::entitySelected, this, &DiffViewer::showHierarchyEntry);
    addAction(m_next), addAction(m_previous);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_details);
    rightLayout->addWidget(m_sides, 1);
    m_left->addWidget(m_tree);
    m_left->addWidget(m_hierarchy);
    auto* splitter = m_splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({470, 700});

    auto* page = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(6, 6, 6, 6);
    pageLayout->addWidget(m_header);
    pageLayout->addWidget(buildFilterBar());
    pageLayout->addWidget(splitter, 1);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    updateCounter();
}

QWidget* DiffViewer::buildFilterBar()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_grouping->addItem(tr("By severity"), int(Grouping::Severity));
    m_grouping->addItem(tr("By kind"), int(Grouping::Kind));
    m_grouping->addItem(tr("By class hierarchy"), int(Grouping::ClassHierarchy));
    m_grouping->setToolTip(tr("How the changes are grouped"));
    m_severity->addItem(tr("Any severity"));
    for (const Severity severity : {Severity::Breaking, Severity::Cosmetic, Severity::Safe})
        m_severity->addItem(severityBadge(severity), int(severity));
    m_kind->setToolTip(tr("Only changes of this kind"));
    m_namespace->setToolTip(tr("Only entities in this namespace"));
    m_namespace->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_namespace->setMinimumContentsLength(14);
    m_namespace->setMaximumWidth(240);
    m_kind->setMaximumWidth(220);
    m_search->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_search->setObjectName(QStringLiteral("changeSearch"));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150); // filter once typing pauses
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &DiffViewer::applyFilterWidgets);
    for (QComboBox* box : {m_kind, m_severity, m_namespace})
        connect(box, &QComboBox::currentIndexChanged, this, &DiffViewer::applyFilterWidgets);
    // The widgets, not the model, say what to show: the model's tree may still be building.
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &DiffViewer::applyFilterWidgets);
    connect(m_fold, &QCheckBox::toggled, m_sides, &SideBySideView::setFoldUnchanged);

    auto button = [this](QAction* action, QStyle::StandardPixmap icon) {
        action->setIcon(style()->standardIcon(icon));
        auto* tool = new QToolButton(this);
        tool->setDefaultAction(action);
        tool->setToolButtonStyle(Qt::ToolButtonIconOnly);
        tool->setToolTip(QStringLiteral("%1 (%2)").arg(action->text(), action->shortcut().toString()));
        return tool;
    };
    m_counter->setObjectName(QStringLiteral("changeCounter"));
    m_counter->setMinimumWidth(90);
    m_counter->setAlignment(Qt::AlignCenter);
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(tr("&Export Changes"), this);
    exportMenu->addAction(tr("Markdown release notes…"), this, [this] { chooseExport(ExportFormat::Markdown); });
    exportMenu->addAction(tr("HTML release notes…"), this, [this] { chooseExport(ExportFormat::Html); });
    exportMenu->addAction(tr("JSON report…"), this, [this] { chooseExport(ExportFormat::Json); });
    exportMenu->addAction(tr("RDF Patch…"), this, [this] { chooseExport(ExportFormat::RdfPatch); });
    exportButton->setMenu(exportMenu);
    m_exportMenu = exportMenu;

    m_mode->addItem(tr("Changes"), int(Mode::List));
    m_mode->addItem(tr("Hierarchy"), int(Mode::Hierarchy));
    m_mode->setObjectName(QStringLiteral("diffMode"));
    m_mode->setToolTip(tr("The list of changes, or the class, property and concept trees of both versions"));
    m_mode->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { setMode(Mode(m_mode->currentData().toInt())); });
    layout->addWidget(m_mode);
    layout->addWidget(m_grouping);
    layout->addWidget(m_kind);
    layout->addWidget(m_severity);
    layout->addWidget(m_namespace);
    layout->addWidget(m_search, 1);
    m_listOnly = {m_grouping, m_kind, m_severity, m_namespace, m_search, m_counter};
    layout->addStretch(); // takes the room the list's widgets leave in Hierarchy mode
    layout->addWidget(m_fold);
    layout->addWidget(button(m_previous, QStyle::SP_ArrowUp));
    layout->addWidget(m_counter);
    layout->addWidget(button(m_next, QStyle::SP_ArrowDown));
    layout->addWidget(exportButton);
    return bar;
}

void DiffViewer::compareFiles(const QString& oldPath, const QString& newPath, const QStringList& dataFiles)
{
    analysis::AnalysisInputs inputs;
    inputs.oldVersion.path = oldPath.toStdString();
    inputs.newVersion.path = newPath.toStdString();
    for (const QString& path : dataFiles)
        inputs.data.push_back(path.toStdString());
    startComparison(
        [inputs](const engine::TaskContext& context) { return analysis::analyzePaths(inputs, {}, context); }, oldPath,
        newPath);
}

void DiffViewer::compareVersions(VersionsReader read, const QString& oldName, const QString& newName)
{
    startComparison(std::move(read), oldName, newName);
}

void DiffViewer::startComparison(VersionsReader read, const QString& oldName, const QString& newName)
{
    m_placeholder->setText(tr("<h3>Comparing…</h3><p>%1<br>→ %2</p><p>Progress is in the jobs panel; Esc cancels.</p>")
                               .arg(escaped(oldName), escaped(newName)));
    if (!session())
        m_stack->setCurrentWidget(m_placeholder);
    const QString description
        = tr("Comparing %1 → %2").arg(QFileInfo(oldName).fileName(), QFileInfo(newName).fileName());
    // The worker also builds the first change tree (every change, in the grouping shown now), so a
    // comparison of 100,000 changes arrives ready to show.
    struct Prepared {
        std::shared_ptr<const DiffSession> session;
        std::shared_ptr<ChangeTree> tree;
    };
    const int job = m_engine.run(
        this, QStringLiteral("diff"), description, "diff",
        [read = std::move(read), oldName, newName, grouping = shownGrouping()](const engine::TaskContext& context) {
            auto session
                = std::make_shared<const DiffSession>(prepareSession(read(context), oldName, newName, context));
            return Prepared {session, std::make_shared<ChangeTree>(buildChangeTree(session.get(), grouping, {}))};
        },
        [this](std::shared_ptr<const Prepared> result) {
            setSession(result->session, std::move(*result->tree));
            Q_EMIT eventHappened(tr("diff"));
            Q_EMIT sessionReady();
        });
    m_engine.onFailure(job, this, [this](const QString& message) {
        m_placeholder->setText(tr("<h3>The comparison failed</h3><p>%1</p>").arg(escaped(message)));
        Q_EMIT comparisonFailed(message);
    });
}

void DiffViewer::setSession(std::shared_ptr<const DiffSession> session, std::optional<ChangeTree> tree)
{
    // Freeing a large comparison and its tree must not stall the GUI either.
    m_engine.releaseLater(m_model->session());
    m_engine.releaseLater(std::make_shared<ChangeTree>(m_model->setSession(nullptr)));
    const auto grouping = shownGrouping();
    m_model->setGrouping(grouping); // a tree still building is dropped
    m_treeJob = 0;
    m_updatingWidgets = true;
    fillFilterChoices();
    m_updatingWidgets = false;
    if (tree && (tree->grouping != grouping || !(tree->filter == m_model->filter())))
        tree.reset(); // the grouping changed while comparing: built here instead
    m_hierarchy->setSession(session);
    m_model->setSession(std::move(session), std::move(tree));
    updateHeader();
    m_stack->setCurrentIndex(m_model->session() ? 1 : 0);
}

void DiffViewer::fillFilterChoices()
{
    m_kind->clear();
    m_kind->addItem(tr("Any kind"));
    m_namespace->clear();
    m_namespace->addItem(tr("Any namespace"));
    if (const auto& current = m_model->session()) {
        const auto summary = current->analysis().summary();
        for (std::size_t kind = 0; kind < analysis::kChangeKindCount; ++kind)
            if (summary.byKind[kind] > 0)
                m_kind->addItem(
                    QStringLiteral("%1 (%2)").arg(kindTitle(ChangeKind(kind))).arg(summary.byKind[kind]), int(kind));
        for (const QString& name : current->namespaces) {
            const auto curie = current->prefixes.abbreviate(name.toStdString() + "x");
            m_namespace->addItem(curie
                    ? QString::fromStdString(curie->substr(0, curie->size() - 1)) + QStringLiteral("  ") + name
                    : name,
                name);
        }
    }
    m_model->setFilter({});
    m_search->clear();
}

void DiffViewer::applyFilterWidgets()
{
    if (m_updatingWidgets)
        return;
    ChangeFilter filter;
    if (m_kind->currentIndex() > 0)
        filter.kind = ChangeKind(m_kind->currentData().toInt());
    if (m_severity->currentIndex() > 0)
        filter.severity = Severity(m_severity->currentData().toInt());
    if (m_namespace->currentIndex() > 0)
        filter.nameSpace = m_namespace->currentData().toString();
    filter.text = m_search->text().trimmed();
    showTree(shownGrouping(), filter);
}

Grouping DiffViewer::shownGrouping() const
{
    return Grouping(m_grouping->currentData().toInt());
}

void DiffViewer::showTree(Grouping grouping, const ChangeFilter& filter)
{
    const std::shared_ptr<const DiffSession>& session = m_model->session();
    if (!session || session->analysis().changes.size() < m_backgroundTreeFrom) {
        m_model->setGrouping(grouping);
        m_model->setFilter(filter);
        Q_EMIT treeShown();
        return;
    }
    // On the "change-tree" channel: a newer regroup or filter supersedes one still building.
    m_treeJob = m_engine.run(
        this, QStringLiteral("change-tree"),
        tr("Grouping %1 changes").arg(QLocale().toString(static_cast<qulonglong>(session->analysis().changes.size()))),
        "change-tree",
        [session, grouping, filter](const engine::TaskContext&) {
            return std::make_shared<ChangeTree>(buildChangeTree(session.get(), grouping, filter));
        },
        [this, session](const std::shared_ptr<const std::shared_ptr<ChangeTree>>& tree) {
            m_treeJob = 0;
            if (session != m_model->session())
                return; // a new comparison arrived meanwhile
            // 100,000 nodes take milliseconds to free: the old tree goes to a worker.
            m_engine.releaseLater(std::make_shared<ChangeTree>(m_model->setTree(std::move(**tree))));
            Q_EMIT treeShown();
        });
    m_engine.onFailure(m_treeJob, this, [this](const QString&) { m_treeJob = 0; });
}

void DiffViewer::setFilter(const ChangeFilter& filter)
{
    m_updatingWidgets = true;
    m_kind->setCurrentIndex(filter.kind ? std::max(0, m_kind->findData(int(*filter.kind))) : 0);
    m_severity->setCurrentIndex(filter.severity ? std::max(0, m_severity->findData(int(*filter.severity))) : 0);
    m_namespace->setCurrentIndex(filter.nameSpace.isEmpty() ? 0 : std::max(0, m_namespace->findData(filter.nameSpace)));
    m_search->setText(filter.text);
    m_searchDelay->stop();
    m_updatingWidgets = false;
    applyFilterWidgets();
}

void DiffViewer::setGrouping(Grouping grouping)
{
    m_grouping->setCurrentIndex(m_grouping->findData(int(grouping)));
}

void DiffViewer::setFoldUnchanged(bool fold)
{
    m_fold->setChecked(fold);
}

void DiffViewer::focusSearch()
{
    if (mode() == Mode::Hierarchy)
        return m_hierarchy->focusSearch();
    m_search->setFocus();
    m_search->selectAll();
}

void DiffViewer::setMode(Mode mode)
{
    if (m_mode->currentData().toInt() != int(mode))
        m_mode->setCurrentIndex(m_mode->findData(int(mode))); // comes back here
    const bool changing = (mode == Mode::Hierarchy) != (m_left->currentWidget() == m_hierarchy);
    m_left->setCurrentWidget(mode == Mode::Hierarchy ? static_cast<QWidget*>(m_hierarchy) : m_tree);
    if (changing) { // the two trees side by side want more room than the list
        const int total = m_splitter->width() > 0 ? m_splitter->width() : 1170;
        m_splitter->setSizes(
            mode == Mode::Hierarchy ? QList<int> {total / 2, total / 2} : QList<int> {total * 2 / 5, total * 3 / 5});
    }
    for (QWidget* widget : m_listOnly)
        widget->setVisible(mode == Mode::List);
    if (mode == Mode::Hierarchy && m_hierarchy->currentEntry() < 0)
        m_hierarchy->next(); // the first change, with its details
    else if (mode == Mode::List)
        showCurrent();
}

DiffViewer::Mode DiffViewer::mode() const
{
    return m_left->currentWidget() == m_hierarchy ? Mode::Hierarchy : Mode::List;
}

void DiffViewer::showHierarchyEntry(analysis::HierarchyKind kind, std::size_t entry)
{
    const auto& current = session();
    if (!current || static_cast<std::size_t>(kind) >= current->hierarchies.size())
        return;
    const analysis::HierarchyEntry& e = current->hierarchies[static_cast<std::size_t>(kind)].entries[entry];
    QString details
        = QStringLiteral("<b>%1</b>%2<br><span style='color:%3'>%4 %5</span>")
              .arg(escaped(current->display(e.iri)),
                  e.label.empty() ? QString() : QStringLiteral(" “%1”").arg(escaped(QString::fromStdString(e.label))),
                  statusColor(e.status).isValid() ? statusColor(e.status).name() : QStringLiteral("inherit"),
                  escaped(QString::fromUtf8(analysis::statusMark(e.status))),
                  escaped(QString::fromUtf8(analysis::toString(e.status))));
    if (e.severity)
        details += QStringLiteral(" &nbsp; <span style='color:%1'>%2</span>")
                       .arg(severityColor(*e.severity).name(), escaped(severityBadge(*e.severity)));
    const auto names = [&](const std::vector<rdf::TermId>& terms) {
        QStringList out;
        for (const rdf::TermId t : terms)
            out << escaped(current->display(t));
        return out.isEmpty() ? tr("(top)") : out.join(QStringLiteral(", "));
    };
    if (e.status == analysis::NodeStatus::Moved)
        details += tr("<br>Moved from %1 to %2").arg(names(e.oldParents), names(e.newParents));
    if (e.renamedFrom != rdf::kNoTerm)
        details += tr("<br>Renamed from %1").arg(escaped(current->display(e.renamedFrom)));
    if (e.replacedBy != rdf::kNoTerm)
        details += tr("<br>Replaced by %1").arg(escaped(current->display(e.replacedBy)));
    if (!e.reasons.empty()) {
        details += QStringLiteral("<ul style='margin:2px 0'>");
        for (const std::size_t i : e.changes) {
            const analysis::Change& c = current->analysis().changes[i];
            details += QStringLiteral("<li>%1: %2%3</li>")
                           .arg(escaped(kindTitle(c.kind)), escaped(QString::fromStdString(c.reason)),
                               c.impact ? QStringLiteral(" — <i>%1</i>")
                                              .arg(escaped(QString::fromStdString(c.impact->description)))
                                        : QString());
        }
        details += QStringLiteral("</ul>");
    }
    m_details->setText(details);
    const auto& versions = current->versions;
    const rdf::TermId oldIri = e.renamedFrom != rdf::kNoTerm ? e.renamedFrom : e.iri;
    m_sides->setTexts(tr("Before: %1").arg(current->oldTitle),
        e.inOld ? entityTurtle(versions.oldData, oldIri, current->prefixes) : QString(),
        tr("After: %1").arg(current->newTitle),
        e.inNew ? entityTurtle(versions.newData, e.iri, current->prefixes) : QString());
}

void DiffViewer::next()
{
    if (mode() == Mode::Hierarchy)
        return m_hierarchy->next();
    const int position = currentPosition();
    selectPosition(position < 0 ? 0 : std::min(position + 1, m_model->visibleChanges() - 1));
}

void DiffViewer::previous()
{
    if (mode() == Mode::Hierarchy)
        return m_hierarchy->previous();
    const int position = currentPosition();
    selectPosition(position <= 0 ? 0 : position - 1);
}

void DiffViewer::selectPosition(int position)
{
    const QModelIndex index = m_model->indexOfPosition(position);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

bool DiffViewer::showTerm(const QString& iri)
{
    const std::shared_ptr<const DiffSession>& session = m_model->session();
    if (!session)
        return false;
    const std::string text = iri.toStdString();
    const auto term = session->dictionary().findIri(text);
    if (!term)
        return false;
    // A change of the term itself first, else one about it (a restriction on its property, say).
    const std::vector<analysis::Change>& changes = session->analysis().changes;
    for (const bool itself : {true, false})
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const analysis::Change& c = changes[i];
            if (itself ? (c.iri != *term && c.oldIri != *term && c.newIri != *term) : c.property != *term)
                continue;
            if (m_model->positionOfChange(i) < 0)
                setFilter({});
            selectPosition(m_model->positionOfChange(i));
            return true;
        }
    return false;
}

int DiffViewer::currentPosition() const
{
    return m_model->positionOf(m_tree->currentIndex());
}

QString DiffViewer::counterText() const
{
    const int position = currentPosition();
    return QStringLiteral("%1 / %2").arg(position < 0 ? QStringLiteral("–") : QLocale().toString(position + 1),
        QLocale().toString(m_model->visibleChanges()));
}

void DiffViewer::updateCounter()
{
    m_counter->setText(counterText());
    m_next->setEnabled(m_model->visibleChanges() > 0);
    m_previous->setEnabled(m_model->visibleChanges() > 0);
}

void DiffViewer::updateHeader()
{
    const auto& current = session();
    if (!current) {
        m_header->clear();
        return;
    }
    const auto& analysis = current->analysis();
    const auto summary = analysis.summary();
    const auto count = [&](Severity severity) { return summary.bySeverity[static_cast<std::size_t>(severity)]; };
    QString html = QStringLiteral("<b>%1</b> → <b>%2</b>: %3 changes — <span style='color:%4'>%5 breaking</span>, "
                                  "<span style='color:%6'>%7 cosmetic</span>, <span style='color:%8'>%9 safe</span>; "
                                  "%10 → %11 triples")
                       .arg(escaped(current->oldTitle), escaped(current->newTitle),
                           QLocale().toString(static_cast<qulonglong>(analysis.changes.size())),
                           severityColor(Severity::Breaking).name(),
                           QLocale().toString(static_cast<qulonglong>(count(Severity::Breaking))),
                           severityColor(Severity::Cosmetic).name(),
                           QLocale().toString(static_cast<qulonglong>(count(Severity::Cosmetic))),
                           severityColor(Severity::Safe).name(),
                           QLocale().toString(static_cast<qulonglong>(count(Severity::Safe))))
                       .arg(QLocale().toString(static_cast<qulonglong>(analysis.oldTriples)),
                           QLocale().toString(static_cast<qulonglong>(analysis.newTriples)));
    const OntologyHeader& header = current->header;
    if (!header.newIri.isEmpty() || !header.oldIri.isEmpty()) {
        html += QStringLiteral("<br>Ontology %1").arg(escaped(header.newIri.isEmpty() ? header.oldIri : header.newIri));
        if (!header.oldVersion.isEmpty() || !header.newVersion.isEmpty())
            html += QStringLiteral(": version %1 → %2")
                        .arg(escaped(header.oldVersion.isEmpty() ? tr("(none)") : header.oldVersion),
                            escaped(header.newVersion.isEmpty() ? tr("(none)") : header.newVersion));
        if (!header.priorVersion.isEmpty())
            html += QStringLiteral(", prior version %1").arg(escaped(header.priorVersion));
    }
    if (!header.newlyDeprecated.isEmpty()) {
        QStringList shown = header.newlyDeprecated.mid(0, 8);
        html += QStringLiteral("<br>Newly deprecated: %1%2")
                    .arg(escaped(shown.join(QStringLiteral(", "))),
                        header.newlyDeprecated.size() > 8 ? tr(" and %1 more").arg(header.newlyDeprecated.size() - 8)
                                                          : QString());
    }
    m_header->setText(html);
}

void DiffViewer::showCurrent()
{
    updateCounter();
    const QModelIndex index = m_tree->currentIndex();
    const int changeIndex = index.isValid() ? index.data(ChangeTreeModel::kChangeRole).toInt() : -1;
    const auto& current = session();
    if (!current || changeIndex < 0)
        return;
    const analysis::Change& change = current->analysis().changes[static_cast<std::size_t>(changeIndex)];
    const ChangeRow& row = current->rows[static_cast<std::size_t>(changeIndex)];
    QString details = QStringLiteral("<b>%1</b>%2<br>%3 &nbsp; <span style='color:%4'>%5</span> — %6")
                          .arg(escaped(row.entity),
                              row.label.isEmpty() ? QString() : QStringLiteral(" “%1”").arg(escaped(row.label)),
                              escaped(kindBadge(change.kind)), severityColor(change.severity).name(),
                              escaped(severityBadge(change.severity)), escaped(QString::fromStdString(change.reason)));
    if (change.confidence) {
        QStringList evidence;
        for (const std::string& item : change.evidence)
            evidence << escaped(QString::fromStdString(item));
        details += QStringLiteral("<br>Rename confidence %1: %2")
                       .arg(QString::number(*change.confidence, 'f', 2), evidence.join(QStringLiteral("; ")));
    }
    if (change.replacedBy)
        details += QStringLiteral("<br>Replaced by %1").arg(escaped(current->display(change.replacedBy)));
    if (change.impact)
        details += QStringLiteral("<br>Impact on the data: %1")
                       .arg(escaped(QString::fromStdString(change.impact->description)));
    m_details->setText(details);

    const auto& versions = current->versions;
    const bool renamed = change.oldIri != rdf::kNoTerm && change.newIri != rdf::kNoTerm;
    QString before, after;
    if (change.subject() == rdf::kNoTerm) {
        before = statementLines(*current, change.removed);
        after = statementLines(*current, change.added);
    } else {
        before = entityTurtle(versions.oldData, renamed ? change.oldIri : change.iri, current->prefixes);
        after = entityTurtle(versions.newData, renamed ? change.newIri : change.iri, current->prefixes);
    }
    m_sides->setTexts(tr("Before: %1").arg(current->oldTitle), before, tr("After: %1").arg(current->newTitle), after);
}

void DiffViewer::chooseExport(ExportFormat format)
{
    static const char* const filters[] = {"Markdown (*.md)", "HTML (*.html)", "JSON (*.json)", "RDF Patch (*.rdfp)"};
    static const char* const suffixes[] = {".md", ".html", ".json", ".rdfp"};
    if (!session())
        return;
    const QString suggested = QFileInfo(session()->newName).completeBaseName() + QStringLiteral("-changes")
        + QLatin1String(suffixes[int(format)]);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), suggested, tr(filters[int(format)]));
    if (!path.isEmpty())
        exportReport(format, path);
}

int DiffViewer::exportReport(ExportFormat format, const QString& path)
{
    const auto current = session();
    if (!current)
        return 0;
    const std::string file = path.toStdString();
    return m_engine.run(
        this, {}, tr("Exporting %1").arg(QFileInfo(path).fileName()), "export",
        [current, format, file](const engine::TaskContext&) {
            engine::writeFileAtomically(file, exportText(*current, format).toStdString());
            return file;
        },
        [this](std::shared_ptr<const std::string> written) { Q_EMIT exported(QString::fromStdString(*written)); });
}

} // namespace evograph::ui
