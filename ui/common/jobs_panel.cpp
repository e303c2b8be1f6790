#include "jobs_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace evograph::ui {

namespace {
// Draws the progress column as a progress bar (busy when the total is not known yet).
class ProgressDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const int permille = index.data(Qt::UserRole).toInt();
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.minimum = 0;
        bar.maximum = permille < 0 ? 0 : 1000;
        bar.progress = permille < 0 ? 0 : permille;
        bar.text = index.data().toString();
        bar.textVisible = !bar.text.isEmpty();
        bar.state = option.state | QStyle::State_Horizontal;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
    }
};
} // namespace

JobsPanel::JobsPanel(EngineAdapter& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(new JobsModel(engine, this))
    , m_shown(new QSortFilterProxyModel(this))
    , m_view(new QTreeView(this))
    , m_showInternal(new QCheckBox(tr("Show internal"), this))
    , m_cancel(new QPushButton(tr("Cancel job"), this))
    , m_cancelAll(new QPushButton(tr("Cancel all"), this))
{
    m_shown->setSourceModel(m_model);
    m_shown->setFilterRole(JobsModel::kInternalRole);
    m_shown->setFilterFixedString(QStringLiteral("false")); // the user's own jobs
    m_showInternal->setToolTip(tr("Also list what the views do on their own: lists refreshed, search indexes built"));
    connect(m_showInternal, &QCheckBox::toggled, this,
        [this](bool all) { m_shown->setFilterFixedString(all ? QString() : QStringLiteral("false")); });
    m_view->setModel(m_shown);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setItemDelegateForColumn(JobsModel::Progress, new ProgressDelegate(m_view));
    m_view->header()->setSectionResizeMode(JobsModel::Description, QHeaderView::Stretch);
    m_view->header()->resizeSection(JobsModel::Progress, 160);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->resizeSection(JobsModel::State, 220);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_cancelAll);
    buttons->addStretch();
    buttons->addWidget(m_showInternal);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            m_engine.cancel(current.data(JobsModel::kJobIdRole).toInt());
    });
    connect(m_cancelAll, &QPushButton::clicked, &m_engine, &EngineAdapter::cancelAll);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &JobsPanel::updateButtons);
    updateButtons();
}

QAbstractItemModel* JobsPanel::shown() const
{
    return m_shown;
}

void JobsPanel::updateButtons()
{
    const QModelIndex current = m_view->currentIndex();
    m_cancel->setEnabled(current.isValid() && m_engine.isRunning(current.data(JobsModel::kJobIdRole).toInt()));
    m_cancelAll->setEnabled(m_engine.runningJobs() > 0);
}

} // namespace evograph::ui
