#pragma once
// A std::vector allocator for SIMD-aligned storage: 64 bytes, a cache line
// and the widest vector a target loads aligned.
#include <cstddef>
#include <new>
#include <vector>

namespace evograph::vector::detail {

template <typename T> struct AlignedAllocator {
    using value_type = T;
    static constexpr std::align_val_t kAlignment {64};
    AlignedAllocator() = default;
    template <typename U> AlignedAllocator(const AlignedAllocator<U>&) { }
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), kAlignment)); }
    void deallocate(T* p, std::size_t) { ::operator delete(p, kAlignment); }
    template <typename U> bool operator==(const AlignedAllocator<U>&) const { return true; }
};

template <typename T> using AlignedVector = std::vector<T, AlignedAllocator<T>>;

} // namespace evograph::vector::detail
