#include "evograph/vector/vectors.h"

#include "evograph/engine/enum_names.h"

#include "evograph/error.h"
#include "evograph/vector/kernels.h"

#include <cmath>
#include <string>

namespace evograph::vector {

namespace {
constexpr auto kMetricNames
    = engine::enumNames<Metric>({{Metric::InnerProduct, "ip"}, {Metric::L2, "l2"}, {Metric::Cosine, "cos"}});
constexpr auto kStorageNames
    = engine::enumNames<Storage>({{Storage::F32, "f32"}, {Storage::F16, "f16"}, {Storage::Int8, "int8"}});
} // namespace

std::string_view toString(Metric metric)
{
    return kMetricNames.name(metric);
}

std::optional<Metric> parseMetric(std::string_view name)
{
    return kMetricNames.parse(name);
}

std::string_view toString(Storage storage)
{
    return kStorageNames.name(storage);
}

std::optional<Storage> parseStorage(std::string_view name)
{
    return kStorageNames.parse(name);
}

void VectorSet::append(std::span<const float> values)
{
    if (values.size() != m_dim)
        throw Error("a vector of dimension " + std::to_string(values.size()) + " where " + std::to_string(m_dim)
            + " is expected");
    m_data.insert(m_data.end(), values.begin(), values.end());
}

void requireFinite(const VectorSet& vectors, std::string_view what)
{
    for (std::size_t i = 0; i < vectors.size(); ++i)
        for (std::size_t j = 0; j < vectors.dim(); ++j)
            if (!std::isfinite(vectors.row(i)[j]))
                throw Error(std::string(what) + " " + std::to_string(i) + " holds "
                    + (std::isnan(vectors.row(i)[j]) ? "NaN" : "an infinity") + " at dimension " + std::to_string(j)
                    + ": vectors must be finite");
}

void normalizeRows(VectorSet& vectors)
{
    for (std::size_t i = 0; i < vectors.size(); ++i) {
        float* row = vectors.row(i);
        const float norm = std::sqrt(dot(row, row, vectors.dim()));
        if (norm > 0)
            for (std::size_t j = 0; j < vectors.dim(); ++j)
                row[j] /= norm;
    }
}

} // namespace evograph::vector
