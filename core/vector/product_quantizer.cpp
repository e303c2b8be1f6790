#include "evograph/vector/product_quantizer.h"

#include "evograph/engine/parallel_for.h"
#include "evograph/error.h"
#include "evograph/vector/kernels.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <random>

namespace evograph::vector {

namespace {
constexpr std::size_t kBlock = 256; // sub-vectors assigned at a time

std::size_t paddedDim(std::size_t d)
{
    return (d + kPadding - 1) / kPadding * kPadding;
}

// Nearest centroid of each of `count` padded sub-vectors: argmin |c|^2 - 2 x.c over 256 centroids.
void assign(const std::vector<float>& paddedCentroids, const std::vector<float>& centroidNorms, std::size_t sub,
    const float* rows, std::size_t count, std::uint8_t* out, float* distance = nullptr)
{
    const std::size_t stride = paddedDim(sub);
    std::vector<float> scores(ProductQuantizer::kCentroids * kBlock);
    for (std::size_t b = 0; b < count; b += kBlock) {
        const std::size_t n = std::min(kBlock, count - b);
        dotBlock(paddedCentroids.data(), ProductQuantizer::kCentroids, rows + b * stride, n, sub, stride, scores.data(),
            kBlock);
        for (std::size_t r = 0; r < n; ++r) {
            float best = std::numeric_limits<float>::infinity();
            std::size_t arg = 0;
            for (std::size_t c = 0; c < ProductQuantizer::kCentroids; ++c) {
                const float d = centroidNorms[c] - 2 * scores[c * kBlock + r];
                if (d < best)
                    best = d, arg = c;
            }
            out[b + r] = static_cast<std::uint8_t>(arg);
            if (distance)
                distance[b + r] = best;
        }
    }
}

// One subspace's sub-vectors of `rows`, zero-padded to the kernel's stride.
std::vector<float> subvectors(
    const VectorSet& vectors, const std::vector<std::size_t>& rows, std::size_t j, std::size_t sub)
{
    const std::size_t stride = paddedDim(sub);
    std::vector<float> out(rows.size() * stride, 0.0f);
    for (std::size_t i = 0; i < rows.size(); ++i)
        std::memcpy(out.data() + i * stride, vectors.row(rows[i]) + j * sub, sub * sizeof(float));
    return out;
}

std::vector<float> padCentroids(const float* centroids, std::size_t sub, std::vector<float>& norms)
{
    const std::size_t stride = paddedDim(sub);
    std::vector<float> out(ProductQuantizer::kCentroids * stride, 0.0f);
    norms.resize(ProductQuantizer::kCentroids);
    for (std::size_t c = 0; c < ProductQuantizer::kCentroids; ++c) {
        std::memcpy(out.data() + c * stride, centroids + c * sub, sub * sizeof(float));
        norms[c] = dot(centroids + c * sub, centroids + c * sub, sub);
    }
    return out;
}

// k-means++ seeding and Lloyd iterations for one subspace; deterministic for a seed.
void trainSubspace(const std::vector<float>& points, std::size_t count, std::size_t sub, std::size_t iterations,
    std::uint64_t seed, float* centroids, const engine::CancellationToken& cancel)
{
    const std::size_t stride = paddedDim(sub), k = ProductQuantizer::kCentroids;
    std::mt19937_64 random(seed);
    std::vector<float> nearest(count, std::numeric_limits<float>::infinity());
    auto point = [&](std::size_t i) { return points.data() + i * stride; };
    std::memcpy(centroids, point(random() % count), sub * sizeof(float));
    for (std::size_t c = 1; c < k; ++c) { // D^2 sampling
        double total = 0;
        for (std::size_t i = 0; i < count; ++i) {
            nearest[i] = std::min(nearest[i], squaredL2(point(i), centroids + (c - 1) * sub, sub));
            total += static_cast<double>(nearest[i]);
        }
        double target = std::uniform_real_distribution<double>(0.0, total)(random);
        std::size_t chosen = count - 1;
        for (std::size_t i = 0; i < count; ++i)
            if ((target -= static_cast<double>(nearest[i])) <= 0) {
                chosen = i;
                break;
            }
        std::memcpy(centroids + c * sub, point(chosen), sub * sizeof(float));
    }
    std::vector<std::uint8_t> labels(count);
    std::vector<float> distance(count);
    for (std::size_t iteration = 0; iteration < iterations; ++iteration) {
        cancel.checkpoint();
        std::vector<float> norms;
        const std::vector<float> padded = padCentroids(centroids, sub, norms);
        assign(padded, norms, sub, points.data(), count, labels.data(), distance.data());
        std::vector<double> sums(k * sub, 0.0);
        std::vector<std::size_t> sizes(k, 0);
        for (std::size_t i = 0; i < count; ++i) {
            ++sizes[labels[i]];
            for (std::size_t d = 0; d < sub; ++d)
                sums[labels[i] * sub + d] += static_cast<double>(point(i)[d]);
        }
        for (std::size_t c = 0; c < k; ++c) {
            if (sizes[c] == 0) { // an empty cluster takes the point worst served so far
                const std::size_t far
                    = static_cast<std::size_t>(std::max_element(distance.begin(), distance.end()) - distance.begin());
                std::memcpy(centroids + c * sub, point(far), sub * sizeof(float));
                distance[far] = -std::numeric_limits<float>::infinity();
                continue;
            }
            for (std::size_t d = 0; d < sub; ++d)
                centroids[c * sub + d] = static_cast<float>(sums[c * sub + d] / static_cast<double>(sizes[c]));
        }
    }
}
} // namespace

ProductQuantizer::ProductQuantizer(std::size_t dim, std::size_t m, Metric metric)
    : m_dim(dim)
    , m_m(m)
    , m_metric(metric)
{
    if (m == 0 || dim % m != 0)
        throw Error("product quantization needs m (" + std::to_string(m) + ") to divide the dimension ("
            + std::to_string(dim) + ")");
}

void ProductQuantizer::setCentroids(std::vector<float> centroids)
{
    if (centroids.size() != m_m * kCentroids * subDim())
        throw Error("product quantizer centroids of the wrong size");
    m_centroids = std::move(centroids);
}

void ProductQuantizer::train(const VectorSet& vectors, const TrainOptions& options)
{
    if (vectors.dim() != m_dim)
        throw Error("training vectors of dimension " + std::to_string(vectors.dim()) + " for a quantizer of dimension "
            + std::to_string(m_dim));
    if (vectors.size() < kCentroids)
        throw Error("product quantization needs at least " + std::to_string(kCentroids) + " vectors to train on, not "
            + std::to_string(vectors.size()));
    std::vector<std::size_t> sample(vectors.size());
    for (std::size_t i = 0; i < sample.size(); ++i)
        sample[i] = i;
    if (sample.size() > options.sample) {
        std::mt19937_64 random(options.seed);
        std::shuffle(sample.begin(), sample.end(), random);
        sample.resize(options.sample);
        std::sort(sample.begin(), sample.end());
    }
    const std::size_t sub = subDim();
    std::vector<float> centroids(m_m * kCentroids * sub);
    std::atomic<std::uint64_t> done {0};
    engine::parallelFor(options.pool, options.threads, m_m, [&](std::size_t j) {
        const std::vector<float> points = subvectors(vectors, sample, j, sub);
        trainSubspace(points, sample.size(), sub, options.iterations, options.seed + 7919 * j,
            centroids.data() + j * kCentroids * sub, options.cancel);
        if (options.progress)
            options.progress(done.fetch_add(1) + 1, m_m);
    });
    m_centroids = std::move(centroids);
}

std::vector<std::uint8_t> ProductQuantizer::encode(
    const VectorSet& vectors, engine::ThreadPool* pool, std::size_t threads) const
{
    const std::size_t n = vectors.size(), sub = subDim();
    std::vector<std::uint8_t> codes(n * m_m);
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i)
        all[i] = i;
    engine::parallelFor(pool, threads, m_m, [&](std::size_t j) {
        std::vector<float> norms;
        const std::vector<float> padded = padCentroids(m_centroids.data() + j * kCentroids * sub, sub, norms);
        std::vector<std::uint8_t> labels(n);
        for (std::size_t b = 0; b < n; b += 65536) { // bounded scratch for large sets
            const std::vector<std::size_t> rows(all.begin() + static_cast<std::ptrdiff_t>(b),
                all.begin() + static_cast<std::ptrdiff_t>(std::min(n, b + 65536)));
            const std::vector<float> points = subvectors(vectors, rows, j, sub);
            assign(padded, norms, sub, points.data(), rows.size(), labels.data() + b);
        }
        for (std::size_t i = 0; i < n; ++i)
            codes[i * m_m + j] = labels[i];
    });
    return codes;
}

void ProductQuantizer::encode(const float* vector, std::uint8_t* code) const
{
    const std::size_t sub = subDim();
    for (std::size_t j = 0; j < m_m; ++j) {
        float best = std::numeric_limits<float>::infinity();
        for (std::size_t c = 0; c < kCentroids; ++c) {
            const float d = squaredL2(vector + j * sub, m_centroids.data() + (j * kCentroids + c) * sub, sub);
            if (d < best)
                best = d, code[j] = static_cast<std::uint8_t>(c);
        }
    }
}

void ProductQuantizer::decode(const std::uint8_t* code, float* vector) const
{
    const std::size_t sub = subDim();
    for (std::size_t j = 0; j < m_m; ++j)
        std::memcpy(vector + j * sub, m_centroids.data() + (j * kCentroids + code[j]) * sub, sub * sizeof(float));
}

std::vector<float> ProductQuantizer::distanceTables(const float* query) const
{
    const std::size_t sub = subDim();
    std::vector<float> tables(m_m * kCentroids);
    for (std::size_t j = 0; j < m_m; ++j)
        for (std::size_t c = 0; c < kCentroids; ++c) {
            const float* centroid = m_centroids.data() + (j * kCentroids + c) * sub;
            tables[j * kCentroids + c] = m_metric == Metric::L2 ? squaredL2(query + j * sub, centroid, sub)
                                                                : -dot(query + j * sub, centroid, sub);
        }
    return tables;
}

} // namespace evograph::vector
