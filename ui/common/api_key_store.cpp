#include "common/api_key_store.h"

#include <qt6keychain/keychain.h>

namespace evograph::ui {

namespace {
// The job's error for the user; a missing entry is not one.
QString errorOf(const QKeychain::Job& job)
{
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        return {};
    return QObject::tr("the system keyring: %1").arg(job.errorString());
}

template <typename Job> Job* makeJob(QObject* parent, const QString& provider)
{
    auto* job = new Job(ApiKeyStore::service(), parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // a key is kept in the keyring or not at all
    job->setKey(ApiKeyStore::entry(provider));
    return job;
}
} // namespace

ApiKeyStore::ApiKeyStore(QObject* parent)
    : QObject(parent)
{
}

void ApiKeyStore::read(const QString& provider, std::function<void(const QString&, const QString&)> done)
{
    auto* job = makeJob<QKeychain::ReadPasswordJob>(this, provider);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        const QString error = errorOf(*job);
        done(error.isEmpty() ? job->textData() : QString(), error);
    });
    job->start();
}

void ApiKeyStore::write(const QString& provider, const QString& key, std::function<void(const QString&)> done)
{
    auto* job = makeJob<QKeychain::WritePasswordJob>(this, provider);
    job->setTextData(key);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] { done(errorOf(*job)); });
    job->start();
}

void ApiKeyStore::remove(const QString& provider, std::function<void(const QString&)> done)
{
    auto* job = makeJob<QKeychain::DeletePasswordJob>(this, provider);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] { done(errorOf(*job)); });
    job->start();
}

} // namespace evograph::ui
