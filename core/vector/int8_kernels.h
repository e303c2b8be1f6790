#pragma once
// The narrow first pass of exact search (internal to vector/): int8 dot products on the CPU's
// VNNI instructions, u8 queries against s8 vectors, 64 products per AVX-512 instruction.
//
// Debian 12's Highway (1.0.3) has no VNNI or BF16 operations (they arrived in Highway 1.1), so
// these kernels are written with GCC's target attributes and chosen at run time by CPUID, beside
// Highway's own dispatch of the f32 kernels: AVX-512 VNNI (vpdpbusd on 512 bits), AVX-VNNI (the
// same on 256 bits), or none (the caller scores in f32).
//
// Layout: vectors in panels of kPanelRows (16); each panel is `groups` blocks of 64 bytes, block g
// holding dimensions 4g..4g+3 of row j at bytes 4j..4j+3. A query is `groups` × 4 unsigned bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace evograph::vector::detail {

enum class Int8Path : std::uint8_t { None, AvxVnni, Avx512Vnni };
std::string_view toString(Int8Path path); // "f32", "avx-vnni", "avx512-vnni"

// The best path this CPU has, unless forceInt8Path chose another (tests, benchmarks).
Int8Path int8Path();
bool supported(Int8Path path);
// Runs every later search on `path` (None: the f32 pass); a path the CPU lacks is refused with an
// evograph::Error. Not thread-safe: call it before searching.
void forceInt8Path(Int8Path path);
void resetInt8Path();

// The queries of a first pass, quantized (int8_sketch.h: Int8Queries), as the kernels read them.
struct NarrowQueries {
    const std::uint8_t* codes; // query i at codes + i * stride
    std::size_t stride;
    const float *scale, *norm, *residual;
};

// What turns a panel's int8 products into scores and bounds: per row (padded to whole panels) the
// sketch's scale, offset, residual and approximation norms; for L2 the squared norms (the score is
// then 2 q.x - |x|^2 and the bound doubles); and the relative allowance for float rounding.
struct NarrowScoring {
    const float* scale;
    const std::int32_t* offset;
    const float *residual, *approxNorm;
    const float* squaredNorm = nullptr; // L2 only
    float rounding = 0;
};

// For queries i < nq against the one or two panels (consecutive, from `panel`) of rows [firstRow,
// firstRow + count), count <= 32: bit j of masks[i] is set when row firstRow + j's upper bound
// reaches thresholds[i]; where masks[i] is not 0 the products of row firstRow + j are at
// products[i * 32 + j] (narrowBounds reads them). `path` must not be None.
inline constexpr std::size_t kNarrowRows = 32;
void int8PanelMasks(Int8Path path, const NarrowQueries& queries, std::size_t nq, const std::int8_t* panel,
    std::size_t groups, std::size_t firstRow, std::size_t count, const NarrowScoring& scoring, const float* thresholds,
    std::uint32_t* masks, std::int32_t* products);

// The same bounds in scalar code, for the rows a mask selected: the approximate score ± the bound.
struct Bounds {
    float lower, upper;
};
Bounds narrowBounds(std::int32_t product, const NarrowQueries& queries, std::size_t query, std::size_t row,
    const NarrowScoring& scoring);

// The plain products, out[i * 16 + j] (tests compare them with scalar sums).
void int8Panel(Int8Path path, const std::uint8_t* queries, std::size_t nq, std::size_t qstride,
    const std::int8_t* panel, std::size_t groups, std::int32_t* out);

} // namespace evograph::vector::detail
