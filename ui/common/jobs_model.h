#pragma once
// The jobs the engine runs for the studio, newest first: running ones with their progress, then
// the last few that ended (done, failed, cancelled) with how long they took.

#include "common/engine_adapter.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>

namespace evograph::ui {

class JobsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Description, Progress, Elapsed, State, ColumnCount };
    static constexpr int kJobIdRole = Qt::UserRole + 1;
    static constexpr int kInternalRole = Qt::UserRole + 2; // EngineAdapter::isInternal
    static constexpr int kKeptFinished = 12;

    explicit JobsModel(EngineAdapter& engine, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    int runningCount() const;

private:
    enum class Status { Running, Done, Failed, Cancelled };
    struct Row {
        int id = 0;
        bool internal = false;
        QString description, message;
        qint64 done = 0, total = 0, milliseconds = 0;
        Status status = Status::Running;
        QElapsedTimer clock;
    };
    int rowOf(int id) const;
    void setStatus(int id, Status status, const QString& message = {});
    void finished(int id, qint64 milliseconds);
    void tick();

    QList<Row> m_rows;
    QTimer m_ticker; // elapsed times of running jobs
};

} // namespace evograph::ui
