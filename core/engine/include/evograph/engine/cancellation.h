#pragma once
// Cooperative cancellation and progress reporting for long engine work. Work checks the token at
// named checkpoints (after each parser chunk, each batch, ...) and stops by throwing Cancelled.

#include "evograph/error.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace evograph::engine {

// A copyable handle: every copy observes the same flag.
class CancellationToken {
public:
    CancellationToken()
        : m_flag(std::make_shared<std::atomic<bool>>(false))
    {
    }

    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_flag->load(std::memory_order_relaxed); }
    void checkpoint() const
    {
        if (isCancelled())
            throw Cancelled();
    }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

// Called with work done and work in total (total 0 when unknown), in the working thread.
using ProgressCallback = std::function<void(std::uint64_t done, std::uint64_t total)>;

} // namespace evograph::engine
