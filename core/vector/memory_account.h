#pragma once
// The bytes an index holds, kept in the "vector.memory.bytes" gauge (internal to vector/): each
// index owns an account and sets it when it grows or shrinks; the gauge is the sum over live
// indexes, so the studio's charts show what vector search costs in memory.
#include "evograph/engine/metrics.h"

#include <cstdint>

namespace evograph::vector::detail {

class MemoryAccount {
public:
    MemoryAccount() = default;
    MemoryAccount(const MemoryAccount& other) { set(other.m_bytes); }
    MemoryAccount(MemoryAccount&& other) noexcept
        : m_bytes(other.m_bytes)
    {
        other.m_bytes = 0;
    }
    MemoryAccount& operator=(const MemoryAccount& other)
    {
        set(other.m_bytes);
        return *this;
    }
    MemoryAccount& operator=(MemoryAccount&& other) noexcept
    {
        if (this != &other) {
            set(0);
            m_bytes = other.m_bytes;
            other.m_bytes = 0;
        }
        return *this;
    }
    ~MemoryAccount() { set(0); }

    void set(std::size_t bytes)
    {
        gauge().add(static_cast<std::int64_t>(bytes) - static_cast<std::int64_t>(m_bytes));
        m_bytes = bytes;
    }

private:
    static engine::Gauge& gauge() { return engine::MetricsRegistry::global().gauge("vector.memory.bytes"); }
    std::size_t m_bytes = 0;
};

} // namespace evograph::vector::detail
