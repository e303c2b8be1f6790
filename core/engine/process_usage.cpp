#include "evograph/engine/process_usage.h"

#include <ctime>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace evograph::engine {

std::uint64_t residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::uint64_t size = 0, resident = 0;
    if (!(statm >> size >> resident))
        return 0;
    return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

std::chrono::nanoseconds processCpuTime()
{
    timespec t {};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

CpuMeter::CpuMeter(std::chrono::milliseconds window)
    : m_window(window)
    , m_wallAt(Clock::now())
    , m_cpuAt(processCpuTime())
{
}

double CpuMeter::percent()
{
    const std::lock_guard lock(m_mutex);
    const Clock::time_point now = Clock::now();
    if (now - m_wallAt < m_window)
        return m_percent;
    const std::chrono::nanoseconds cpu = processCpuTime();
    const double cores = std::max(1u, std::thread::hardware_concurrency());
    const double wall = std::chrono::duration<double>(now - m_wallAt).count();
    m_percent = 100.0 * std::chrono::duration<double>(cpu - m_cpuAt).count() / (wall * cores);
    m_wallAt = now;
    m_cpuAt = cpu;
    return m_percent;
}

} // namespace evograph::engine
