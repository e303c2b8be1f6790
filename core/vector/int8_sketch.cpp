#include "evograph/vector/int8_sketch.h"

#include <algorithm>
#include <cmath>

namespace evograph::vector::detail {

namespace {
// The codes of x at scale 1 / step (max|x| → ±127), the residual's and the approximation's norms.
struct Quantized {
    float scale = 1;
    double residual = 0, approx = 0;
    std::int32_t sum = 0;
};

template <typename Store> Quantized quantize(const float* x, std::size_t dim, Store store)
{
    float largest = 0;
    for (std::size_t k = 0; k < dim; ++k)
        largest = std::max(largest, std::abs(x[k]));
    Quantized q;
    q.scale = largest > 0 ? largest / 127.0f : 1.0f;
    for (std::size_t k = 0; k < dim; ++k) {
        const int c = std::clamp(static_cast<int>(std::lround(x[k] / q.scale)), -127, 127);
        store(k, c);
        const double approx = static_cast<double>(q.scale) * c, error = static_cast<double>(x[k]) - approx;
        q.residual += error * error;
        q.approx += approx * approx;
        q.sum += c;
    }
    q.residual = std::sqrt(q.residual);
    q.approx = std::sqrt(q.approx);
    return q;
}
} // namespace

Int8Sketch::Int8Sketch(std::size_t dim)
    : m_dim(dim)
    , m_groups((dim + 3) / 4)
{
}

std::size_t Int8Sketch::memoryBytes() const
{
    return m_codes.capacity() + (m_scale.capacity() + m_residual.capacity() + m_approx.capacity()) * sizeof(float)
        + m_offset.capacity() * sizeof(std::int32_t);
}

void Int8Sketch::resize(std::size_t rows)
{
    m_rows = rows;
    const std::size_t padded = (rows + 15) / 16 * 16;
    m_codes.resize(padded / 16 * m_groups * 64, 0);
    m_scale.resize(padded, 1.0f);
    m_residual.resize(padded, 0.0f);
    m_approx.resize(padded, 0.0f);
    m_offset.resize(padded, 0);
}

void Int8Sketch::set(std::size_t row, const float* x)
{
    const Quantized q = quantize(x, m_dim, [&](std::size_t k, int c) { code(row, k) = static_cast<std::int8_t>(c); });
    m_scale[row] = q.scale;
    m_residual[row] = static_cast<float>(q.residual);
    m_approx[row] = static_cast<float>(q.approx);
    m_offset[row] = 128 * q.sum;
}

void Int8Sketch::copy(std::size_t from, std::size_t to)
{
    for (std::size_t k = 0; k < m_groups * 4; ++k)
        code(to, k) = code(from, k);
    m_scale[to] = m_scale[from];
    m_residual[to] = m_residual[from];
    m_approx[to] = m_approx[from];
    m_offset[to] = m_offset[from];
}

void Int8Sketch::clear(std::size_t row)
{
    for (std::size_t k = 0; k < m_groups * 4; ++k)
        code(row, k) = 0;
    m_scale[row] = 1.0f, m_residual[row] = m_approx[row] = 0.0f, m_offset[row] = 0;
}

Int8Queries quantizeQueries(
    const float* rows, std::size_t nq, std::size_t rowStride, std::size_t dim, std::size_t groups)
{
    Int8Queries out;
    out.stride = groups * 4;
    out.codes.assign(nq * out.stride, 128); // code 0 past the dimension
    out.scale.resize(nq), out.norm.resize(nq), out.residual.resize(nq);
    for (std::size_t i = 0; i < nq; ++i) {
        std::uint8_t* codes = out.codes.data() + i * out.stride;
        const Quantized q = quantize(
            rows + i * rowStride, dim, [&](std::size_t k, int c) { codes[k] = static_cast<std::uint8_t>(c + 128); });
        out.scale[i] = q.scale;
        out.residual[i] = static_cast<float>(q.residual);
        double norm = 0;
        for (std::size_t k = 0; k < dim; ++k)
            norm += static_cast<double>(rows[i * rowStride + k]) * static_cast<double>(rows[i * rowStride + k]);
        out.norm[i] = static_cast<float>(std::sqrt(norm));
    }
    return out;
}

} // namespace evograph::vector::detail
