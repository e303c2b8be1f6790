#include "evograph/engine/file_read.h"

#include "evograph/error.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace evograph::engine {

std::string readWholeFile(const std::filesystem::path& path, std::string_view what)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(SourcePosition {path.string()}, "cannot read " + std::string(what) + ": it is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(SourcePosition {path.string()}, "cannot read " + std::string(what) + ": " + std::strerror(errno));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad())
        throw Error(SourcePosition {path.string()}, "cannot read " + std::string(what) + ": " + std::strerror(errno));
    return std::move(bytes).str();
}

} // namespace evograph::engine
