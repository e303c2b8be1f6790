#pragma once
// Helpers for the studio's GUI tests: waiting on signals, temporary workspaces, the corpus.

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <catch2/catch_test_macros.hpp>

#include <filesystem>

namespace evograph::ui::test {

inline const QString kResources = QStringLiteral(EVOGRAPH_RESOURCES);
inline const std::filesystem::path kCorpus = EVOGRAPH_CORPUS;

// Waits until the spy has `count` signals (10 s each at most).
inline bool waitFor(QSignalSpy& spy, int count = 1, int timeoutMs = 60000)
{
    while (spy.count() < count)
        if (!spy.wait(timeoutMs))
            return false;
    return true;
}

// Processes events until `done()` holds; false after `timeoutMs`.
template <typename Predicate> bool waitUntil(Predicate done, int timeoutMs = 10000)
{
    return QTest::qWaitFor(done, timeoutMs);
}

// Answers the next confirmation (common/confirm_action.h) the way a user would, by clicking its
// "confirm" or "cancel" button once it is on screen; the box's text is kept in `*seen`.
inline void answerNextConfirmation(bool confirm, QString* seen = nullptr)
{
    auto* timer = new QTimer(qApp);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, confirm, seen] {
        QWidget* box = QApplication::activeModalWidget();
        if (!box || box->objectName() != QStringLiteral("confirm-action"))
            return;
        if (seen)
            *seen = box->property("text").toString() + QLatin1Char('\n') + box->property("informativeText").toString();
        if (auto* button
            = box->findChild<QAbstractButton*>(confirm ? QStringLiteral("confirm") : QStringLiteral("cancel")))
            button->click();
        timer->deleteLater();
    });
    timer->start(20);
}

} // namespace evograph::ui::test
