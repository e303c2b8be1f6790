#pragma once
// API keys of embedding providers in the system keyring (the Secret Service, KWallet, macOS
// Keychain or Windows Credential Store, through qtkeychain), never in a file evograph writes.
// Each key is stored under the service "evograph" as "provider/NAME". Keyring calls are
// asynchronous: the answer arrives on the GUI thread.

#include <QObject>
#include <QString>

#include <functional>

namespace evograph::ui {

class ApiKeyStore : public QObject {
    Q_OBJECT
public:
    explicit ApiKeyStore(QObject* parent = nullptr);

    // `done(key, error)`: key empty and error empty when the keyring holds none for the provider.
    void read(const QString& provider, std::function<void(const QString& key, const QString& error)> done);
    // `done(error)`: empty on success.
    void write(const QString& provider, const QString& key, std::function<void(const QString& error)> done);
    void remove(const QString& provider, std::function<void(const QString& error)> done);

    static QString service() { return QStringLiteral("evograph"); }
    static QString entry(const QString& provider) { return QStringLiteral("provider/") + provider; }
};

} // namespace evograph::ui
