// The kernels for every SIMD target Highway generates: this file includes itself once per target
// (foreach_target.h), and the exported functions dispatch to the best one at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels.cpp"
#include <hwy/foreach_target.h> // IWYU pragma: keep

#include <hwy/cache_control.h>
#include <hwy/highway.h>

#include "evograph/vector/kernels.h"

HWY_BEFORE_NAMESPACE();
namespace evograph::vector::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Sums `body(i)` vectors over [0, full) four at a time, then the scalar tail `tail(i)` up to d.
float DotF32(const float* HWY_RESTRICT a, const float* HWY_RESTRICT b, std::size_t d)
{
    const hn::ScalableTag<float> df;
    const std::size_t n = hn::Lanes(df);
    auto s0 = hn::Zero(df), s1 = hn::Zero(df), s2 = hn::Zero(df), s3 = hn::Zero(df);
    std::size_t i = 0;
    for (; i + 4 * n <= d; i += 4 * n) {
        s0 = hn::MulAdd(hn::LoadU(df, a + i), hn::LoadU(df, b + i), s0);
        s1 = hn::MulAdd(hn::LoadU(df, a + i + n), hn::LoadU(df, b + i + n), s1);
        s2 = hn::MulAdd(hn::LoadU(df, a + i + 2 * n), hn::LoadU(df, b + i + 2 * n), s2);
        s3 = hn::MulAdd(hn::LoadU(df, a + i + 3 * n), hn::LoadU(df, b + i + 3 * n), s3);
    }
    for (; i + n <= d; i += n)
        s0 = hn::MulAdd(hn::LoadU(df, a + i), hn::LoadU(df, b + i), s0);
    float sum = hn::GetLane(hn::SumOfLanes(df, hn::Add(hn::Add(s0, s1), hn::Add(s2, s3))));
    for (; i < d; ++i)
        sum += a[i] * b[i];
    return sum;
}

float L2SqF32(const float* HWY_RESTRICT a, const float* HWY_RESTRICT b, std::size_t d)
{
    const hn::ScalableTag<float> df;
    const std::size_t n = hn::Lanes(df);
    auto s0 = hn::Zero(df), s1 = hn::Zero(df);
    std::size_t i = 0;
    for (; i + 2 * n <= d; i += 2 * n) {
        const auto d0 = hn::Sub(hn::LoadU(df, a + i), hn::LoadU(df, b + i));
        const auto d1 = hn::Sub(hn::LoadU(df, a + i + n), hn::LoadU(df, b + i + n));
        s0 = hn::MulAdd(d0, d0, s0);
        s1 = hn::MulAdd(d1, d1, s1);
    }
    for (; i + n <= d; i += n) {
        const auto d0 = hn::Sub(hn::LoadU(df, a + i), hn::LoadU(df, b + i));
        s0 = hn::MulAdd(d0, d0, s0);
    }
    float sum = hn::GetLane(hn::SumOfLanes(df, hn::Add(s0, s1)));
    for (; i < d; ++i)
        sum += (a[i] - b[i]) * (a[i] - b[i]);
    return sum;
}

float HalfToFloat(Half h)
{
    const hn::CappedTag<float, 1> df;
    const hn::Rebind<hwy::float16_t, decltype(df)> dh;
    hwy::float16_t value;
    value.bits = h;
    return hn::GetLane(hn::PromoteTo(df, hn::LoadU(dh, &value)));
}

float DotF16(const float* HWY_RESTRICT q, const Half* HWY_RESTRICT x, std::size_t d)
{
    const hn::ScalableTag<float> df;
    const hn::Rebind<hwy::float16_t, decltype(df)> dh;
    const auto* h = reinterpret_cast<const hwy::float16_t*>(x);
    const std::size_t n = hn::Lanes(df);
    auto s0 = hn::Zero(df), s1 = hn::Zero(df);
    std::size_t i = 0;
    for (; i + 2 * n <= d; i += 2 * n) {
        s0 = hn::MulAdd(hn::LoadU(df, q + i), hn::PromoteTo(df, hn::LoadU(dh, h + i)), s0);
        s1 = hn::MulAdd(hn::LoadU(df, q + i + n), hn::PromoteTo(df, hn::LoadU(dh, h + i + n)), s1);
    }
    for (; i + n <= d; i += n)
        s0 = hn::MulAdd(hn::LoadU(df, q + i), hn::PromoteTo(df, hn::LoadU(dh, h + i)), s0);
    float sum = hn::GetLane(hn::SumOfLanes(df, hn::Add(s0, s1)));
    for (; i < d; ++i)
        sum += q[i] * HalfToFloat(x[i]);
    return sum;
}

float L2SqF16(const float* HWY_RESTRICT q, const Half* HWY_RESTRICT x, std::size_t d)
{
    const hn::ScalableTag<float> df;
    const hn::Rebind<hwy::float16_t, decltype(df)> dh;
    const auto* h = reinterpret_cast<const hwy::float16_t*>(x);
    const std::size_t n = hn::Lanes(df);
    auto s0 = hn::Zero(df);
    std::size_t i = 0;
    for (; i + n <= d; i += n) {
        const auto diff = hn::Sub(hn::LoadU(df, q + i), hn::PromoteTo(df, hn::LoadU(dh, h + i)));
        s0 = hn::MulAdd(diff, diff, s0);
    }
    float sum = hn::GetLane(hn::SumOfLanes(df, s0));
    for (; i < d; ++i) {
        const float diff = q[i] - HalfToFloat(x[i]);
        sum += diff * diff;
    }
    return sum;
}

float DotI8(const float* HWY_RESTRICT q, const std::int8_t* HWY_RESTRICT code, std::size_t d)
{
    const hn::ScalableTag<float> df;
    const hn::Rebind<std::int32_t, decltype(df)> di32;
    const hn::Rebind<std::int8_t, decltype(df)> di8;
    const std::size_t n = hn::Lanes(df);
    auto s0 = hn::Zero(df), s1 = hn::Zero(df);
    std::size_t i = 0;
    const auto widen = [&](const std::int8_t* p) { return hn::ConvertTo(df, hn::PromoteTo(di32, hn::LoadU(di8, p))); };
    for (; i + 2 * n <= d; i += 2 * n) {
        s0 = hn::MulAdd(hn::LoadU(df, q + i), widen(code + i), s0);
        s1 = hn::MulAdd(hn::LoadU(df, q + i + n), widen(code + i + n), s1);
    }
    for (; i + n <= d; i += n)
        s0 = hn::MulAdd(hn::LoadU(df, q + i), widen(code + i), s0);
    float sum = hn::GetLane(hn::SumOfLanes(df, hn::Add(s0, s1)));
    for (; i < d; ++i)
        sum += q[i] * static_cast<float>(code[i]);
    return sum;
}

void ToF16(const float* HWY_RESTRICT in, Half* HWY_RESTRICT out, std::size_t d)
{
    const hn::ScalableTag<float> df;
    const hn::Rebind<hwy::float16_t, decltype(df)> dh;
    auto* h = reinterpret_cast<hwy::float16_t*>(out);
    const std::size_t n = hn::Lanes(df);
    std::size_t i = 0;
    for (; i + n <= d; i += n)
        hn::StoreU(hn::DemoteTo(dh, hn::LoadU(df, in + i)), dh, h + i);
    const hn::CappedTag<float, 1> d1;
    const hn::Rebind<hwy::float16_t, decltype(d1)> h1;
    for (; i < d; ++i)
        hn::StoreU(hn::DemoteTo(h1, hn::LoadU(d1, in + i)), h1, h + i);
}

void FromF16(const Half* HWY_RESTRICT in, float* HWY_RESTRICT out, std::size_t d)
{
    const hn::ScalableTag<float> df;
    const hn::Rebind<hwy::float16_t, decltype(df)> dh;
    const auto* h = reinterpret_cast<const hwy::float16_t*>(in);
    const std::size_t n = hn::Lanes(df);
    std::size_t i = 0;
    for (; i + n <= d; i += n)
        hn::StoreU(hn::PromoteTo(df, hn::LoadU(dh, h + i)), df, out + i);
    for (; i < d; ++i)
        out[i] = HalfToFloat(in[i]);
}

// R queries × C rows at a time: R + C loads feed R * C fused multiply-adds per step.
template <std::size_t R, std::size_t C>
HWY_INLINE void DotTile(const float* HWY_RESTRICT queries, const float* HWY_RESTRICT rows, std::size_t padded,
    std::size_t stride, float* HWY_RESTRICT scores, std::size_t ldScores)
{
    const hn::ScalableTag<float> df;
    const std::size_t n = hn::Lanes(df);
    hn::Vec<decltype(df)> acc[R][C];
#pragma GCC unroll 4
    for (std::size_t r = 0; r < R; ++r)
#pragma GCC unroll 4
        for (std::size_t c = 0; c < C; ++c)
            acc[r][c] = hn::Zero(df);
    for (std::size_t k = 0; k < padded; k += n) {
        hn::Vec<decltype(df)> x[C];
#pragma GCC unroll 4
        for (std::size_t c = 0; c < C; ++c) {
            hwy::Prefetch(rows + (c + C) * stride + k); // the next tile's rows, while these are in use
            x[c] = hn::LoadU(df, rows + c * stride + k);
        }
#pragma GCC unroll 4
        for (std::size_t r = 0; r < R; ++r) {
            const auto q = hn::LoadU(df, queries + r * stride + k);
#pragma GCC unroll 4
            for (std::size_t c = 0; c < C; ++c)
                acc[r][c] = hn::MulAdd(q, x[c], acc[r][c]);
        }
    }
#pragma GCC unroll 4
    for (std::size_t r = 0; r < R; ++r)
#pragma GCC unroll 4
        for (std::size_t c = 0; c < C; ++c)
            scores[r * ldScores + c] = hn::GetLane(hn::SumOfLanes(df, acc[r][c]));
}

template <std::size_t R>
HWY_INLINE void DotRowTiles(const float* queries, const float* rows, std::size_t nr, std::size_t padded,
    std::size_t stride, float* scores, std::size_t ldScores)
{
    std::size_t j = 0;
    for (; j + 3 <= nr; j += 3)
        DotTile<R, 3>(queries, rows + j * stride, padded, stride, scores + j, ldScores);
    if (nr - j == 2)
        DotTile<R, 2>(queries, rows + j * stride, padded, stride, scores + j, ldScores);
    else if (nr - j == 1)
        DotTile<R, 1>(queries, rows + j * stride, padded, stride, scores + j, ldScores);
}

void DotBlock(const float* HWY_RESTRICT queries, std::size_t nq, const float* HWY_RESTRICT rows, std::size_t nr,
    std::size_t d, std::size_t stride, float* HWY_RESTRICT scores, std::size_t ldScores)
{
    const hn::ScalableTag<float> df;
    const std::size_t n = hn::Lanes(df);
    const std::size_t padded = (d + n - 1) / n * n; // within the stride, whose padding is zero
    std::size_t i = 0;
    for (; i + 4 <= nq; i += 4)
        DotRowTiles<4>(queries + i * stride, rows, nr, padded, stride, scores + i * ldScores, ldScores);
    for (; i < nq; ++i)
        DotRowTiles<1>(queries + i * stride, rows, nr, padded, stride, scores + i * ldScores, ldScores);
}

// The register tile of a packed product: 6 queries × 16 rows, the rows packed k-major (one load
// gives 16 / lanes rows' k-th values) and each query value broadcast: 12 accumulators on AVX2,
// and no horizontal sums (a row's score is one lane).

void PackPanel(
    const float* HWY_RESTRICT rows, std::size_t count, std::size_t d, std::size_t stride, float* HWY_RESTRICT panel)
{
    for (std::size_t k = 0; k < d; ++k)
        for (std::size_t r = 0; r < kPanelRows; ++r)
            panel[k * kPanelRows + r] = r < count ? rows[r * stride + k] : 0.0f;
}

template <std::size_t R>
HWY_INLINE void PanelTile(const float* HWY_RESTRICT queries, std::size_t stride, const float* HWY_RESTRICT panel,
    std::size_t d, float* HWY_RESTRICT scores, std::size_t ldScores)
{
    const hn::ScalableTag<float> df;
    constexpr std::size_t kLanes = hn::MaxLanes(df);
    constexpr std::size_t kVectors = kPanelRows / kLanes > 0 ? kPanelRows / kLanes : 1;
    hn::Vec<decltype(df)> acc[R][kVectors];
#pragma GCC unroll 8
    for (std::size_t r = 0; r < R; ++r)
#pragma GCC unroll 16
        for (std::size_t v = 0; v < kVectors; ++v)
            acc[r][v] = hn::Zero(df);
    for (std::size_t k = 0; k < d; ++k) {
        hn::Vec<decltype(df)> x[kVectors];
#pragma GCC unroll 16
        for (std::size_t v = 0; v < kVectors; ++v)
            x[v] = hn::Load(df, panel + k * kPanelRows + v * kLanes);
#pragma GCC unroll 8
        for (std::size_t r = 0; r < R; ++r) {
            const auto q = hn::Set(df, R == 6 ? queries[k * 6 + r] : queries[r * stride + k]);
#pragma GCC unroll 16
            for (std::size_t v = 0; v < kVectors; ++v)
                acc[r][v] = hn::MulAdd(q, x[v], acc[r][v]);
        }
    }
#pragma GCC unroll 8
    for (std::size_t r = 0; r < R; ++r)
#pragma GCC unroll 16
        for (std::size_t v = 0; v < kVectors; ++v)
            hn::StoreU(acc[r][v], df, scores + r * ldScores + v * kLanes);
}

void PackQueries(const float* HWY_RESTRICT queries, std::size_t nq, std::size_t stride, float* HWY_RESTRICT out)
{
    std::size_t i = 0;
    for (; i + 6 <= nq; i += 6)
        for (std::size_t k = 0; k < stride; ++k)
            for (std::size_t r = 0; r < 6; ++r)
                out[i * stride + k * 6 + r] = queries[(i + r) * stride + k];
    std::copy(queries + i * stride, queries + nq * stride, out + i * stride);
}

void DotPanel(const float* HWY_RESTRICT queries, std::size_t nq, std::size_t stride, const float* HWY_RESTRICT panel,
    std::size_t d, float* HWY_RESTRICT scores, std::size_t ldScores)
{
    std::size_t i = 0;
    for (; i + 6 <= nq; i += 6) // packed tiles of 6: k-major, 6 values per k
        PanelTile<6>(queries + i * stride, stride, panel, d, scores + i * ldScores, ldScores);
    for (; i < nq; ++i)
        PanelTile<1>(queries + i * stride, stride, panel, d, scores + i * ldScores, ldScores);
}

void AdcScan(const float* HWY_RESTRICT tables, const std::uint8_t* HWY_RESTRICT codes, std::size_t count, std::size_t m,
    float* HWY_RESTRICT out)
{
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t* code = codes + i * m;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        std::size_t j = 0;
        for (; j + 4 <= m; j += 4) {
            s0 += tables[j * 256 + code[j]];
            s1 += tables[(j + 1) * 256 + code[j + 1]];
            s2 += tables[(j + 2) * 256 + code[j + 2]];
            s3 += tables[(j + 3) * 256 + code[j + 3]];
        }
        for (; j < m; ++j)
            s0 += tables[j * 256 + code[j]];
        out[i] = (s0 + s1) + (s2 + s3);
    }
}

const char* TargetName()
{
    return hwy::TargetName(HWY_TARGET);
}

} // namespace evograph::vector::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace evograph::vector {

HWY_EXPORT(DotF32);
HWY_EXPORT(L2SqF32);
HWY_EXPORT(DotF16);
HWY_EXPORT(L2SqF16);
HWY_EXPORT(DotI8);
HWY_EXPORT(ToF16);
HWY_EXPORT(FromF16);
HWY_EXPORT(DotBlock);
HWY_EXPORT(PackPanel);
HWY_EXPORT(DotPanel);
HWY_EXPORT(PackQueries);
HWY_EXPORT(AdcScan);
HWY_EXPORT(TargetName);

float dot(const float* a, const float* b, std::size_t d)
{
    return HWY_DYNAMIC_DISPATCH(DotF32)(a, b, d);
}

float squaredL2(const float* a, const float* b, std::size_t d)
{
    return HWY_DYNAMIC_DISPATCH(L2SqF32)(a, b, d);
}

float dotHalf(const float* q, const Half* x, std::size_t d)
{
    return HWY_DYNAMIC_DISPATCH(DotF16)(q, x, d);
}

float squaredL2Half(const float* q, const Half* x, std::size_t d)
{
    return HWY_DYNAMIC_DISPATCH(L2SqF16)(q, x, d);
}

float dotInt8(const float* q, const std::int8_t* code, std::size_t d)
{
    return HWY_DYNAMIC_DISPATCH(DotI8)(q, code, d);
}

void toHalf(const float* in, Half* out, std::size_t d)
{
    HWY_DYNAMIC_DISPATCH(ToF16)(in, out, d);
}

void fromHalf(const Half* in, float* out, std::size_t d)
{
    HWY_DYNAMIC_DISPATCH(FromF16)(in, out, d);
}

void dotBlock(const float* queries, std::size_t nq, const float* rows, std::size_t nr, std::size_t d,
    std::size_t stride, float* scores, std::size_t ldScores)
{
    HWY_DYNAMIC_DISPATCH(DotBlock)(queries, nq, rows, nr, d, stride, scores, ldScores);
}

void packPanel(const float* rows, std::size_t count, std::size_t d, std::size_t stride, float* panel)
{
    HWY_DYNAMIC_DISPATCH(PackPanel)(rows, count, d, stride, panel);
}

void packQueries(const float* queries, std::size_t nq, std::size_t stride, float* out)
{
    HWY_DYNAMIC_DISPATCH(PackQueries)(queries, nq, stride, out);
}

void dotPanel(const float* queries, std::size_t nq, std::size_t stride, const float* panel, std::size_t d,
    float* scores, std::size_t ldScores)
{
    HWY_DYNAMIC_DISPATCH(DotPanel)(queries, nq, stride, panel, d, scores, ldScores);
}

void adcScan(const float* tables, const std::uint8_t* codes, std::size_t n, std::size_t m, float* out)
{
    HWY_DYNAMIC_DISPATCH(AdcScan)(tables, codes, n, m, out);
}

std::string activeTarget()
{
    return HWY_DYNAMIC_DISPATCH(TargetName)();
}

std::vector<std::string> supportedTargets()
{
    std::vector<std::string> names;
    for (const std::int64_t target : hwy::SupportedAndGeneratedTargets())
        names.emplace_back(hwy::TargetName(target));
    return names;
}

void forceTarget(const std::string& name)
{
    for (const std::int64_t target : hwy::SupportedAndGeneratedTargets())
        if (name == hwy::TargetName(target)) {
            hwy::SetSupportedTargetsForTest(target);
            return;
        }
}

void resetTarget()
{
    hwy::SetSupportedTargetsForTest(0);
}

} // namespace evograph::vector
#endif
