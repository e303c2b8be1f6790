#include "hierarchy_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace evograph::ui {

using analysis::HierarchyKind;
using analysis::NodeStatus;

// Drawn over the table: for each moved or renamed term whose two places are on different rows, a
// curve from the end of its old row's text to the start of its new row's, between the columns.
class MoveLinks : public QWidget {
public:
    MoveLinks(QTableView* table, HierarchyModel* model)
        : QWidget(table->viewport())
        , m_table(table)
        , m_model(model)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        const analysis::HierarchyTree* tree = m_model->tree();
        if (!tree)
            return;
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const int first = std::max(0, m_table->rowAt(0)), last = m_table->rowAt(height());
        const int lastRow = last < 0 ? m_model->rowCount() - 1 : last;
        const int boundary = m_table->columnViewportPosition(HierarchyModel::New);
        // A move is drawn when either end is on screen.
        for (const int row : m_model->changedRows()) {
            const int entry = m_model->entryAt(row);
            if (entry < 0)
                continue;
            const auto& e = tree->entries[static_cast<std::size_t>(entry)];
            if (e.status != NodeStatus::Moved && e.status != NodeStatus::Renamed)
                continue;
            const int from = m_model->rowOf(static_cast<std::size_t>(entry), HierarchyModel::Old);
            const int to = m_model->rowOf(static_cast<std::size_t>(entry), HierarchyModel::New);
            if (from < 0 || to < 0 || from == to || std::max(from, to) < first || std::min(from, to) > lastRow)
                continue;
            const int y1 = m_table->rowViewportPosition(from) + m_table->rowHeight(from) / 2;
            const int y2 = m_table->rowViewportPosition(to) + m_table->rowHeight(to) / 2;
            QPainterPath path(QPointF(boundary - 14, y1));
            path.cubicTo(QPointF(boundary + 10, y1), QPointF(boundary - 10, y2), QPointF(boundary + 14, y2));
            QColor colour = statusColor(e.status);
            painter.setPen(QPen(colour, 1.6, Qt::DashLine));
            painter.drawPath(path);
            painter.setBrush(colour);
            painter.setPen(Qt::NoPen);
            painter.drawPolygon(
                QPolygonF({QPointF(boundary + 14, y2), QPointF(boundary + 8, y2 - 4), QPointF(boundary + 8, y2 + 4)}));
        }
    }

private:
    QTableView* m_table;
    HierarchyModel* m_model;
};

HierarchyView::HierarchyView(QWidget* parent)
    : QWidget(parent)
    , m_model(new HierarchyModel(this))
    , m_table(new QTableView(this))
    , m_links(new MoveLinks(m_table, m_model))
    , m_kind(new QComboBox(this))
    , m_show(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_summary(new QLabel(this))
{
    m_kind->addItem(tr("Classes"), int(HierarchyKind::Classes));
    m_kind->addItem(tr("Properties"), int(HierarchyKind::Properties));
    m_kind->addItem(tr("Concepts"), int(HierarchyKind::Concepts));
    m_kind->setToolTip(tr("Which hierarchy: rdfs:subClassOf, rdfs:subPropertyOf or SKOS broader/narrower"));
    m_show->addItem(tr("Fold unchanged"), int(HierarchyModel::Show::FoldUnchanged));
    m_show->addItem(tr("Changed only"), int(HierarchyModel::Show::ChangedOnly));
    m_show->addItem(tr("Everything"), int(HierarchyModel::Show::Everything));
    m_search->setPlaceholderText(tr("Find a term"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("hierarchySearch"));
    m_table->setObjectName(QStringLiteral("hierarchyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_kind);
    bar->addWidget(m_show);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_summary);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this,
        [this] { setKind(HierarchyKind(m_kind->currentData().toInt())); });
    connect(m_show, &QComboBox::currentIndexChanged, this,
        [this] { setShow(HierarchyModel::Show(m_show->currentData().toInt())); });
    auto* searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, [this] {
        m_model->setSearch(m_search->text());
        updateSummary();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& i) {
        const int entry = i.isValid() ? m_model->entryAt(i.row()) : -1;
        if (entry >= 0)
            Q_EMIT entitySelected(m_model->kind(), static_cast<std::size_t>(entry));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_links->update(); });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, m_links, qOverload<>(&QWidget::update));
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_links, qOverload<>(&QWidget::update));
    m_table->viewport()->installEventFilter(this);
}

bool HierarchyView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        m_links->resize(m_table->viewport()->size());
    return QWidget::eventFilter(watched, event);
}

void HierarchyView::setSession(std::shared_ptr<const DiffSession> session)
{
    // Opens on the first hierarchy with a change (classes when none has).
    HierarchyKind kind = HierarchyKind::Classes;
    if (session)
        for (std::size_t k = session->hierarchies.size(); k-- > 0;)
            if (session->hierarchies[k].changedEntries() > 0)
                kind = HierarchyKind(k);
    m_model->setSession(std::move(session));
    setKind(kind);
}

void HierarchyView::setKind(HierarchyKind kind)
{
    if (m_kind->currentData().toInt() != int(kind))
        m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    m_model->setKind(kind);
    updateSummary();
}

void HierarchyView::setShow(HierarchyModel::Show show)
{
    if (m_show->currentData().toInt() != int(show))
        m_show->setCurrentIndex(m_show->findData(int(show)));
    m_model->setShow(show);
    updateSummary();
}

void HierarchyView::updateSummary()
{
    const analysis::HierarchyTree* tree = m_model->tree();
    m_summary->setText(
        tree ? tr("%1 terms, %2 changed").arg(tree->entries.size()).arg(tree->changedEntries()) : QString());
    m_links->resize(m_table->viewport()->size());
    m_links->update();
}

void HierarchyView::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, HierarchyModel::New);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void HierarchyView::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void HierarchyView::next()
{
    const int current = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    for (const int row : m_model->changedRows())
        if (row > current)
            return selectRow(row);
}

void HierarchyView::previous()
{
    const int current = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : m_model->rowCount();
    const auto& rows = m_model->changedRows();
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
        if (*it < current)
            return selectRow(*it);
}

bool HierarchyView::selectEntry(std::size_t entry)
{
    int row = m_model->rowOf(entry, HierarchyModel::New);
    if (row < 0)
        row = m_model->rowOf(entry, HierarchyModel::Old);
    if (row < 0)
        return false;
    selectRow(row);
    return true;
}

int HierarchyView::currentEntry() const
{
    return m_table->currentIndex().isValid() ? m_model->entryAt(m_table->currentIndex().row()) : -1;
}

} // namespace evograph::ui
