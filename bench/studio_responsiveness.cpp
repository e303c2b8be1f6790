// How responsive the studio stays while it works: opens the main window, compares OLD and NEW
// (read, diff, analyse on the worker threads), then steps through the changes and filters them as a
// user would. A GUI-thread watchdog (a 5 ms timer) records the longest gap between its ticks
// beyond the interval: the longest stall the user could feel. Prints one JSON line.
//   bench_studio_responsiveness OLD NEW
#include "diff/diff_viewer.h"
#include "diff/hierarchy_view.h"
#include "main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <limits>

namespace {
class Watchdog {
public:
    Watchdog()
    {
        m_clock.start();
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_longest = std::max(m_longest, now - m_last - kIntervalNs);
            m_last = now;
        });
        m_timer.start(kIntervalNs / 1'000'000);
    }
    double longestMs() const { return static_cast<double>(m_longest) / 1e6; }
    void reset() { m_longest = 0; }

private:
    static constexpr qint64 kIntervalNs = 5'000'000;
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_last = 0, m_longest = 0;
};
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("evograph-bench"));
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s OLD NEW\n", argv[0]);
        return 2;
    }
    evograph::ui::MainWindow window;
    window.show();
    QApplication::processEvents();
    Watchdog watchdog;
    QElapsedTimer clock;
    clock.start();
    auto* viewer = window.diffViewer();
    // For comparison: EVOGRAPH_BENCH_TREE_ON_GUI=1 rebuilds the change tree on the GUI thread, as
    // the studio did before it used a worker for large comparisons.
    if (const char* onGui = std::getenv("EVOGRAPH_BENCH_TREE_ON_GUI"); onGui && *onGui)
        viewer->setBackgroundTreeFrom(std::numeric_limits<std::size_t>::max());
    QSignalSpy ready(viewer, &evograph::ui::DiffViewer::sessionReady);
    QSignalSpy failed(viewer, &evograph::ui::DiffViewer::comparisonFailed);
    window.compareFiles(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]));
    while (ready.isEmpty() && failed.isEmpty())
        ready.wait(100);
    if (!failed.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(failed.at(0).at(0).toString()));
        return 2;
    }
    const double compareSeconds = clock.elapsed() / 1000.0;
    // Let the watchdog tick after the session was shown, so a stall showing it is counted here.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 200)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    const double stallWhileComparing = watchdog.longestMs();
    // Then use it: step through 50 changes, filter, regroup, clear. Each step is timed until its
    // result is shown (a regrouped tree built on a worker included), and the watchdog gives the
    // longest the GUI thread stalled during it.
    std::string steps, stalls;
    const double stallOverall = watchdog.longestMs();
    auto step = [&](const char* name, auto action) {
        watchdog.reset();
        QElapsedTimer timer;
        timer.start();
        action();
        do
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        while (viewer->treePending());
        QApplication::processEvents();
        const std::string sep = steps.empty() ? "" : ", ";
        steps += sep + "\"" + name + "\": " + std::to_string(timer.elapsed());
        char stall[32];
        std::snprintf(stall, sizeof stall, "%.1f", watchdog.longestMs());
        stalls += sep + "\"" + name + "\": " + stall;
    };
    step("next_x50", [&] {
        for (int i = 0; i < 50; ++i)
            viewer->next(), QApplication::processEvents();
    });
    step("filter_text", [&] { viewer->setFilter({{}, {}, {}, QStringLiteral("class")}); });
    step("group_by_kind", [&] { viewer->setGrouping(evograph::ui::Grouping::Kind); });
    step("group_by_hierarchy", [&] { viewer->setGrouping(evograph::ui::Grouping::ClassHierarchy); });
    step("clear_filter", [&] { viewer->setFilter({}); });
    // The Hierarchy mode: its trees were built with the session; showing and using them.
    using Mode = evograph::ui::DiffViewer::Mode;
    auto* hierarchy = viewer->hierarchyView();
    step("hierarchy_mode", [&] { viewer->setMode(Mode::Hierarchy); });
    step("hierarchy_next_x50", [&] {
        for (int i = 0; i < 50; ++i)
            viewer->next(), QApplication::processEvents();
    });
    step("hierarchy_everything", [&] { hierarchy->setShow(evograph::ui::HierarchyModel::Show::Everything); });
    step("hierarchy_properties", [&] { hierarchy->setKind(evograph::analysis::HierarchyKind::Properties); });
    step("hierarchy_changed_only", [&] { hierarchy->setShow(evograph::ui::HierarchyModel::Show::ChangedOnly); });
    step("list_mode", [&] { viewer->setMode(Mode::List); });
    QTimer::singleShot(300, &app, &QApplication::quit); // let the watchdog see the last events
    app.exec();
    std::printf("{\"changes\": %zu, \"compare_seconds\": %.2f, \"longest_stall_ms_while_comparing\": %.1f, "
                "\"longest_stall_ms_until_shown\": %.1f, \"step_ms\": {%s}, \"step_longest_stall_ms\": {%s}}\n",
        viewer->session()->analysis().changes.size(), compareSeconds, stallWhileComparing,
        std::max(stallOverall, stallWhileComparing), steps.c_str(), stalls.c_str());
    return 0;
}
