#include "zstd_codec.h"

#include "evograph/error.h"

#include <zstd.h>

namespace evograph::workspace {

namespace {
// Level 3 (zstd's default) compresses canonical N-Quads about 13x at several hundred MB/s.
constexpr int kLevel = 3;
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
    std::string out(size, '\0');
    const std::size_t written = ZSTD_decompress(out.data(), out.size(), data.data(), data.size());
    if (ZSTD_isError(written) || written != size)
        throw Error(what + ": the stored data is damaged (" + std::string(ZSTD_getErrorName(written)) + ")");
    return out;
}

} // namespace evograph::workspace
