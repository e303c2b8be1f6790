#pragma once
// How an index stores a vector for traversal, and how a query measures its distance to one
// (internal to vector/): 4 bytes a dimension (f32), 2 (f16), 1 plus a scale (int8), or product-
// quantization codes. Distances are "lower is nearer": the negated inner product (ip, cos) or the
// squared Euclidean distance (l2).
#include "evograph/vector/vectors.h"

#include <cstdint>
#include <memory>

namespace evograph::vector {
class ProductQuantizer;
}

namespace evograph::vector::detail {

class QueryDistance {
public:
    virtual ~QueryDistance() = default;
    virtual float operator()(const std::uint8_t* code) const = 0;
};

class Codec {
public:
    virtual ~Codec() = default;
    virtual std::size_t codeBytes() const = 0;
    virtual void encode(const float* vector, std::uint8_t* code) const = 0;
    // `query` is prepared (normalised for cosine) and outlives the result.
    virtual std::unique_ptr<QueryDistance> query(const float* query) const = 0;
};

std::unique_ptr<Codec> makeCodec(Storage storage, std::size_t dim, Metric metric);
// Codes of a trained quantizer (which outlives the codec).
std::unique_ptr<Codec> makePqCodec(const ProductQuantizer& quantizer);

// The exact distance between two float vectors, lower is nearer.
float exactDistance(Metric metric, const float* a, const float* b, std::size_t dim);
// A query as the indexes compare it: normalised for cosine.
void prepareQuery(Metric metric, float* query, std::size_t dim);

} // namespace evograph::vector::detail
