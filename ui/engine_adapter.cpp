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
        job.task.cancel(); // the pool's destructor then waits only for checkpoints
}

int EngineAdapter::loadFile(const QString& path)
{
    const int id = m_nextJob++;
    const std::string file = path.toStdString();
    auto task = engine::runTask(m_pool, "load", [file](const engine::TaskContext& context) {
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
    });
    m_jobs.emplace(id, Job {std::move(task)});
    emit jobStarted(id, tr("Reading %1").arg(QFileInfo(path).fileName()));
    if (!m_poller.isActive())
        m_poller.start();
    return id;
}

void EngineAdapter::cancel(int jobId)
{
    if (auto it = m_jobs.find(jobId); it != m_jobs.end())
        it->second.task.cancel();
}

void EngineAdapter::poll()
{
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        const int id = it->first;
        Job& job = it->second;
        if (!job.task.isReady()) {
            const auto done = static_cast<qint64>(job.task.progressDone());
            if (done != job.lastDone) {
                job.lastDone = done;
                emit jobProgress(id, done, static_cast<qint64>(job.task.progressTotal()));
            }
            ++it;
            continue;
        }
        const auto task = job.task;
        it = m_jobs.erase(it);
        try {
            auto result = task.get();
            if (task.isCancelled())
                emit jobCancelled(id); // finished anyway, but nobody wants it any more
            else
                emit fileLoaded(id, result);
        } catch (const Cancelled&) {
            emit jobCancelled(id);
        } catch (const std::exception& e) {
            emit jobFailed(id, QString::fromStdString(e.what()));
        }
    }
    if (m_jobs.empty())
        m_poller.stop();
}

} // namespace evograph::ui
