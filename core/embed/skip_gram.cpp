#include "skip_gram.h"

#include "evograph/engine/hashing.h"
#include "evograph/engine/parallel_for.h"
#include "evograph/vector/kernels.h"

#include <algorithm>
#include <cmath>

namespace evograph::embed {

namespace {
constexpr std::uint32_t kNoNode = UINT32_MAX;
constexpr std::size_t kSlices = 8;
// Rounds of at most 8 × 32 walks; small graphs get smaller rounds and more epochs, so that every
// node is moved often enough (a round moves a row once, by its mean gradient).
constexpr std::size_t kMaxWalksPerSlice = 32, kMinRoundsPerEpoch = 64, kMinRounds = 600, kMaxEpochs = 200;

// The gradients one slice computed in one round: a sum and a count per row it touched. The slot
// of a row is a dense array (no hashing in the inner loop), reset row by row after the round.
struct Accumulator {
    std::vector<std::uint32_t> slotOf; // by row; kNoNode: untouched
    std::vector<std::uint32_t> rows, counts;
    std::vector<float> sums;

    float* add(std::uint32_t row, std::size_t dim)
    {
        std::uint32_t& slot = slotOf[row];
        if (slot == kNoNode) {
            slot = static_cast<std::uint32_t>(rows.size());
            rows.push_back(row), counts.push_back(0);
            sums.resize(sums.size() + dim, 0.0f);
        }
        ++counts[slot];
        return sums.data() + std::size_t(slot) * dim;
    }
    void clear(std::size_t nodes)
    {
        if (slotOf.size() != nodes)
            slotOf.assign(nodes, kNoNode);
        for (const std::uint32_t row : rows)
            slotOf[row] = kNoNode;
        rows.clear(), counts.clear(), sums.clear();
    }
};

// Adds every slice's sums (slice order) and moves each row by sum / sqrt(count).
void apply(std::vector<Accumulator>& slices, vector::VectorSet& matrix, std::vector<float>& sum,
    std::vector<std::uint32_t>& count, std::vector<std::uint32_t>& touched)
{
    const std::size_t dim = matrix.dim();
    touched.clear();
    for (const Accumulator& a : slices)
        for (std::size_t i = 0; i < a.rows.size(); ++i) {
            const std::uint32_t row = a.rows[i];
            if (count[row] == 0)
                touched.push_back(row);
            count[row] += a.counts[i];
            float* s = sum.data() + std::size_t(row) * dim;
            const float* g = a.sums.data() + i * dim;
            for (std::size_t k = 0; k < dim; ++k)
                s[k] += g[k];
        }
    for (const std::uint32_t row : touched) {
        const float scale = 1.0f / std::sqrt(static_cast<float>(count[row]));
        float* s = sum.data() + std::size_t(row) * dim;
        float* m = matrix.row(row);
        for (std::size_t k = 0; k < dim; ++k)
            m[k] += s[k] * scale, s[k] = 0;
        count[row] = 0;
    }
}

float sigmoid(float x)
{
    if (x > 8)
        return 1;
    if (x < -8)
        return 0;
    return 1.0f / (1.0f + std::exp(-x));
}

double uniform(std::uint64_t& state)
{
    state = engine::mix(state + 0x9e3779b97f4a7c15ULL);
    return static_cast<double>(state >> 11) / 9007199254740992.0;
}
} // namespace

vector::VectorSet trainSkipGram(std::span<const std::uint32_t> walks, std::size_t walkLength, std::size_t nodes,
    const SkipGramOptions& o, engine::ThreadPool* pool, const engine::TaskContext* task)
{
    const std::size_t dim = o.dim;
    vector::VectorSet input(nodes, dim), output(nodes, dim);
    std::uint64_t init = engine::mix(o.seed ^ 0x5eed);
    for (float& x : input.values())
        x = static_cast<float>((uniform(init) - 0.5) / static_cast<double>(dim));
    if (walkLength == 0 || walks.empty() || nodes == 0)
        return input;

    // Negatives are drawn from the node frequencies to the power 0.75 (word2vec's choice).
    std::vector<double> cumulative(nodes, 0.0);
    for (const std::uint32_t n : walks)
        if (n != kNoNode)
            cumulative[n] += 1;
    double running = 0;
    for (double& c : cumulative)
        running += std::pow(c, 0.75), c = running;
    const auto drawNegative = [&](std::uint64_t& state) {
        const double x = uniform(state) * running;
        return static_cast<std::uint32_t>(std::min<std::size_t>(
            std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin(), nodes - 1));
    };

    const std::size_t walkCount = walks.size() / walkLength;
    const std::size_t walksPerSlice
        = std::clamp<std::size_t>(walkCount / (kSlices * kMinRoundsPerEpoch), 1, kMaxWalksPerSlice);
    const std::size_t perRound = kSlices * walksPerSlice;
    const std::size_t roundsPerEpoch = (walkCount + perRound - 1) / perRound;
    const unsigned epochs = static_cast<unsigned>(std::clamp<std::size_t>(
        (kMinRounds + roundsPerEpoch - 1) / roundsPerEpoch, o.epochs, std::max<std::size_t>(o.epochs, kMaxEpochs)));
    const std::size_t totalRounds = roundsPerEpoch * epochs;
    std::vector<std::uint32_t> order(walkCount);
    std::vector<Accumulator> inputGrads(kSlices), outputGrads(kSlices);
    // One set of buffers per matrix: the two are updated at once.
    std::vector<float> sums[2] = {std::vector<float>(nodes * dim, 0.0f), std::vector<float>(nodes * dim, 0.0f)};
    std::vector<std::uint32_t> counts[2] = {std::vector<std::uint32_t>(nodes, 0), std::vector<std::uint32_t>(nodes, 0)};
    std::vector<std::uint32_t> touched[2];

    std::size_t roundNo = 0;
    for (unsigned epoch = 0; epoch < epochs; ++epoch) {
        for (std::size_t i = 0; i < walkCount; ++i)
            order[i] = static_cast<std::uint32_t>(i);
        std::uint64_t shuffle = engine::combine(o.seed, epoch);
        for (std::size_t i = walkCount; i > 1; --i)
            std::swap(order[i - 1], order[static_cast<std::size_t>(uniform(shuffle) * static_cast<double>(i))]);

        for (std::size_t round = 0; round < roundsPerEpoch; ++round, ++roundNo) {
            if (task)
                task->checkpoint(), task->setProgress(roundNo, totalRounds);
            const float rate = o.learningRate
                * std::max(0.05f, 1.0f - static_cast<float>(roundNo) / static_cast<float>(totalRounds));
            engine::parallelFor(pool, o.threads, kSlices, [&](std::size_t slice) {
                Accumulator& gIn = inputGrads[slice];
                Accumulator& gOut = outputGrads[slice];
                gIn.clear(nodes), gOut.clear(nodes);
                std::uint64_t random = engine::combine(engine::combine(o.seed, roundNo), slice);
                const std::size_t first = round * perRound + slice * walksPerSlice;
                const std::size_t last = std::min(walkCount, first + walksPerSlice);
                std::vector<float> centerGrad(dim);
                for (std::size_t w = first; w < last; ++w) {
                    const std::uint32_t* walk = walks.data() + std::size_t(order[w]) * walkLength;
                    for (std::size_t i = 0; i < walkLength; ++i) {
                        const std::uint32_t center = walk[i];
                        if (center == kNoNode)
                            break;
                        const float* c = input.row(center);
                        std::fill(centerGrad.begin(), centerGrad.end(), 0.0f);
                        const std::size_t from = i > o.window ? i - o.window : 0;
                        const std::size_t to = std::min(walkLength, i + o.window + 1);
                        for (std::size_t j = from; j < to; ++j) {
                            const std::uint32_t context = walk[j];
                            if (j == i || context == kNoNode || context == center)
                                continue;
                            for (unsigned k = 0; k <= o.negatives; ++k) {
                                const std::uint32_t target = k == 0 ? context : drawNegative(random);
                                if (k > 0 && (target == context || target == center))
                                    continue;
                                const float* t = output.row(target);
                                const float g = ((k == 0 ? 1.0f : 0.0f) - sigmoid(vector::dot(c, t, dim))) * rate;
                                float* out = gOut.add(target, dim);
                                for (std::size_t d = 0; d < dim; ++d)
                                    centerGrad[d] += g * t[d], out[d] += g * c[d];
                            }
                        }
                        float* in = gIn.add(center, dim);
                        for (std::size_t d = 0; d < dim; ++d)
                            in[d] += centerGrad[d];
                    }
                }
            });
            engine::parallelFor(pool, o.threads, 2, [&](std::size_t m) {
                apply(m == 0 ? inputGrads : outputGrads, m == 0 ? input : output, sums[m], counts[m], touched[m]);
            });
        }
    }
    if (task)
        task->setProgress(totalRounds, totalRounds);
    return input;
}

} // namespace evograph::embed
