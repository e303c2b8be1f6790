#pragma once
// The one boundary between the studio and the engine. Work runs as engine tasks on the thread
// pool; a GUI-thread timer collects finished tasks and emits their results, so no engine thread
// ever touches a QObject and the GUI thread never waits. Each job has an id; cancelled jobs'
// results are dropped.

#include "evograph/engine/thread_pool.h"
#include "evograph/rdf/reader.h"
#include "evograph/rdf/statistics.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace evograph::ui {

// A file the studio has read, handed out read-only.
struct LoadedFile {
    QString path;
    rdf::ReadReport report;
    rdf::Statistics statistics;
    std::shared_ptr<const rdf::Dataset> dataset;
};

class EngineAdapter : public QObject {
    Q_OBJECT
public:
    explicit EngineAdapter(QObject* parent = nullptr);
    ~EngineAdapter() override;

    // Starts reading; returns the job id that the signals carry.
    int loadFile(const QString& path);
    void cancel(int jobId);
    int runningJobs() const { return static_cast<int>(m_jobs.size()); }

signals:
    void jobStarted(int jobId, const QString& description);
    void jobProgress(int jobId, qint64 done, qint64 total);
    void fileLoaded(int jobId, std::shared_ptr<const evograph::ui::LoadedFile> file);
    // The message keeps the engine's FILE:LINE:COL position.
    void jobFailed(int jobId, const QString& message);
    void jobCancelled(int jobId);

private:
    struct Job {
        engine::Task<LoadedFile> task;
        qint64 lastDone = -1;
    };
    void poll();

    engine::ThreadPool m_pool;
    std::map<int, Job> m_jobs;
    int m_nextJob = 1;
    QTimer m_poller;
};

} // namespace evograph::ui

Q_DECLARE_METATYPE(std::shared_ptr<const evograph::ui::LoadedFile>)
