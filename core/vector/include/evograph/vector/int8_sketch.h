#pragma once
// The flat index's narrow copy of its vectors for the first pass (a detail of flat_index.h): each vector
// x as int8 codes c with one scale s (x ≈ s·c, s = max|x| / 127), in the VNNI panel layout of
// int8_kernels.h, and what the error bound needs: the codes' sum (the unsigned query offset), the
// residual's norm |x − s·c| and the approximation's norm |s·c|.
//
// A query q quantized the same way (q ≈ t·d) scores t·s·(d·c), which is within
//   |q|·|x − s·c| + |q − t·d|·|s·c|
// of q·x (Cauchy–Schwarz on q·x − t·d·s·c = q·(x − s·c) + (q − t·d)·s·c), plus float rounding.
// 400 bytes per 384-dimensional vector beside its 1,536 in f32: a quarter, not a second full copy.
#include "evograph/vector/aligned_vector.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace evograph::vector::detail {

class Int8Sketch {
public:
    explicit Int8Sketch(std::size_t dim);

    std::size_t groups() const { return m_groups; } // of 4 dimensions
    std::size_t rows() const { return m_rows; }
    std::size_t memoryBytes() const;

    // Rows are set one at a time after resize; a new row is zero until set.
    void resize(std::size_t rows);
    void set(std::size_t row, const float* x);
    void copy(std::size_t from, std::size_t to); // the row `from` into `to`
    void clear(std::size_t row); // back to zero (a row past the end of a panel must be)

    const std::int8_t* panel(std::size_t panelIndex) const { return m_codes.data() + panelIndex * m_groups * 64; }
    // Per row, padded to whole panels (a panel's 16 values load as one vector): the scale, 128 × the
    // codes' sum (what the unsigned query offset adds), and the residual's and approximation's norms.
    const float* scales() const { return m_scale.data(); }
    const std::int32_t* offsets() const { return m_offset.data(); }
    const float* residualNorms() const { return m_residual.data(); }
    const float* approxNorms() const { return m_approx.data(); }

private:
    std::int8_t& code(std::size_t row, std::size_t k)
    {
        return m_codes[row / 16 * m_groups * 64 + k / 4 * 64 + row % 16 * 4 + k % 4];
    }

    std::size_t m_dim, m_groups, m_rows = 0;
    AlignedVector<std::int8_t> m_codes;
    AlignedVector<float> m_scale, m_residual, m_approx;
    AlignedVector<std::int32_t> m_offset;
};

// A batch of queries quantized for the first pass: unsigned codes (d + 128), their scale, norm and
// residual norm.
struct Int8Queries {
    std::size_t stride = 0; // bytes per query: groups × 4
    std::vector<std::uint8_t> codes;
    std::vector<float> scale, norm, residual;
};
Int8Queries quantizeQueries(
    const float* rows, std::size_t nq, std::size_t rowStride, std::size_t dim, std::size_t groups);

} // namespace evograph::vector::detail
