#include "statistics_model.h"

#include <QLocale>

namespace evograph::ui {

StatisticsModel::StatisticsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void StatisticsModel::setFile(std::shared_ptr<const LoadedFile> file)
{
    beginResetModel();
    m_rows.clear();
    if (file) {
        for (const auto& figure : rdf::statisticsFigures(file->statistics))
            m_rows.push_back({tr(figure.label), QVariant::fromValue<qulonglong>(figure.value), tr(figure.description)});
    }
    endResetModel();
}

int StatisticsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int StatisticsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant StatisticsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == 0 ? QVariant(row.name) : QVariant(QLocale().toString(row.value.toULongLong()));
    case Qt::UserRole:
        return index.column() == 0 ? QVariant(row.name) : row.value;
    case Qt::ToolTipRole:
        return row.tip;
    case Qt::TextAlignmentRole:
        return index.column() == 1 ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant StatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Figure") : tr("Count");
}

} // namespace evograph::ui
