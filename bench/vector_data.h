#pragma once
// The benchmark's data (issue "SIMD vector engine"): a Gaussian mixture of n/100 unit-norm centres
// plus N(0, 0.5²/d) noise, L2-normalised, queries drawn the same way; or uniform random unit
// vectors. Deterministic for a seed.
#include "evograph/vector/vectors.h"

#include <cmath>
#include <random>

namespace evograph::bench {

inline vector::VectorSet unitGaussian(std::size_t n, std::size_t d, std::mt19937_64& random)
{
    std::normal_distribution<float> normal;
    vector::VectorSet out(n, d);
    for (float& x : out.values())
        x = normal(random);
    vector::normalizeRows(out);
    return out;
}

// `n` points and `queries` queries of the same mixture (centres shared).
inline std::pair<vector::VectorSet, vector::VectorSet> mixture(
    std::size_t n, std::size_t queries, std::size_t d, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    const vector::VectorSet centres = unitGaussian(std::max<std::size_t>(1, n / 100), d, random);
    std::normal_distribution<float> noise(0.0f, 0.5f / std::sqrt(static_cast<float>(d)));
    std::uniform_int_distribution<std::size_t> pick(0, centres.size() - 1);
    auto draw = [&](std::size_t count) {
        vector::VectorSet out(count, d);
        for (std::size_t i = 0; i < count; ++i) {
            const float* c = centres.row(pick(random));
            for (std::size_t j = 0; j < d; ++j)
                out.row(i)[j] = c[j] + noise(random);
        }
        vector::normalizeRows(out);
        return out;
    };
    vector::VectorSet points = draw(n);
    return {std::move(points), draw(queries)};
}

inline std::pair<vector::VectorSet, vector::VectorSet> uniform(
    std::size_t n, std::size_t queries, std::size_t d, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    vector::VectorSet points = unitGaussian(n, d, random);
    return {std::move(points), unitGaussian(queries, d, random)};
}

} // namespace evograph::bench
