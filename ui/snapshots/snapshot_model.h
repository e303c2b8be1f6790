#pragma once
// The workspace's snapshots as a table, newest first: id, time, user, name and tags, graphs,
// triples, stored size, and when it last verified.

#include "evograph/workspace/snapshots.h"

#include <QAbstractTableModel>

namespace evograph::ui {

class SnapshotModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Created, User, Name, Graphs, Triples, Size, Verified, ColumnCount };
    static constexpr int kIdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setSnapshots(std::vector<workspace::SnapshotSummary> snapshots); // oldest first, as listed
    const std::vector<workspace::SnapshotSummary>& snapshots() const { return m_snapshots; } // newest first
    const workspace::SnapshotSummary* at(const QModelIndex& index) const;
    QModelIndex indexOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<workspace::SnapshotSummary> m_snapshots;
};

} // namespace evograph::ui
