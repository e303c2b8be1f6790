#pragma once
// Serd's callbacks recorded into batches, so that one thread can parse while another interns.
// A batch owns copies of the node texts; replaying it hands out SerdNodes that point into them.
// A BatchChannel carries full batches to the consumer and empty ones back, so nothing is
// allocated after the first few batches.

#include <serd/serd.h>

#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace evograph::rdf::detail {

class SerdEventBatch {
public:
    enum class Kind : std::uint8_t { Base, Prefix, Statement };
    // Statement nodes in this order; a Base event uses slot 0, a Prefix event slots 0 (name) and 1 (IRI).
    enum Slot { Graph, Subject, Predicate, Object, Datatype, Language, SlotCount };

    struct Event {
        Kind kind;
        std::array<SerdNode, SlotCount> nodes; // buf holds an offset into the batch's text until replay
    };

    void add(Kind kind, std::initializer_list<const SerdNode*> nodes)
    {
        Event event {kind, {}};
        std::size_t slot = 0;
        for (const SerdNode* node : nodes) {
            SerdNode& copy = event.nodes[slot++];
            if (!node || node->type == SERD_NOTHING)
                continue;
            copy = *node;
            copy.buf = reinterpret_cast<const std::uint8_t*>(m_text.size()); // an offset, resolved in nodes()
            m_text.append(reinterpret_cast<const char*>(node->buf), node->n_bytes);
        }
        m_events.push_back(event);
    }

    // Turns the recorded offsets into pointers; call once, after the last add().
    std::vector<Event>& resolve()
    {
        const auto* base = reinterpret_cast<const std::uint8_t*>(m_text.data());
        for (Event& event : m_events)
            for (SerdNode& node : event.nodes)
                if (node.type != SERD_NOTHING)
                    node.buf = base + reinterpret_cast<std::uintptr_t>(node.buf);
        return m_events;
    }

    std::size_t events() const { return m_events.size(); }
    std::size_t textBytes() const { return m_text.size(); }
    void clear()
    {
        m_events.clear();
        m_text.clear();
        sourceOffset = 0;
    }

    std::uint64_t sourceOffset = 0; // how far the parser had read when the batch was sent

private:
    std::vector<Event> m_events;
    std::string m_text;
};

// A bounded hand-over between one producer and one consumer.
class BatchChannel {
public:
    using BatchPtr = std::unique_ptr<SerdEventBatch>;

    explicit BatchChannel(std::size_t batches)
    {
        for (std::size_t i = 0; i < batches; ++i)
            m_empty.push_back(std::make_unique<SerdEventBatch>());
    }

    // Producer: an empty batch to fill; null once the consumer has abandoned the channel.
    BatchPtr takeEmpty()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_empty.empty() || m_abandoned; });
        return m_abandoned ? nullptr : pop(m_empty);
    }
    void send(BatchPtr batch) { push(m_full, std::move(batch)); }
    // Producer: no more batches will come.
    void finish() { setFlag(m_finished); }

    // Consumer: the next full batch; null when the producer has finished and all were received.
    BatchPtr receive()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_full.empty() || m_finished; });
        return m_full.empty() ? nullptr : pop(m_full);
    }
    void giveBack(BatchPtr batch)
    {
        batch->clear();
        push(m_empty, std::move(batch));
    }
    // Consumer: stop the producer (an error or cancellation on the consuming side).
    void abandon() { setFlag(m_abandoned); }

private:
    static BatchPtr pop(std::deque<BatchPtr>& from)
    {
        BatchPtr batch = std::move(from.front());
        from.pop_front();
        return batch;
    }
    void push(std::deque<BatchPtr>& to, BatchPtr batch)
    {
        std::lock_guard lock(m_mutex);
        to.push_back(std::move(batch));
        m_changed.notify_all();
    }
    void setFlag(bool& flag)
    {
        std::lock_guard lock(m_mutex);
        flag = true;
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<BatchPtr> m_full, m_empty;
    bool m_finished = false;
    bool m_abandoned = false;
};

} // namespace evograph::rdf::detail
