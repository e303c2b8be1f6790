#include "zstd_codec.h"

#include "evograph/error.h"

#include <zstd.h>

#include <new>

namespace evograph::workspace {

namespace {
// Level 3 (zstd's default) compresses canonical N-Quads about 13x at several hundred MB/s.
constexpr int kLevel = 3;
constexpr unsigned long long kMaxExpansion = 32768;
} // namespace

std::string compress(std::string_view data)
{
    std::string out(ZSTD_compressBound(data.size()), '\0');
    const std::size_t size = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), kLevel);
    if (ZSTD_isError(size))
        throw Error(std::string("zstd could not compress: ") + ZSTD_getErrorName(size));
    out.resize(size);
    return out;
}

std::string decompress(std::string_view data, const std::string& what)
{
    const unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        throw Error(what + ": the stored data is not a complete zstd frame");
    // The size is the frame's own claim: no zstd frame expands more than 32,768 times (a 4-byte RLE
    // block makes at most 128 KiB), so a larger claim is damage, not data (found by fuzzing).
    if (size / kMaxExpansion > data.size())
        throw Error(what + ": the stored data is damaged (its zstd frame claims " + std::to_string(size)
            + " bytes from " + std::to_string(data.size()) + ")");
    std::string out;
    try {
        out.assign(size, '\0');
    } catch (const std::bad_alloc&) {
        throw Error(what + ": " + std::to_string(size) + " bytes do not fit in memory");
    }
    const std::size_t written = ZSTD_decompress(out.data(), out.size(), data.data(), data.size());
    if (ZSTD_isError(written) || written != size)
        throw Error(what + ": the stored data is damaged (" + std::string(ZSTD_getErrorName(written)) + ")");
    return out;
}

} // namespace evograph::workspace
