#pragma once
// Helpers for the studio's GUI tests: waiting on signals, temporary workspaces, the corpus.

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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

} // namespace evograph::ui::test
