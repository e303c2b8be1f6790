#pragma once
// The time agents are scheduled by: the steady clock in production, a manual one in tests, so a
// schedule of hours is tested in microseconds and never depends on the machine's speed.

#include <atomic>
#include <chrono>

namespace evograph::agents {

class Clock {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SteadyClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::steady_clock::now(); }
};

// Moves only when told to.
class ManualClock final : public Clock {
public:
    TimePoint now() const override { return TimePoint(std::chrono::nanoseconds(m_now.load())); }
    void advance(std::chrono::nanoseconds by) { m_now += by.count(); }

private:
    std::atomic<std::chrono::nanoseconds::rep> m_now {0};
};

} // namespace evograph::agents
