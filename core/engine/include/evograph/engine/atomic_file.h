#pragma once
// Writing a file so that readers and crashes see the old content or the new, never a part:
// a temporary file beside it, fsync, rename over the target, fsync of the directory.

#include <string>
#include <string_view>

namespace evograph::engine {

// Throws evograph::Error naming the path when it cannot write.
void writeFileAtomically(const std::string& path, std::string_view bytes);

} // namespace evograph::engine
