#pragma once
// A read-only table of what a file holds (the engine's Statistics), one row per figure.

#include "common/engine_adapter.h"

#include <QAbstractTableModel>

#include <vector>

namespace evograph::ui {

class StatisticsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit StatisticsModel(QObject* parent = nullptr);

    // Replaces the whole content at once (a null file empties the table).
    void setFile(std::shared_ptr<const LoadedFile> file);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        QVariant value;
        QString tip;
    };
    std::vector<Row> m_rows;
};

} // namespace evograph::ui
