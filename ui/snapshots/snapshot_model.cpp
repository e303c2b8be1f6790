#include "snapshot_model.h"

#include "common/display_format.h"

#include <QLocale>

#include <algorithm>

namespace evograph::ui {

void SnapshotModel::setSnapshots(std::vector<workspace::SnapshotSummary> snapshots)
{
    beginResetModel();
    m_snapshots = std::move(snapshots);
    std::reverse(m_snapshots.begin(), m_snapshots.end());
    endResetModel();
}

const workspace::SnapshotSummary* SnapshotModel::at(const QModelIndex& index) const
{
    return index.isValid() && index.row() < rowCount() ? &m_snapshots[static_cast<std::size_t>(index.row())] : nullptr;
}

QModelIndex SnapshotModel::indexOf(const QString& id) const
{
    for (std::size_t row = 0; row < m_snapshots.size(); ++row)
        if (QString::fromStdString(m_snapshots[row].manifest.id).startsWith(id))
            return index(static_cast<int>(row), 0);
    return {};
}

int SnapshotModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_snapshots.size());
}

int SnapshotModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SnapshotModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const workspace::SnapshotSummary& snapshot = m_snapshots[static_cast<std::size_t>(index.row())];
    const workspace::SnapshotManifest& manifest = snapshot.manifest;
    if (role == kIdRole)
        return QString::fromStdString(manifest.id);
    if (role == Qt::TextAlignmentRole
        && (index.column() == Graphs || index.column() == Triples || index.column() == Size))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Id)
        return QString::fromStdString(manifest.id);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id:
        return QString::fromStdString(manifest.id.substr(0, 8));
    case Created:
        return localTime(manifest.createdAt);
    case User:
        return QString::fromStdString(manifest.user);
    case Name: {
        QStringList tags;
        for (const std::string& tag : manifest.tags)
            tags << QStringLiteral("[%1]").arg(QString::fromStdString(tag));
        return (QString::fromStdString(manifest.name) + QLatin1Char(' ') + tags.join(QLatin1Char(' '))).trimmed();
    }
    case Graphs:
        return static_cast<qulonglong>(manifest.graphs.size());
    case Triples:
        return QLocale().toString(static_cast<qulonglong>(manifest.triples()));
    case Size:
        return humanBytes(snapshot.storedBytes);
    case Verified:
        return snapshot.verifiedAt
            ? QStringLiteral("✔ %1 (%2)")
                  .arg(localTime(*snapshot.verifiedAt), QString::fromStdString(snapshot.verifiedMode.value_or("quick")))
            : tr("never");
    }
    return {};
}

QVariant SnapshotModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const names[]
        = {"Id", "Created", "User", "Name and tags", "Graphs", "Triples", "Size", "Verified"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace evograph::ui
