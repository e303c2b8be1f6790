#pragma once
// One linear pass over two sorted sequences: what only the first has and what only the second has.

#include <cstddef>

namespace evograph::engine {

// Indexes only in A and only in B of two sorted, unique sequences, given by size and key, in one pass.
template <typename KeyA, typename KeyB, typename OnlyA, typename OnlyB>
void mergeDifference(std::size_t sizeA, KeyA keyA, std::size_t sizeB, KeyB keyB, OnlyA onlyA, OnlyB onlyB)
{
    std::size_t i = 0, j = 0;
    while (i < sizeA && j < sizeB) {
        if (keyA(i) < keyB(j))
            onlyA(i++);
        else if (keyB(j) < keyA(i))
            onlyB(j++);
        else
            ++i, ++j;
    }
    for (; i < sizeA; ++i)
        onlyA(i);
    for (; j < sizeB; ++j)
        onlyB(j);
}

// How many elements two sorted sequences share (as multisets).
template <typename Sequence> std::size_t sharedCount(const Sequence& a, const Sequence& b)
{
    std::size_t onlyA = 0;
    mergeDifference(
        a.size(), [&](std::size_t i) { return a[i]; }, b.size(), [&](std::size_t j) { return b[j]; },
        [&](std::size_t) { ++onlyA; }, [](std::size_t) {});
    return a.size() - onlyA;
}

} // namespace evograph::engine
