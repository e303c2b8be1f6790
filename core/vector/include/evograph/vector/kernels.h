#pragma once
// The vector engine's SIMD kernels, through Google Highway with runtime dispatch: each call runs
// the best code this CPU supports (AVX-512, AVX2, SSE4 on x86-64; NEON on ARM; a scalar fallback
// everywhere), for any dimension. docs/vector.md says why Highway.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace evograph::vector {

using Half = std::uint16_t; // an IEEE binary16 value's bits

float dot(const float* a, const float* b, std::size_t d);
float squaredL2(const float* a, const float* b, std::size_t d);
// A float query against a stored half-precision vector.
float dotHalf(const float* q, const Half* x, std::size_t d);
float squaredL2Half(const float* q, const Half* x, std::size_t d);
// A float query against int8 codes: the sum of q[i] * code[i] (the caller applies the scale).
float dotInt8(const float* q, const std::int8_t* code, std::size_t d);

void toHalf(const float* in, Half* out, std::size_t d);
void fromHalf(const Half* in, float* out, std::size_t d);

// scores[i * ldScores + j] = dot(queries + i * stride, rows + j * stride) for i < nq, j < nr: the
// inner loop of a cache-blocked matrix product. Queries and rows are zero-padded to `stride`, a
// multiple of kPadding floats, past dimension d.
inline constexpr std::size_t kPadding = 16;
void dotBlock(const float* queries, std::size_t nq, const float* rows, std::size_t nr, std::size_t d,
    std::size_t stride, float* scores, std::size_t ldScores);

// The same product the way BLAS computes it, for a batch of queries: rows packed into panels of
// kPanelRows (packPanel: d × kPanelRows floats, k-major, aligned to 64 bytes, zero past `count`),
// queries packed in tiles of 6 (packQueries: nq × stride floats, each full tile k-major, the rest
// as they are), and dotPanel writes scores[i * ldScores + j] for i < nq and j < kPanelRows (each
// score row needs room for kPanelRows; lanes past `count` are 0). A 6 × 16 register tile, no
// horizontal sums, the panel in L1 while the packed queries stream past it.
inline constexpr std::size_t kPanelRows = 16;
void packPanel(const float* rows, std::size_t count, std::size_t d, std::size_t stride, float* panel);
void packQueries(const float* queries, std::size_t nq, std::size_t stride, float* out);
void dotPanel(const float* queries, std::size_t nq, std::size_t stride, const float* panel, std::size_t d,
    float* scores, std::size_t ldScores);

// Product quantization's asymmetric distance: out[i] = sum over j < m of tables[j * 256 + codes[i * m + j]].
void adcScan(const float* tables, const std::uint8_t* codes, std::size_t n, std::size_t m, float* out);

// The narrow first pass of exact flat search (flat_index.h): "avx512-vnni", "avx-vnni", or "f32"
// where the CPU has neither (the search is then f32 throughout).
std::string firstPassPath();
std::vector<std::string> supportedFirstPassPaths(); // best first, "f32" last
// For tests and benchmarks: run later searches on one of supportedFirstPassPaths(); "" resets.
void forceFirstPassPath(const std::string& name);

// The SIMD target the kernels run on now ("AVX2", "SSE4", "EMU128", ...).
std::string activeTarget();
// The targets this CPU supports and this build has code for, best first.
std::vector<std::string> supportedTargets();
// For tests: run every kernel on one of supportedTargets() until resetTarget(). Not thread-safe.
void forceTarget(const std::string& name);
void resetTarget();

} // namespace evograph::vector
