#pragma once
// The one boundary between the studio and the engine. Work runs as engine tasks on the thread
// pool; a GUI-thread timer collects finished tasks and hands their results to the caller's
// callback, so no engine thread ever touches a QObject and the GUI thread never waits.
//
// Stale results are dropped: a job started on a channel ("diff", say) supersedes the one running
// there, and a job whose receiver was destroyed or that was cancelled never delivers. Finished
// jobs (and the results nobody took) are freed on a worker thread, so dropping a 1M-triple
// result never stalls the GUI either.

#include "evograph/engine/thread_pool.h"
#include "evograph/rdf/reader.h"
#include "evograph/rdf/statistics.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
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

    // Runs `work(const engine::TaskContext&) -> T` on the pool (its duration goes to the
    // "task.<taskName>" histogram) and calls `done(std::shared_ptr<const T>)` on the GUI thread,
    // unless the job was cancelled, superseded on its channel (an empty channel: never), or
    // `receiver` is gone by then. Failures arrive as jobFailed. Returns the job id.
    template <typename Work, typename Done>
    int run(QObject* receiver, const QString& channel, const QString& description, const std::string& taskName,
        Work work, Done done);

    // Also calls `failed(message)` on the GUI thread if the job fails (and `receiver` still exists).
    void onFailure(int jobId, QObject* receiver, std::function<void(const QString&)> failed);

    // Reads a file; the result arrives as fileLoaded.
    int loadFile(const QString& path);
    void cancel(int jobId);
    void cancelAll();
    bool isRunning(int jobId) const { return m_jobs.count(jobId) != 0; }
    int runningJobs() const { return static_cast<int>(m_jobs.size()); }
    QString description(int jobId) const;
    // Bookkeeping the views do on their own (a list refreshed, a search index built in the
    // background, a tree regrouped): the jobs panel hides these unless asked.
    bool isInternal(int jobId) const;
    static bool isInternalTask(const std::string& taskName);
    // The most recently started job that still runs; 0 when none does.
    int latestJob() const { return m_jobs.empty() ? 0 : m_jobs.rbegin()->first; }
    // Inside a `done` callback: the id of the job it belongs to.
    int deliveringJob() const { return m_delivering; }
    // Drops a value (a large result the GUI is done with) on a worker thread.
    void releaseLater(std::shared_ptr<const void> value);

Q_SIGNALS:
    void jobStarted(int jobId, const QString& description);
    void jobProgress(int jobId, qint64 done, qint64 total);
    void fileLoaded(int jobId, std::shared_ptr<const evograph::ui::LoadedFile> file);
    // The message keeps the engine's FILE:LINE:COL position.
    void jobFailed(int jobId, const QString& message);
    void jobCancelled(int jobId);
    // After any of the three above, with how long the job ran.
    void jobFinished(int jobId, qint64 milliseconds);

private:
    struct Job {
        QString description, channel;
        bool internal = false;
        QPointer<QObject> receiver;
        bool hasReceiver = false;
        std::function<bool()> isReady, isCancelled;
        std::function<void()> cancel, deliver; // deliver rethrows what the task threw
        std::function<std::pair<qint64, qint64>()> progress;
        std::function<void(const QString&)> failed;
        QPointer<QObject> failedReceiver;
        qint64 lastDone = -1;
        QElapsedTimer clock;
    };
    int add(Job job);
    void poll();
    void finish(int id, Job& job);

    engine::ThreadPool m_pool;
    std::map<int, Job> m_jobs;
    std::map<QString, int> m_channels; // the job that currently owns each channel
    int m_nextJob = 1;
    int m_delivering = 0; // the job whose result is being handed over
    QTimer m_poller;
};

template <typename Work, typename Done>
int EngineAdapter::run(QObject* receiver, const QString& channel, const QString& description,
    const std::string& taskName, Work work, Done done)
{
    auto task = engine::runTask(m_pool, taskName, std::move(work));
    Job job;
    job.description = description;
    job.internal = isInternalTask(taskName);
    job.channel = channel;
    job.receiver = receiver;
    job.hasReceiver = receiver != nullptr;
    job.isReady = [task] { return task.isReady(); };
    job.isCancelled = [task] { return task.isCancelled(); };
    job.cancel = [task] { task.cancel(); };
    job.deliver = [task, done = std::move(done)] { done(task.get()); };
    job.progress = [task] {
        return std::pair {static_cast<qint64>(task.progressDone()), static_cast<qint64>(task.progressTotal())};
    };
    return add(std::move(job));
}

} // namespace evograph::ui

Q_DECLARE_METATYPE(std::shared_ptr<const evograph::ui::LoadedFile>)
