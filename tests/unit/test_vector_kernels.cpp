// Every vector kernel on every SIMD target this CPU supports, against a double-precision scalar
// reference: dimensions that are and are not multiples of the lane width, and extreme magnitudes.

#include "evograph/vector/kernels.h"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <cstring>
#include <random>

using namespace evograph::vector;

namespace {
constexpr std::size_t kDimensions[] = {1, 3, 17, 383, 384, 1536};

// IEEE binary16 to float, by hand (the reference for the half-precision kernels).
float halfToFloat(Half h)
{
    const int sign = (h >> 15) & 1, exponent = (h >> 10) & 31, mantissa = h & 1023;
    float value;
    if (exponent == 0)
        value = std::ldexp(static_cast<float>(mantissa), -24);
    else if (exponent == 31)
        value = mantissa ? NAN : INFINITY;
    else
        value = std::ldexp(static_cast<float>(mantissa | 1024), exponent - 25);
    return sign ? -value : value;
}

std::vector<float> randomVector(std::mt19937& random, std::size_t d, float scale)
{
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> v(d);
    for (float& x : v)
        x = normal(random) * scale;
    return v;
}

// |kernel - reference| within float rounding of the sum of |terms|.
void checkClose(double kernel, double reference, double magnitude)
{
    INFO("kernel " << kernel << ", reference " << reference);
    CHECK(std::abs(kernel - reference) <= 2e-5 * magnitude + 1e-30);
}

struct TargetScope {
    explicit TargetScope(const std::string& name) { forceTarget(name); }
    ~TargetScope() { resetTarget(); }
};
} // namespace

TEST_CASE("the kernels agree with a double-precision reference on every supported target", "[vector]")
{
    const auto targets = supportedTargets();
    REQUIRE(!targets.empty());
    for (const std::string& target : targets) {
        const TargetScope scope(target);
        INFO("target " << target);
        CHECK(activeTarget() == target);
        std::mt19937 random(7);
        for (const std::size_t d : kDimensions) {
            for (const float scale : {1.0f, 1e-18f, 1e15f}) {
                INFO("d = " << d << ", scale " << scale);
                const auto a = randomVector(random, d, scale), b = randomVector(random, d, scale);
                double ip = 0, l2 = 0, magnitude = 0, l2magnitude = 0;
                for (std::size_t i = 0; i < d; ++i) {
                    ip += double(a[i]) * b[i];
                    magnitude += std::abs(double(a[i]) * b[i]);
                    l2 += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
                    l2magnitude += (std::abs(double(a[i])) + std::abs(double(b[i])))
                        * (std::abs(double(a[i])) + std::abs(double(b[i])));
                }
                checkClose(dot(a.data(), b.data(), d), ip, magnitude);
                checkClose(squaredL2(a.data(), b.data(), d), l2, l2magnitude);

                std::vector<std::int8_t> code(d);
                double ipCode = 0, codeMagnitude = 0;
                for (std::size_t i = 0; i < d; ++i) {
                    code[i] = static_cast<std::int8_t>(static_cast<int>(i * 37 % 255) - 127);
                    ipCode += double(a[i]) * code[i];
                    codeMagnitude += std::abs(double(a[i]) * code[i]);
                }
                checkClose(dotInt8(a.data(), code.data(), d), ipCode, codeMagnitude);
            }
            // Half precision holds magnitudes up to 65504.
            const auto q = randomVector(random, d, 1.0f), x = randomVector(random, d, 100.0f);
            std::vector<Half> halves(d);
            toHalf(x.data(), halves.data(), d);
            std::vector<float> back(d);
            fromHalf(halves.data(), back.data(), d);
            double ip = 0, l2 = 0, magnitude = 0, l2magnitude = 0;
            for (std::size_t i = 0; i < d; ++i) {
                const double h = halfToFloat(halves[i]);
                CHECK(back[i] == static_cast<float>(h));
                CHECK(std::abs(h - x[i]) <= std::abs(x[i]) * (1.0 / 1024)); // round to nearest in 11 bits
                ip += q[i] * h;
                magnitude += std::abs(q[i] * h);
                l2 += (q[i] - h) * (q[i] - h);
                l2magnitude += (std::abs(q[i]) + std::abs(h)) * (std::abs(q[i]) + std::abs(h));
            }
            checkClose(dotHalf(q.data(), halves.data(), d), ip, magnitude);
            checkClose(squaredL2Half(q.data(), halves.data(), d), l2, l2magnitude);
        }
    }
}

TEST_CASE("the blocked product and the PQ distance scan agree with the reference on every target", "[vector]")
{
    for (const std::string& target : supportedTargets()) {
        const TargetScope scope(target);
        INFO("target " << target);
        std::mt19937 random(11);
        for (const std::size_t d : kDimensions) {
            const std::size_t stride = (d + kPadding - 1) / kPadding * kPadding;
            const std::size_t nq = 7, nr = 11; // tails in both directions
            std::vector<float> queries(nq * stride, 0.0f), rows(nr * stride, 0.0f);
            for (std::size_t i = 0; i < nq; ++i) {
                const auto v = randomVector(random, d, 1.0f);
                std::memcpy(queries.data() + i * stride, v.data(), d * sizeof(float));
            }
            for (std::size_t j = 0; j < nr; ++j) {
                const auto v = randomVector(random, d, 1.0f);
                std::memcpy(rows.data() + j * stride, v.data(), d * sizeof(float));
            }
            std::vector<float> scores(nq * 13, -1.0f);
            dotBlock(queries.data(), nq, rows.data(), nr, d, stride, scores.data(), 13);
            for (std::size_t i = 0; i < nq; ++i)
                for (std::size_t j = 0; j < nr; ++j) {
                    double reference = 0, magnitude = 0;
                    for (std::size_t k = 0; k < d; ++k) {
                        reference += double(queries[i * stride + k]) * rows[j * stride + k];
                        magnitude += std::abs(double(queries[i * stride + k]) * rows[j * stride + k]);
                    }
                    INFO("d = " << d << ", query " << i << ", row " << j);
                    checkClose(scores[i * 13 + j], reference, magnitude);
                }
            CHECK(scores[12] == -1.0f); // nothing written past nr
        }
        const std::size_t m = 7, n = 5;
        std::vector<float> tables(m * 256);
        for (std::size_t i = 0; i < tables.size(); ++i)
            tables[i] = static_cast<float>(i % 97) * 0.25f;
        std::vector<std::uint8_t> codes(n * m);
        for (std::size_t i = 0; i < codes.size(); ++i)
            codes[i] = static_cast<std::uint8_t>(i * 53 % 256);
        std::vector<float> out(n);
        adcScan(tables.data(), codes.data(), n, m, out.data());
        for (std::size_t i = 0; i < n; ++i) {
            double reference = 0;
            for (std::size_t j = 0; j < m; ++j)
                reference += tables[j * 256 + codes[i * m + j]];
            CHECK(out[i] == static_cast<float>(reference));
        }
    }
}
