#include "evograph/vector/vector_files.h"

#include "evograph/engine/file_read.h"

#include "evograph/engine/atomic_file.h"
#include "evograph/error.h"

#include <cstring>
#include <regex>

namespace evograph::vector {

namespace {
[[noreturn]] void fail(const std::string& path, const std::string& what)
{
    throw Error(SourcePosition {path, 0, 0}, what);
}

bool endsWith(const std::string& path, const char* suffix)
{
    const std::size_t n = std::strlen(suffix);
    return path.size() >= n && path.compare(path.size() - n, n, suffix) == 0;
}

// .fvecs and .ivecs: records of an int32 dimension and that many 4-byte values.
template <typename T> std::vector<std::vector<T>> readRecords(const std::string& path)
{
    const std::string bytes = engine::readWholeFile(path, "the vector file");
    std::vector<std::vector<T>> rows;
    std::size_t at = 0;
    std::int32_t first = -1;
    while (at < bytes.size()) {
        std::int32_t d;
        if (bytes.size() - at < sizeof d)
            fail(path, "vector " + std::to_string(rows.size()) + " is cut off (truncated file?)");
        std::memcpy(&d, bytes.data() + at, sizeof d);
        if (d <= 0 || (first >= 0 && d != first))
            fail(path,
                "vector " + std::to_string(rows.size()) + " has dimension " + std::to_string(d)
                    + (first >= 0 ? ", the file's first has " + std::to_string(first) : std::string()));
        first = d;
        at += sizeof d;
        const std::size_t size = static_cast<std::size_t>(d) * sizeof(T);
        if (bytes.size() - at < size)
            fail(path, "vector " + std::to_string(rows.size()) + " is cut off (truncated file?)");
        std::vector<T> row(static_cast<std::size_t>(d));
        std::memcpy(row.data(), bytes.data() + at, size);
        rows.push_back(std::move(row));
        at += size;
    }
    return rows;
}

template <typename T> std::string writeRecords(const std::vector<const T*>& rows, std::size_t d)
{
    std::string out;
    const auto dim = static_cast<std::int32_t>(d);
    for (const T* row : rows) {
        out.append(reinterpret_cast<const char*>(&dim), sizeof dim);
        out.append(reinterpret_cast<const char*>(row), d * sizeof(T));
    }
    return out;
}

// NumPy's format: magic, version, a header dict, then the data.
VectorSet readNpy(const std::string& path)
{
    const std::string bytes = engine::readWholeFile(path, "the vector file");
    if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0)
        fail(path, "not a .npy file (no \\x93NUMPY signature)");
    const int major = static_cast<unsigned char>(bytes[6]);
    std::size_t headerLength = 0, at = 0;
    if (major == 1) {
        headerLength = static_cast<unsigned char>(bytes[8])
            | (static_cast<std::size_t>(static_cast<unsigned char>(bytes[9])) << 8);
        at = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12)
            fail(path, "the .npy header is cut off");
        for (int i = 0; i < 4; ++i)
            headerLength |= static_cast<std::size_t>(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
        at = 12;
    } else {
        fail(path, ".npy format version " + std::to_string(major) + " is not supported");
    }
    if (bytes.size() < at + headerLength)
        fail(path, "the .npy header is cut off");
    const std::string header = bytes.substr(at, headerLength);
    at += headerLength;
    std::smatch m;
    if (!std::regex_search(header, m, std::regex(R"('descr'\s*:\s*'([<|>]?f4)')")))
        fail(path, "the array must be float32 (descr '<f4'); its header is " + header);
    if (m[1].str().front() == '>')
        fail(path, "big-endian float32 is not supported");
    if (std::regex_search(header, std::regex(R"('fortran_order'\s*:\s*True)")))
        fail(path, "the array must be in C order (fortran_order False)");
    if (!std::regex_search(header, m, std::regex(R"('shape'\s*:\s*\(\s*(\d+)\s*,?\s*(\d*)\s*,?\s*\))")))
        fail(path, "the array must be 1- or 2-dimensional; its header is " + header);
    const std::size_t rows = m[2].str().empty() ? 1 : std::stoull(m[1].str());
    const std::size_t d = m[2].str().empty() ? std::stoull(m[1].str()) : std::stoull(m[2].str());
    if (d == 0)
        fail(path, "the vectors have dimension 0");
    if ((bytes.size() - at) / sizeof(float) / d < rows || (bytes.size() - at) != rows * d * sizeof(float))
        fail(path,
            "the data holds " + std::to_string(bytes.size() - at) + " bytes, the shape asks for "
                + std::to_string(rows * d * sizeof(float)) + " (truncated file?)");
    VectorSet out(rows, d);
    std::memcpy(out.values().data(), bytes.data() + at, rows * d * sizeof(float));
    return out;
}

std::string npyBytes(const VectorSet& vectors)
{
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::to_string(vectors.size()) + ", "
        + std::to_string(vectors.dim()) + "), }";
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    std::string out("\x93NUMPY\x01\x00", 8);
    out += static_cast<char>(header.size() & 0xff);
    out += static_cast<char>(header.size() >> 8);
    out += header;
    out.append(reinterpret_cast<const char*>(vectors.values().data()), vectors.values().size() * sizeof(float));
    return out;
}
} // namespace

VectorSet readVectors(const std::string& path)
{
    VectorSet out;
    if (endsWith(path, ".npy")) {
        out = readNpy(path);
    } else if (endsWith(path, ".fvecs")) {
        const auto rows = readRecords<float>(path);
        out = VectorSet(rows.empty() ? 0 : rows.front().size());
        out.reserve(rows.size());
        for (const auto& row : rows)
            out.append(row);
    } else {
        fail(path, "unknown vector file type (expected .fvecs or .npy)");
    }
    try {
        requireFinite(out);
    } catch (const Error& e) {
        fail(path, e.message());
    }
    return out;
}

void writeVectors(const std::string& path, const VectorSet& vectors)
{
    if (endsWith(path, ".npy")) {
        engine::writeFileAtomically(path, npyBytes(vectors));
        return;
    }
    if (!endsWith(path, ".fvecs"))
        fail(path, "unknown vector file type (expected .fvecs or .npy)");
    std::vector<const float*> rows;
    for (std::size_t i = 0; i < vectors.size(); ++i)
        rows.push_back(vectors.row(i));
    engine::writeFileAtomically(path, writeRecords(rows, vectors.dim()));
}

std::vector<std::vector<std::int32_t>> readIvecs(const std::string& path)
{
    return readRecords<std::int32_t>(path);
}

void writeIvecs(const std::string& path, const std::vector<std::vector<std::int32_t>>& rows)
{
    std::string out;
    for (const auto& row : rows) {
        const auto d = static_cast<std::int32_t>(row.size());
        out.append(reinterpret_cast<const char*>(&d), sizeof d);
        out.append(reinterpret_cast<const char*>(row.data()), row.size() * sizeof(std::int32_t));
    }
    engine::writeFileAtomically(path, out);
}

} // namespace evograph::vector
