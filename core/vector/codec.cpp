#include "codec.h"

#include "evograph/vector/kernels.h"
#include "evograph/vector/product_quantizer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>
#include <vector>

namespace evograph::vector::detail {

namespace {
bool isL2(Metric metric)
{
    return metric == Metric::L2;
}

// f32 and f16 storage: the code is the vector itself in that type, measured by the matching kernels.
template <typename Element, float (*Dot)(const float*, const Element*, std::size_t),
    float (*SquaredL2)(const float*, const Element*, std::size_t)>
class PlainCodec final : public Codec {
public:
    PlainCodec(std::size_t dim, Metric metric)
        : m_dim(dim)
        , m_metric(metric)
    {
    }
    std::size_t codeBytes() const override { return m_dim * sizeof(Element); }
    void encode(const float* v, std::uint8_t* code) const override
    {
        if constexpr (std::is_same_v<Element, float>) {
            std::memcpy(code, v, codeBytes());
        } else {
            std::vector<Half> halves(m_dim);
            toHalf(v, halves.data(), m_dim);
            std::memcpy(code, halves.data(), codeBytes());
        }
    }
    std::unique_ptr<QueryDistance> query(const float* q) const override
    {
        struct Distance final : QueryDistance {
            const float* q;
            std::size_t dim;
            bool l2;
            float operator()(const std::uint8_t* code) const override
            {
                const auto* x = reinterpret_cast<const Element*>(code);
                return l2 ? SquaredL2(q, x, dim) : -Dot(q, x, dim);
            }
        };
        auto d = std::make_unique<Distance>();
        d->q = q, d->dim = m_dim, d->l2 = isL2(m_metric);
        return d;
    }

private:
    std::size_t m_dim;
    Metric m_metric;
};
using F32Codec = PlainCodec<float, dot, squaredL2>;
using F16Codec = PlainCodec<Half, dotHalf, squaredL2Half>;

// Symmetric scalar quantization per vector: code = round(v / scale), scale = max |v| / 127.
// Layout: the scale (float), the squared norm of the decoded vector (float), then d int8 values.
class Int8Codec final : public Codec {
public:
    Int8Codec(std::size_t dim, Metric metric)
        : m_dim(dim)
        , m_metric(metric)
    {
    }
    std::size_t codeBytes() const override { return 2 * sizeof(float) + m_dim; }
    void encode(const float* v, std::uint8_t* code) const override
    {
        float largest = 0;
        for (std::size_t i = 0; i < m_dim; ++i)
            largest = std::max(largest, std::abs(v[i]));
        const float scale = largest > 0 ? largest / 127.0f : 1.0f;
        auto* values = reinterpret_cast<std::int8_t*>(code + 2 * sizeof(float));
        float norm = 0;
        for (std::size_t i = 0; i < m_dim; ++i) {
            values[i] = static_cast<std::int8_t>(std::lround(std::clamp(v[i] / scale, -127.0f, 127.0f)));
            norm += (values[i] * scale) * (values[i] * scale);
        }
        std::memcpy(code, &scale, sizeof scale);
        std::memcpy(code + sizeof scale, &norm, sizeof norm);
    }
    std::unique_ptr<QueryDistance> query(const float* q) const override
    {
        struct Distance final : QueryDistance {
            const float* q;
            std::size_t dim;
            bool l2;
            float queryNorm;
            float operator()(const std::uint8_t* code) const override
            {
                float scale, norm;
                std::memcpy(&scale, code, sizeof scale);
                std::memcpy(&norm, code + sizeof scale, sizeof norm);
                const float ip
                    = scale * dotInt8(q, reinterpret_cast<const std::int8_t*>(code + 2 * sizeof(float)), dim);
                return l2 ? queryNorm - 2 * ip + norm : -ip;
            }
        };
        auto d = std::make_unique<Distance>();
        d->q = q, d->dim = m_dim, d->l2 = isL2(m_metric), d->queryNorm = dot(q, q, m_dim);
        return d;
    }

private:
    std::size_t m_dim;
    Metric m_metric;
};

// Product-quantization codes: m bytes, measured by a per-query table (asymmetric distance).
class PqCodec final : public Codec {
public:
    explicit PqCodec(const ProductQuantizer& quantizer)
        : m_pq(quantizer)
    {
    }
    std::size_t codeBytes() const override { return m_pq.m(); }
    void encode(const float* v, std::uint8_t* code) const override { m_pq.encode(v, code); }
    std::unique_ptr<QueryDistance> query(const float* q) const override
    {
        struct Distance final : QueryDistance {
            std::vector<float> tables;
            std::size_t m = 0;
            float operator()(const std::uint8_t* code) const override
            {
                float sum = 0;
                for (std::size_t j = 0; j < m; ++j)
                    sum += tables[j * 256 + code[j]];
                return sum;
            }
        };
        auto d = std::make_unique<Distance>();
        d->tables = m_pq.distanceTables(q);
        d->m = m_pq.m();
        return d;
    }

private:
    const ProductQuantizer& m_pq;
};
} // namespace

std::unique_ptr<Codec> makeCodec(Storage storage, std::size_t dim, Metric metric)
{
    switch (storage) {
    case Storage::F16:
        return std::make_unique<F16Codec>(dim, metric);
    case Storage::Int8:
        return std::make_unique<Int8Codec>(dim, metric);
    case Storage::F32:
        break;
    }
    return std::make_unique<F32Codec>(dim, metric);
}

std::unique_ptr<Codec> makePqCodec(const ProductQuantizer& quantizer)
{
    return std::make_unique<PqCodec>(quantizer);
}

float exactDistance(Metric metric, const float* a, const float* b, std::size_t dim)
{
    return isL2(metric) ? squaredL2(a, b, dim) : -dot(a, b, dim);
}

void prepareQuery(Metric metric, float* query, std::size_t dim)
{
    if (metric != Metric::Cosine)
        return;
    const float norm = std::sqrt(dot(query, query, dim));
    if (norm > 0)
        for (std::size_t i = 0; i < dim; ++i)
            query[i] /= norm;
}

} // namespace evograph::vector::detail
