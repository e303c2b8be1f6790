// A provider's API key in the system keyring, end to end: stored and read back through
// qtkeychain against a real Secret Service (gnome-keyring-daemon on a private session bus, see
// with_keyring.sh), then used by Search Terms to call a real local provider, which must receive
// it. Hidden from the default run ([.keyring]): CTest's ui.keyring runs it inside the keyring.
#include "common/api_key_store.h"
#include "diff/diff_viewer.h"
#include "main_window.h"
#include "search/term_search_popup.h"
#include "ui_test_support.h"

#include "../embed/fake_provider.h"

#include "evograph/net/http_client.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QTest>

using namespace evograph;
using namespace evograph::ui;

namespace {
// Waits for an asynchronous keyring answer.
template <typename Answer> Answer await(const std::function<void(std::function<void(Answer)>)>& ask)
{
    std::optional<Answer> answer;
    ask([&](Answer a) { answer = std::move(a); });
    REQUIRE(QTest::qWaitFor([&] { return answer.has_value(); }, 15000));
    return *answer;
}

QString stored(ApiKeyStore& keys, const QString& provider)
{
    using Pair = std::pair<QString, QString>;
    const Pair read = await<Pair>([&](std::function<void(Pair)> done) {
        keys.read(provider, [done](const QString& key, const QString& error) { done({key, error}); });
    });
    REQUIRE(read.second.isEmpty());
    return read.first;
}
} // namespace

TEST_CASE("a provider's key is kept in the system keyring and sent to that provider", "[.keyring]")
{
    evograph::test::FakeProvider server;
    ApiKeyStore keys;
    const QString key = QStringLiteral("sk-keyring-%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    const QString written
        = await<QString>([&](std::function<void(QString)> done) { keys.write(QStringLiteral("local"), key, done); });
    REQUIRE(written.isEmpty());
    CHECK(stored(keys, QStringLiteral("local")) == key);
    CHECK(stored(keys, QStringLiteral("other")).isEmpty()); // no entry is no error

    // Search Terms with the provider (the config names no api_key_env): the key comes from the keyring.
    MainWindow window;
    window.termSearch()->setConfig(config::parseConfig("[ai.providers.local]\nkind = \"openai\"\nurl = \""
            + server.url("/v1") + "\"\nmodel = \"ok\"\ndimensions = 8\n[cache.ai_responses]\nenabled = false\n",
        "test.toml"));
    QSignalSpy ready(window.diffViewer(), &DiffViewer::sessionReady);
    window.diffViewer()->compareFiles(ui::test::kResources + QStringLiteral("/demo/user-v1.ttl"),
        ui::test::kResources + QStringLiteral("/demo/user-v2.ttl"));
    REQUIRE(ui::test::waitFor(ready));
    TermSearchPopup* popup = window.termSearch();
    popup->providers()->setCurrentIndex(popup->providers()->findData(QStringLiteral("local")));
    QSignalSpy shown(popup, &TermSearchPopup::resultsShown);
    window.showTermSearch();
    popup->input()->setText(QStringLiteral("mail"));
    REQUIRE(ui::test::waitFor(shown));
    CHECK(popup->status()->text().contains(QStringLiteral("embedded by local")));
    net::HttpClient client;
    net::HttpRequest statsRequest;
    statsRequest.url = server.url("/stats");
    const std::string stats = client.send(statsRequest).body;
    CHECK(stats.find("Bearer " + key.toStdString()) != std::string::npos);

    const QString removed
        = await<QString>([&](std::function<void(QString)> done) { keys.remove(QStringLiteral("local"), done); });
    CHECK(removed.isEmpty());
    CHECK(stored(keys, QStringLiteral("local")).isEmpty());
}
