#pragma once
// A parallel loop over a pool that is safe to call from a task already running on that pool: the
// calling thread takes chunks itself, helpers posted to the pool take the rest, and the call
// returns once every chunk is done (a helper that starts late finds nothing left). The first
// exception a chunk throws is rethrown; later chunks are skipped.
#include "evograph/engine/thread_pool.h"

#include <cstddef>
#include <functional>

namespace evograph::engine {

// Runs body(i) for every i < count on up to `threads` threads (this one included; 0 or 1, or no
// pool: this thread alone).
void parallelFor(
    ThreadPool* pool, std::size_t threads, std::size_t count, const std::function<void(std::size_t)>& body);

} // namespace evograph::engine
