#pragma once
// Small non-cryptographic hashing helpers for in-memory structures (colour refinement, hash
// maps). Content digests for storage and canonicalization are in engine/digest.h.

#include <cstdint>

namespace evograph::engine {

// A 64-bit finaliser (splitmix/murmur style): spreads every input bit over the output.
inline std::uint64_t mix(std::uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ULL;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dULL;
    x ^= x >> 33;
    return x;
}

// Order-dependent combination of a running hash with one more value.
inline std::uint64_t combine(std::uint64_t seed, std::uint64_t value)
{
    return mix(seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)));
}

} // namespace evograph::engine
