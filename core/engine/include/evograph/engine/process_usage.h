#pragma once
// What this process uses of the machine, for resource limits and the metric charts: resident
// memory, and the share of the machine's CPU time it used over a recent window.

#include <chrono>
#include <cstdint>
#include <mutex>

namespace evograph::engine {

// Resident memory in bytes (Linux /proc/self/statm; 0 where unknown).
std::uint64_t residentBytes();

// The process's CPU time as a percentage of all cores' time, over a window of at least `window`:
// 100 means every core was busy for this process. Thread-safe; the first reading is 0.
class CpuMeter {
public:
    explicit CpuMeter(std::chrono::milliseconds window = std::chrono::milliseconds(500));
    double percent();

private:
    using Clock = std::chrono::steady_clock;
    std::mutex m_mutex;
    std::chrono::milliseconds m_window;
    Clock::time_point m_wallAt;
    std::chrono::nanoseconds m_cpuAt {0};
    double m_percent = 0;
};

// The process's CPU time so far (user and system, every thread).
std::chrono::nanoseconds processCpuTime();

} // namespace evograph::engine
