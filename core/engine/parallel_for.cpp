#include "evograph/engine/parallel_for.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>

namespace evograph::engine {

namespace {
struct Loop {
    std::size_t count = 0;
    const std::function<void(std::size_t)>* body = nullptr;
    std::atomic<std::size_t> next {0};
    std::mutex mutex;
    std::condition_variable finished;
    std::size_t done = 0; // chunks finished (or skipped after a failure), under mutex
    std::exception_ptr failure;

    // Takes chunks until none is left; valid to call after the loop returned (finds none).
    void work()
    {
        for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
            std::exception_ptr error;
            bool skip;
            {
                std::lock_guard lock(mutex);
                skip = failure != nullptr;
            }
            if (!skip) {
                try {
                    (*body)(i);
                } catch (...) {
                    error = std::current_exception();
                }
            }
            std::lock_guard lock(mutex);
            if (error && !failure)
                failure = error;
            if (++done == count)
                finished.notify_all();
        }
    }
};
} // namespace

void parallelFor(ThreadPool* pool, std::size_t threads, std::size_t count, const std::function<void(std::size_t)>& body)
{
    if (count == 0)
        return;
    auto loop = std::make_shared<Loop>();
    loop->count = count;
    loop->body = &body;
    const std::size_t helpers = pool ? std::min(threads, count) : 1;
    for (std::size_t h = 1; h < helpers; ++h)
        pool->post([loop] { loop->work(); });
    loop->work();
    std::unique_lock lock(loop->mutex);
    loop->finished.wait(lock, [&] { return loop->done == count; });
    if (loop->failure)
        std::rethrow_exception(loop->failure);
}

} // namespace evograph::engine
