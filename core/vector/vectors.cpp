#include "evograph/vector/vectors.h"

#include "evograph/error.h"
#include "evograph/vector/kernels.h"

#include <cmath>
#include <string>

namespace evograph::vector {

std::string_view toString(Metric metric)
{
    switch (metric) {
    case Metric::InnerProduct:
        return "ip";
    case Metric::L2:
        return "l2";
    case Metric::Cosine:
        return "cos";
    }
    return "?";
}

std::optional<Metric> parseMetric(std::string_view name)
{
    for (const Metric m : {Metric::InnerProduct, Metric::L2, Metric::Cosine})
        if (toString(m) == name)
            return m;
    return std::nullopt;
}

std::string_view toString(Storage storage)
{
    switch (storage) {
    case Storage::F32:
        return "f32";
    case Storage::F16:
        return "f16";
    case Storage::Int8:
        return "int8";
    }
    return "?";
}

std::optional<Storage> parseStorage(std::string_view name)
{
    for (const Storage s : {Storage::F32, Storage::F16, Storage::Int8})
        if (toString(s) == name)
            return s;
    return std::nullopt;
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
