#pragma once
// The k best candidates seen so far (internal to vector/): a bounded min-heap on score, where a
// higher score is nearer. threshold() is the score a newcomer must beat once the heap is full.
#include "evograph/vector/vectors.h"

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

namespace evograph::vector::detail {

struct Scored {
    float score;
    VectorId id;
};

class TopK {
public:
    explicit TopK(std::size_t k)
        : m_k(k)
    {
        m_heap.reserve(k);
    }

    float threshold() const
    {
        return m_heap.size() < m_k ? -std::numeric_limits<float>::infinity() : m_heap.front().score;
    }
    bool full() const { return m_heap.size() == m_k; }

    void push(float score, VectorId id)
    {
        if (m_k == 0)
            return;
        if (m_heap.size() < m_k) {
            m_heap.push_back({score, id});
            std::push_heap(m_heap.begin(), m_heap.end(), worse);
        } else if (score > m_heap.front().score) {
            std::pop_heap(m_heap.begin(), m_heap.end(), worse);
            m_heap.back() = {score, id};
            std::push_heap(m_heap.begin(), m_heap.end(), worse);
        }
    }

    void merge(const TopK& other)
    {
        for (const Scored& s : other.m_heap)
            push(s.score, s.id);
    }

    // Best first; ties by lower id, so results do not depend on the order candidates came in.
    std::vector<Scored> sorted() const
    {
        std::vector<Scored> out = m_heap;
        std::sort(out.begin(), out.end(),
            [](const Scored& a, const Scored& b) { return a.score != b.score ? a.score > b.score : a.id < b.id; });
        return out;
    }

private:
    static bool worse(const Scored& a, const Scored& b) { return a.score > b.score; } // min-heap
    std::size_t m_k;
    std::vector<Scored> m_heap;
};

} // namespace evograph::vector::detail
