#include "engine_adapter.h"

#include <QFileInfo>

namespace evograph::ui {

EngineAdapter::EngineAdapter(QObject* parent)
    : QObject(parent)
    , m_pool(0)
{
    qRegisterMetaType<std::shared_ptr<const LoadedFile>>();
    m_poller.setInterval(30);
    connect(&m_poller, &QTimer::timeout, this, &EngineAdapter::poll);
}

EngineAdapter::~EngineAdapter()
{
    for (auto& [id, job] : m_jobs)
        job.cancel(); // the pool's destructor then waits only for checkpoints
}

int EngineAdapter::loadFile(const QString& path)
{
    const std::string file = path.toStdString();
    return run(
        this, {}, tr("Reading %1").arg(QFileInfo(path).fileName()), "load",
        [file](const engine::TaskContext& context) {
            LoadedFile loaded;
            loaded.path = QString::fromStdString(file);
            auto dataset = std::make_shared<rdf::Dataset>();
            rdf::ReadOptions options;
            options.cancel = context.cancellation();
            options.progress = context.progressCallback();
            loaded.report = rdf::readFile(file, *dataset, options);
            context.checkpoint();
            loaded.statistics = rdf::computeStatistics(*dataset);
            loaded.dataset = std::move(dataset);
            return loaded;
        },
        [this](std::shared_ptr<const LoadedFile> loaded) { Q_EMIT fileLoaded(m_delivering, loaded); });
}

int EngineAdapter::add(Job job)
{
    const int id = m_nextJob++;
    if (!job.channel.isEmpty()) {
        if (auto previous = m_channels.find(job.channel); previous != m_channels.end())
            cancel(previous->second); // superseded: its result would be stale
        m_channels[job.channel] = id;
    }
    job.clock.start();
    const QString description = job.description;
    m_jobs.emplace(id, std::move(job));
    Q_EMIT jobStarted(id, description);
    if (!m_poller.isActive())
        m_poller.start();
    return id;
}

void EngineAdapter::cancel(int jobId)
{
    if (auto it = m_jobs.find(jobId); it != m_jobs.end())
        it->second.cancel();
}

void EngineAdapter::onFailure(int jobId, QObject* receiver, std::function<void(const QString&)> failed)
{
    if (auto it = m_jobs.find(jobId); it != m_jobs.end())
        it->second.failed = std::move(failed), it->second.failedReceiver = receiver;
}

void EngineAdapter::cancelAll()
{
    for (auto& [id, job] : m_jobs)
        job.cancel();
}

QString EngineAdapter::description(int jobId) const
{
    const auto it = m_jobs.find(jobId);
    return it == m_jobs.end() ? QString() : it->second.description;
}

bool EngineAdapter::isInternalTask(const std::string& taskName)
{
    return taskName == "snapshot-list" || taskName == "migrate-history" || taskName == "term-search-index"
        || taskName == "change-tree";
}

bool EngineAdapter::isInternal(int jobId) const
{
    const auto job = m_jobs.find(jobId);
    return job != m_jobs.end() && job->second.internal;
}

void EngineAdapter::releaseLater(std::shared_ptr<const void> value)
{
    if (value)
        m_pool.post([value = std::move(value)]() mutable { value.reset(); });
}

void EngineAdapter::poll()
{
    // Collect first: a delivery may start new jobs (and so change m_jobs).
    std::vector<std::pair<int, Job>> finished;
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        Job& job = it->second;
        if (job.isReady()) {
            finished.emplace_back(it->first, std::move(job));
            it = m_jobs.erase(it);
            continue;
        }
        const auto [done, total] = job.progress();
        if (done != job.lastDone) {
            job.lastDone = done;
            Q_EMIT jobProgress(it->first, done, total);
        }
        ++it;
    }
    for (auto& [id, job] : finished)
        finish(id, job);
    if (m_jobs.empty())
        m_poller.stop();
}

void EngineAdapter::finish(int id, Job& job)
{
    bool current = true;
    if (!job.channel.isEmpty()) {
        const auto owner = m_channels.find(job.channel);
        current = owner != m_channels.end() && owner->second == id;
        if (current)
            m_channels.erase(owner);
    }
    const bool wanted = current && !job.isCancelled() && (!job.hasReceiver || job.receiver);
    try {
        if (!wanted)
            throw Cancelled();
        m_delivering = id;
        job.deliver();
    } catch (const Cancelled&) {
        Q_EMIT jobCancelled(id);
    } catch (const std::exception& e) {
        const QString message = QString::fromStdString(e.what());
        if (job.failed && job.failedReceiver)
            job.failed(message);
        Q_EMIT jobFailed(id, message);
    }
    Q_EMIT jobFinished(id, job.clock.elapsed());
    // The task's shared state may hold a result nobody took: free it off the GUI thread.
    job.receiver.clear(), job.failedReceiver.clear();
    m_pool.post([job = std::move(job)]() mutable { job = Job(); });
}

} // namespace evograph::ui
