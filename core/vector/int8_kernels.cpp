#include "int8_kernels.h"

#include "evograph/vector/kernels.h"

#include "evograph/error.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace evograph::vector::detail {

namespace {
#if defined(__x86_64__)
#define EVOGRAPH_AVX512 __attribute__((target("avx512f,avx512bw,avx512dq,avx512vnni")))
#define EVOGRAPH_AVXVNNI __attribute__((target("avx2,fma,avxvnni")))

// 12 queries at a time against two panels (32 rows): 24 accumulators, two panel blocks loaded per
// group and each query's 4 bytes broadcast once for both (measured best of 1-4 panels × 4-14
// queries on 100k × 384: 2 × 12 reaches 200 GMAC/s on one core, 1 × 12 135).
constexpr std::size_t kTile = 12;

std::int32_t load4(const std::uint8_t* p)
{
    std::int32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

// Each kernel hands every query's products, 16 per panel, to a sink: stored as they are, or
// turned into bounds.
struct Store512 {
    std::int32_t* out;
    std::size_t panels;
    EVOGRAPH_AVX512 void operator()(std::size_t i, const __m512i* sums) const
    {
        for (std::size_t b = 0; b < panels; ++b)
            _mm512_storeu_si512(out + (i * panels + b) * 16, sums[b]);
    }
};

// score = t·s·(products − offset); bound = |q|·slack + residual(q)·|s·c|, with slack = the row's
// residual norm plus the rounding allowance; for L2 2·score − |x|² and twice the bound.
struct Bounds512 {
    struct Panel {
        __m512i offset;
        __m512 scale, slack, approxNorm, squared;
        __mmask16 valid;
    };
    const NarrowQueries& queries;
    const float* thresholds;
    std::uint32_t* masks;
    std::int32_t* products;
    std::size_t panels;
    bool l2;
    Panel panel[2];

    EVOGRAPH_AVX512 Bounds512(const NarrowQueries& q, const NarrowScoring& scoring, std::size_t firstRow,
        std::size_t count, const float* thresholds_, std::uint32_t* masks_, std::int32_t* products_)
        : queries(q)
        , thresholds(thresholds_)
        , masks(masks_)
        , products(products_)
        , panels((count + 15) / 16)
        , l2(scoring.squaredNorm != nullptr)
    {
        for (std::size_t b = 0; b < panels; ++b) {
            const std::size_t row = firstRow + b * 16, rows = std::min<std::size_t>(16, count - b * 16);
            Panel& p = panel[b];
            p.offset = _mm512_loadu_si512(scoring.offset + row);
            p.scale = _mm512_loadu_ps(scoring.scale + row);
            p.approxNorm = _mm512_loadu_ps(scoring.approxNorm + row);
            p.squared = l2 ? _mm512_loadu_ps(scoring.squaredNorm + row) : _mm512_setzero_ps();
            const __m512 residual = _mm512_loadu_ps(scoring.residual + row);
            p.slack
                = _mm512_fmadd_ps(_mm512_set1_ps(scoring.rounding), _mm512_add_ps(p.approxNorm, residual), residual);
            p.valid = static_cast<__mmask16>(rows >= 16 ? 0xFFFF : (1u << rows) - 1);
        }
    }
    EVOGRAPH_AVX512 void operator()(std::size_t i, const __m512i* sums) const
    {
        const __m512 qScale = _mm512_set1_ps(queries.scale[i]), qResidual = _mm512_set1_ps(queries.residual[i]);
        const __m512 qNorm = _mm512_set1_ps(queries.norm[i]), bar = _mm512_set1_ps(thresholds[i]);
        std::uint32_t mask = 0;
        for (std::size_t b = 0; b < panels; ++b) {
            const Panel& p = panel[b];
            __m512 score = _mm512_mul_ps(
                _mm512_cvtepi32_ps(_mm512_sub_epi32(sums[b], p.offset)), _mm512_mul_ps(p.scale, qScale));
            __m512 bound = _mm512_fmadd_ps(qResidual, p.approxNorm, _mm512_mul_ps(qNorm, p.slack));
            if (l2) {
                score = _mm512_fmsub_ps(_mm512_set1_ps(2.0f), score, p.squared);
                bound = _mm512_add_ps(bound, bound);
            }
            mask |= static_cast<std::uint32_t>(
                        _mm512_mask_cmp_ps_mask(p.valid, _mm512_add_ps(score, bound), bar, _CMP_GE_OQ))
                << (16 * b);
        }
        masks[i] = mask;
        if (mask)
            for (std::size_t b = 0; b < panels; ++b)
                _mm512_storeu_si512(products + (i * 2 + b) * 16, sums[b]);
    }
};

template <std::size_t Panels, typename Sink>
EVOGRAPH_AVX512 void tileAvx512(const std::uint8_t* queries, std::size_t nq, std::size_t qstride,
    const std::int8_t* panel, std::size_t groups, const Sink& sink)
{
    std::size_t i = 0;
    for (; i + kTile <= nq; i += kTile) {
        __m512i acc[kTile][Panels];
        for (auto& row : acc)
            for (auto& a : row)
                a = _mm512_setzero_si512();
        const std::uint8_t* q = queries + i * qstride;
        for (std::size_t g = 0; g < groups; ++g) {
            __m512i rows[Panels];
            for (std::size_t b = 0; b < Panels; ++b)
                rows[b] = _mm512_load_si512(panel + (b * groups + g) * 64);
            for (std::size_t t = 0; t < kTile; ++t) {
                const __m512i v = _mm512_set1_epi32(load4(q + t * qstride + g * 4));
                for (std::size_t b = 0; b < Panels; ++b)
                    acc[t][b] = _mm512_dpbusd_epi32(acc[t][b], v, rows[b]);
            }
        }
        for (std::size_t t = 0; t < kTile; ++t)
            sink(i + t, acc[t]);
    }
    // The rest one at a time, over two accumulators per panel so that no instruction waits for the last.
    for (; i < nq; ++i) {
        const std::uint8_t* q = queries + i * qstride;
        __m512i acc[2][Panels];
        for (auto& row : acc)
            for (auto& a : row)
                a = _mm512_setzero_si512();
        for (std::size_t g = 0; g < groups; ++g) {
            const __m512i v = _mm512_set1_epi32(load4(q + g * 4));
            for (std::size_t b = 0; b < Panels; ++b)
                acc[g & 1][b] = _mm512_dpbusd_epi32(acc[g & 1][b], v, _mm512_load_si512(panel + (b * groups + g) * 64));
        }
        __m512i sums[Panels];
        for (std::size_t b = 0; b < Panels; ++b)
            sums[b] = _mm512_add_epi32(acc[0][b], acc[1][b]);
        sink(i, sums);
    }
}

template <typename Sink>
EVOGRAPH_AVX512 void panelAvx512(const std::uint8_t* queries, std::size_t nq, std::size_t qstride,
    const std::int8_t* panel, std::size_t groups, std::size_t panels, const Sink& sink)
{
    if (panels == 2)
        tileAvx512<2>(queries, nq, qstride, panel, groups, sink);
    else
        tileAvx512<1>(queries, nq, qstride, panel, groups, sink);
}

// AVX-VNNI: the same on 256 bits, a panel block as two halves of 8 rows; 6 queries at a time.
struct Store256 {
    std::int32_t* out;
    std::size_t panels, panel; // products of `panel` of `panels`
    EVOGRAPH_AVXVNNI void operator()(std::size_t i, __m256i lo, __m256i hi) const
    {
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + (i * panels + panel) * 16), lo);
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + (i * panels + panel) * 16 + 8), hi);
    }
};

// One panel (`panel` 0 or 1 of the rows given) at a time; masks start at 0.
struct Bounds256 {
    const NarrowQueries& queries;
    const NarrowScoring& scoring;
    std::size_t firstRow, count; // of this panel
    std::size_t panel;
    const float* thresholds;
    std::uint32_t* masks;
    std::int32_t* products;

    EVOGRAPH_AVXVNNI unsigned half(std::size_t i, __m256i products, std::size_t at) const
    {
        const std::size_t row = firstRow + at;
        const __m256 residual = _mm256_loadu_ps(scoring.residual + row);
        const __m256 approxNorm = _mm256_loadu_ps(scoring.approxNorm + row);
        const __m256 slack
            = _mm256_fmadd_ps(_mm256_set1_ps(scoring.rounding), _mm256_add_ps(approxNorm, residual), residual);
        __m256 score = _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_sub_epi32(products,
                                         _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scoring.offset + row)))),
            _mm256_mul_ps(_mm256_loadu_ps(scoring.scale + row), _mm256_set1_ps(queries.scale[i])));
        __m256 bound = _mm256_fmadd_ps(
            _mm256_set1_ps(queries.residual[i]), approxNorm, _mm256_mul_ps(_mm256_set1_ps(queries.norm[i]), slack));
        if (scoring.squaredNorm) {
            score = _mm256_fmsub_ps(_mm256_set1_ps(2.0f), score, _mm256_loadu_ps(scoring.squaredNorm + row));
            bound = _mm256_add_ps(bound, bound);
        }
        return static_cast<unsigned>(
            _mm256_movemask_ps(_mm256_cmp_ps(_mm256_add_ps(score, bound), _mm256_set1_ps(thresholds[i]), _CMP_GE_OQ)));
    }
    EVOGRAPH_AVXVNNI void operator()(std::size_t i, __m256i lo, __m256i hi) const
    {
        const unsigned valid = count >= 16 ? 0xFFFFu : (1u << count) - 1;
        const std::uint32_t mask = (half(i, lo, 0) | half(i, hi, 8) << 8) & valid;
        masks[i] |= mask << (16 * panel);
        if (mask) {
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(products + (i * 2 + panel) * 16), lo);
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(products + (i * 2 + panel) * 16 + 8), hi);
        }
    }
};

template <typename Sink>
EVOGRAPH_AVXVNNI void panelAvx(const std::uint8_t* queries, std::size_t nq, std::size_t qstride,
    const std::int8_t* panel, std::size_t groups, const Sink& sink)
{
    constexpr std::size_t kQueries = 6;
    std::size_t i = 0;
    for (; i + kQueries <= nq; i += kQueries) {
        __m256i lo[kQueries], hi[kQueries];
        for (std::size_t t = 0; t < kQueries; ++t)
            lo[t] = hi[t] = _mm256_setzero_si256();
        const std::uint8_t* q = queries + i * qstride;
        for (std::size_t g = 0; g < groups; ++g) {
            const __m256i a = _mm256_load_si256(reinterpret_cast<const __m256i*>(panel + g * 64));
            const __m256i b = _mm256_load_si256(reinterpret_cast<const __m256i*>(panel + g * 64 + 32));
            for (std::size_t t = 0; t < kQueries; ++t) {
                const __m256i v = _mm256_set1_epi32(load4(q + t * qstride + g * 4));
                lo[t] = _mm256_dpbusd_avx_epi32(lo[t], v, a);
                hi[t] = _mm256_dpbusd_avx_epi32(hi[t], v, b);
            }
        }
        for (std::size_t t = 0; t < kQueries; ++t)
            sink(i + t, lo[t], hi[t]);
    }
    for (; i < nq; ++i) {
        const std::uint8_t* q = queries + i * qstride;
        __m256i lo[2] = {_mm256_setzero_si256(), _mm256_setzero_si256()};
        __m256i hi[2] = {_mm256_setzero_si256(), _mm256_setzero_si256()};
        for (std::size_t g = 0; g < groups; ++g) {
            const __m256i v = _mm256_set1_epi32(load4(q + g * 4));
            lo[g & 1] = _mm256_dpbusd_avx_epi32(
                lo[g & 1], v, _mm256_load_si256(reinterpret_cast<const __m256i*>(panel + g * 64)));
            hi[g & 1] = _mm256_dpbusd_avx_epi32(
                hi[g & 1], v, _mm256_load_si256(reinterpret_cast<const __m256i*>(panel + g * 64 + 32)));
        }
        sink(i, _mm256_add_epi32(lo[0], lo[1]), _mm256_add_epi32(hi[0], hi[1]));
    }
}
#endif

Int8Path detected()
{
#if !defined(__x86_64__)
    return Int8Path::None;
#else
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512bw"))
        return Int8Path::Avx512Vnni;
    if (__builtin_cpu_supports("avxvnni"))
        return Int8Path::AvxVnni;
    return Int8Path::None;
#endif
}

} // namespace

bool supported(Int8Path path)
{
    switch (path) {
    case Int8Path::None:
        return true;
    case Int8Path::AvxVnni:
#if defined(__x86_64__)
        return __builtin_cpu_supports("avxvnni");
#else
        return false;
#endif
    case Int8Path::Avx512Vnni:
        return detected() == Int8Path::Avx512Vnni;
    }
    return false;
}

namespace {
std::atomic<int> g_forced {-1};
} // namespace

std::string_view toString(Int8Path path)
{
    switch (path) {
    case Int8Path::None:
        return "f32";
    case Int8Path::AvxVnni:
        return "avx-vnni";
    case Int8Path::Avx512Vnni:
        return "avx512-vnni";
    }
    return "?";
}

Int8Path int8Path()
{
    static const Int8Path best = detected();
    const int forced = g_forced.load(std::memory_order_relaxed);
    return forced < 0 ? best : static_cast<Int8Path>(forced);
}

void forceInt8Path(Int8Path path)
{
    if (!supported(path))
        throw Error("this CPU has no " + std::string(toString(path)) + " instructions");
    g_forced.store(static_cast<int>(path), std::memory_order_relaxed);
}

void resetInt8Path()
{
    g_forced.store(-1, std::memory_order_relaxed);
}

void int8Panel(Int8Path path, const std::uint8_t* queries, std::size_t nq, std::size_t qstride,
    const std::int8_t* panel, std::size_t groups, std::int32_t* out)
{
#if defined(__x86_64__)
    if (path == Int8Path::Avx512Vnni)
        return panelAvx512(queries, nq, qstride, panel, groups, 1, Store512 {out, 1});
    if (path == Int8Path::AvxVnni)
        return panelAvx(queries, nq, qstride, panel, groups, Store256 {out, 1, 0});
#endif
    (void)queries, (void)nq, (void)qstride, (void)panel, (void)groups, (void)out, (void)path;
    throw Error("no int8 path on this CPU");
}

void int8PanelMasks(Int8Path path, const NarrowQueries& queries, std::size_t nq, const std::int8_t* panel,
    std::size_t groups, std::size_t firstRow, std::size_t count, const NarrowScoring& scoring, const float* thresholds,
    std::uint32_t* masks, std::int32_t* products)
{
    const std::size_t panels = (count + 15) / 16;
#if defined(__x86_64__)
    if (path == Int8Path::Avx512Vnni)
        return panelAvx512(queries.codes, nq, queries.stride, panel, groups, panels,
            Bounds512(queries, scoring, firstRow, count, thresholds, masks, products));
    if (path == Int8Path::AvxVnni) {
        std::fill(masks, masks + nq, 0u);
        for (std::size_t b = 0; b < panels; ++b)
            panelAvx(queries.codes, nq, queries.stride, panel + b * groups * 64, groups,
                Bounds256 {queries, scoring, firstRow + b * 16, std::min<std::size_t>(16, count - b * 16), b,
                    thresholds, masks, products});
        return;
    }
#endif
    (void)queries, (void)nq, (void)panel, (void)groups, (void)firstRow, (void)count, (void)scoring, (void)thresholds,
        (void)masks, (void)products, (void)path;
    throw Error("no int8 path on this CPU");
}

Bounds narrowBounds(std::int32_t product, const NarrowQueries& queries, std::size_t query, std::size_t row,
    const NarrowScoring& scoring)
{
    float score = static_cast<float>(product - scoring.offset[row]) * (scoring.scale[row] * queries.scale[query]);
    const float slack = scoring.rounding * (scoring.approxNorm[row] + scoring.residual[row]) + scoring.residual[row];
    float bound = queries.residual[query] * scoring.approxNorm[row] + queries.norm[query] * slack;
    if (scoring.squaredNorm)
        score = 2.0f * score - scoring.squaredNorm[row], bound += bound;
    return {score - bound, score + bound};
}

} // namespace evograph::vector::detail

namespace evograph::vector {

std::string firstPassPath()
{
    return std::string(detail::toString(detail::int8Path()));
}

std::vector<std::string> supportedFirstPassPaths()
{
    std::vector<std::string> out;
    for (const detail::Int8Path path :
        {detail::Int8Path::Avx512Vnni, detail::Int8Path::AvxVnni, detail::Int8Path::None})
        if (detail::supported(path))
            out.emplace_back(detail::toString(path));
    return out;
}

void forceFirstPassPath(const std::string& name)
{
    if (name.empty())
        return detail::resetInt8Path();
    for (const detail::Int8Path path :
        {detail::Int8Path::Avx512Vnni, detail::Int8Path::AvxVnni, detail::Int8Path::None})
        if (detail::toString(path) == name)
            return detail::forceInt8Path(path);
    throw Error("no first pass '" + name + "' (avx512-vnni, avx-vnni or f32)");
}

} // namespace evograph::vector
