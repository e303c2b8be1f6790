#include "jobs_model.h"

#include <QLocale>

namespace evograph::ui {

namespace {
QString duration(qint64 milliseconds)
{
    if (milliseconds < 1000)
        return QStringLiteral("%1 ms").arg(milliseconds);
    if (milliseconds < 60'000)
        return QStringLiteral("%1 s").arg(milliseconds / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(milliseconds / 60'000).arg(milliseconds / 1000 % 60);
}
} // namespace

JobsModel::JobsModel(EngineAdapter& engine, QObject* parent)
    : QAbstractTableModel(parent)
{
    connect(&engine, &EngineAdapter::jobStarted, this, [this, &engine](int id, const QString& description) {
        beginInsertRows({}, 0, 0);
        Row row;
        row.id = id;
        row.internal = engine.isInternal(id);
        row.description = description;
        row.clock.start();
        m_rows.prepend(row);
        endInsertRows();
        m_ticker.start();
    });
    connect(&engine, &EngineAdapter::jobProgress, this, [this](int id, qint64 done, qint64 total) {
        if (const int row = rowOf(id); row >= 0) {
            m_rows[row].done = done, m_rows[row].total = total;
            Q_EMIT dataChanged(index(row, Progress), index(row, Progress));
        }
    });
    connect(&engine, &EngineAdapter::jobFailed, this,
        [this](int id, const QString& message) { setStatus(id, Status::Failed, message); });
    connect(&engine, &EngineAdapter::jobCancelled, this, [this](int id) { setStatus(id, Status::Cancelled); });
    connect(&engine, &EngineAdapter::jobFinished, this, &JobsModel::finished);
    m_ticker.setInterval(500);
    connect(&m_ticker, &QTimer::timeout, this, &JobsModel::tick);
}

int JobsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JobsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == kJobIdRole)
        return row.id;
    if (role == kInternalRole)
        return row.internal;
    if (role == Qt::ToolTipRole)
        return row.message.isEmpty() ? row.description : row.message;
    if (role == Qt::UserRole && index.column() == Progress) // 0..1000, -1 while unknown
        return row.status != Status::Running ? 1000 : row.total > 0 ? int(1000 * row.done / row.total) : -1;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Description:
        return row.description;
    case Progress:
        if (row.status != Status::Running || row.total <= 0)
            return row.status == Status::Done ? QStringLiteral("100 %") : QString();
        return QStringLiteral("%1 %").arg(100 * row.done / row.total);
    case Elapsed:
        return duration(row.status == Status::Running ? row.clock.elapsed() : row.milliseconds);
    case State:
        switch (row.status) {
        case Status::Running:
            return tr("running");
        case Status::Done:
            return tr("done");
        case Status::Failed:
            return tr("failed: %1").arg(row.message.section(QLatin1Char('\n'), 0, 0));
        case Status::Cancelled:
            return tr("cancelled");
        }
    }
    return {};
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const names[] = {"Job", "Progress", "Time", "State"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

int JobsModel::runningCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.begin(), m_rows.end(), [](const Row& row) { return row.status == Status::Running; }));
}

int JobsModel::rowOf(int id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return i;
    return -1;
}

void JobsModel::setStatus(int id, Status status, const QString& message)
{
    if (const int row = rowOf(id); row >= 0)
        m_rows[row].status = status, m_rows[row].message = message;
}

void JobsModel::finished(int id, qint64 milliseconds)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    if (m_rows[row].status == Status::Running)
        m_rows[row].status = Status::Done;
    m_rows[row].milliseconds = milliseconds;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    // Keep the running jobs and the newest few that ended.
    int kept = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].status == Status::Running || ++kept <= kKeptFinished)
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i--);
        endRemoveRows();
    }
    if (runningCount() == 0)
        m_ticker.stop();
}

void JobsModel::tick()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Elapsed), index(static_cast<int>(m_rows.size()) - 1, Elapsed));
}

} // namespace evograph::ui
