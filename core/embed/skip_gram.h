#pragma once
// Internal to the built-in embedder: skip-gram with negative sampling (word2vec) over random
// walks, trained on the engine's threads and deterministic for a seed whatever the thread count.
//
// Hogwild training (threads writing shared rows as they go) is fast but gives different vectors
// on every run. Here each round's walks are cut into a fixed number of slices; each slice's
// gradients are computed against the round's parameters into its own sparse accumulator (any
// thread may take any slice), and the accumulators are applied in slice order, every row moved by
// its mean gradient. The result depends on the seed and the data only.

#include "evograph/engine/thread_pool.h"
#include "evograph/vector/vectors.h"

#include <cstdint>
#include <span>

namespace evograph::embed {

struct SkipGramOptions {
    std::size_t dim = 64;
    unsigned window = 4;
    unsigned negatives = 5;
    unsigned epochs = 4; // at least: small graphs get more, so that every node moves often enough
    float learningRate = 0.05f;
    std::uint64_t seed = 42;
    std::size_t threads = 1;
};

// `walks` holds walks of `walkLength` node ids (kNoNode padding is skipped) over `nodes` nodes.
// Returns one row per node (the input vectors). Reports progress per round; cancellable.
vector::VectorSet trainSkipGram(std::span<const std::uint32_t> walks, std::size_t walkLength, std::size_t nodes,
    const SkipGramOptions& options, engine::ThreadPool* pool, const engine::TaskContext* task);

} // namespace evograph::embed
